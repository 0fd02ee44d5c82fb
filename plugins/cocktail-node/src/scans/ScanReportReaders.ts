import { InputError } from '@backstage/errors';
import { grypeReader } from './readGrype';
import { ReportReader } from './ReportReader';
import { sarifReader } from './readSarif';
import { trivyReader } from './readTrivy';
import { trivyOperatorReader } from './readTrivyOperator';

/**
 * The built-in formats, most specific markers first: the order detection tries them in.
 *
 * @public
 */
export const BUILT_IN_SCAN_REPORT_READERS: ReadonlyArray<ReportReader> = [
  trivyOperatorReader,
  sarifReader,
  trivyReader,
  grypeReader,
];

/**
 * The scan report formats the suite reads. When a report's format is not given, the formats are
 * tried in the order they were added: the built-ins first, so a module's format needs markers
 * of its own that the built-in ones do not claim.
 *
 * @public
 */
export class ScanReportReaders {
  readonly #readers: ReportReader[] = [];

  /** The built-in formats: Trivy JSON, Grype JSON, SARIF 2.1.0 and Trivy Operator reports. */
  static builtIn(): ScanReportReaders {
    return new ScanReportReaders().add(...BUILT_IN_SCAN_REPORT_READERS);
  }

  add(...readers: ReportReader[]): this {
    for (const reader of readers) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(reader.format)) {
        throw new Error(
          `A scan report reader's format must be a lowercase name such as my-scanner, got "${reader.format}"`,
        );
      }
      if (this.get(reader.format)) {
        throw new Error(
          `Two scan report readers claim the format "${reader.format}"`,
        );
      }
      this.#readers.push(reader);
    }
    return this;
  }

  get(format: string): ReportReader | undefined {
    return this.#readers.find(reader => reader.format === format);
  }

  /** The reader of `format`, or an `InputError` naming the formats there are. */
  require(format: string): ReportReader {
    const reader = this.get(format);
    if (!reader) {
      throw new InputError(
        `unknown report format "${format}": expected one of ${this.formats().join(
          ', ',
        )}`,
      );
    }
    return reader;
  }

  formats(): string[] {
    return this.#readers.map(reader => reader.format);
  }

  /** Every reader, in the order detection tries them. */
  inDetectionOrder(): ReportReader[] {
    return [...this.#readers];
  }

  /** What a report has to be, for the message that refuses one of none of these formats. */
  describeExpected(): string {
    const names = this.#readers.map(
      reader => reader.description ?? reader.format,
    );
    return names.length > 1
      ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
      : names[0] ?? 'nothing (no report readers are registered)';
  }
}
