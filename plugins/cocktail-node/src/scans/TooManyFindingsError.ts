import { CustomErrorBase } from '@backstage/errors';

/**
 * A report with more distinct findings than a caller accepts; `count` says how many it has.
 *
 * @public
 */
export class TooManyFindingsError extends CustomErrorBase {
  name = 'TooManyFindingsError' as const;

  constructor(readonly count: number, readonly limit: number) {
    super(
      `the report has ${count.toLocaleString(
        'en-US',
      )} findings, more than the ${limit.toLocaleString(
        'en-US',
      )} a scan may have`,
    );
  }
}
