import {
  SCAN_SEVERITIES,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseImageReference } from '@cocktailcloud/plugin-cocktail-node';
import { z } from 'zod';
import { queryText, queryWholeNumber } from '../validation/inputFields';
import { decodeFindingsCursor } from './findingsCursor';
import { FindingFilter, FindingsPageRequest } from './types';

/** Findings per page when `limit` is not given, and the most one page may have. */
export const FINDINGS_PAGE = { default: 100, max: 500 };

/** `POST /image-scans?image=…&format=…`: both optional; the report says them otherwise. */
export const uploadQuery = z.strictObject({
  image: queryText(
    'an image reference such as registry.example.com/app:1.2.3',
    512,
  )
    .superRefine((image, ctx) => {
      try {
        parseImageReference(image);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
  /** Checked against the registered report readers by the route. */
  format: queryText('a report format such as trivy', 50)
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: 'expected a report format such as trivy',
    })
    .optional(),
});

const severities = queryText(
  `one or more of ${SCAN_SEVERITIES.join(', ')} separated by commas`,
  100,
).transform((text, ctx) => {
  const wanted = text.split(',').map(s => s.trim().toUpperCase());
  const unknown = wanted.find(
    s => !(SCAN_SEVERITIES as readonly string[]).includes(s),
  );
  if (unknown !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected one or more of ${SCAN_SEVERITIES.join(
        ', ',
      )} separated by commas, got ${JSON.stringify(unknown)}`,
    });
    return z.NEVER;
  }
  return wanted as ScanSeverity[];
});

const cursor = queryText('the nextCursor of the previous page', 200).transform(
  (text, ctx) => {
    try {
      return decodeFindingsCursor(text);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: (error as Error).message.replace(/^cursor: /, ''),
      });
      return z.NEVER;
    }
  },
);

/** `GET /image-scans/:id/findings?severity=HIGH,CRITICAL&fixable=true&package=…&q=…&limit=&cursor=` */
export const findingsQuery = z
  .strictObject({
    severity: severities.optional(),
    fixable: z
      .enum(['true', 'false'], { error: 'expected true or false' })
      .optional(),
    package: queryText('a package name', 512).optional(),
    q: queryText('text to search for', 200).optional(),
    limit: queryWholeNumber(1, FINDINGS_PAGE.max).optional(),
    cursor: cursor.optional(),
  })
  .transform(query => {
    const filter: FindingFilter = {};
    if (query.severity) filter.severity = query.severity;
    if (query.fixable) filter.fixable = query.fixable === 'true';
    if (query.package?.trim()) filter.package = query.package.trim();
    if (query.q?.trim()) filter.q = query.q.trim();
    const page: FindingsPageRequest = {
      offset: query.cursor ?? 0,
      limit: query.limit ?? FINDINGS_PAGE.default,
    };
    return { filter, page };
  });

export const scanIdParams = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,17}$/, {
    error: 'expected the id of a scan (a positive whole number)',
  }),
});
