import { InputError } from '@backstage/errors';

/**
 * A location in a report, such as `['Results', 3, 'Vulnerabilities', 0]`.
 *
 * @public
 */
export type ReportPath = ReadonlyArray<string | number>;

/** `Results[3].Vulnerabilities[0].Severity` */
export function formatPath(path: ReportPath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') {
        return `[${segment}]`;
      }
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return JSON.stringify(value);
}

/**
 * Reads the fields of one report format, and throws an `InputError` naming the format, the
 * field and what was wrong: `not a Trivy report: Results[3].Vulnerabilities[0].Severity: …`.
 *
 * @public
 */
export class ReportFields {
  constructor(readonly label: string) {}

  error(path: ReportPath, message: string): InputError {
    const where = formatPath(path);
    return new InputError(
      `not a ${this.label}: ${where ? `${where}: ` : ''}${message}`,
    );
  }

  unexpected(path: ReportPath, expected: string, value: unknown): InputError {
    return this.error(path, `expected ${expected}, got ${describe(value)}`);
  }

  object(value: unknown, path: ReportPath): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.unexpected(path, 'an object', value);
    }
    return value as Record<string, unknown>;
  }

  optionalObject(
    value: unknown,
    path: ReportPath,
  ): Record<string, unknown> | undefined {
    return value === undefined || value === null
      ? undefined
      : this.object(value, path);
  }

  /** An array; absent or `null` (as Go's encoders write empty slices) reads as empty. */
  array(value: unknown, path: ReportPath): unknown[] {
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value)) {
      throw this.unexpected(path, 'an array', value);
    }
    return value;
  }

  string(value: unknown, path: ReportPath): string {
    if (typeof value !== 'string' || !value) {
      throw this.unexpected(path, 'a non-empty string', value);
    }
    return value;
  }

  /** A string, or `undefined` when absent, null or empty. */
  optionalString(value: unknown, path: ReportPath): string | undefined {
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw this.unexpected(path, 'a string', value);
    }
    return value;
  }

  optionalNumber(value: unknown, path: ReportPath): number | undefined {
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      throw this.unexpected(path, 'a number', value);
    }
    return number;
  }

  /** An ISO 8601 timestamp (any precision, any offset), normalised to UTC milliseconds. */
  optionalTimestamp(value: unknown, path: ReportPath): string | undefined {
    if (value instanceof Date) {
      return value.toISOString();
    }
    const text = this.optionalString(value, path);
    if (text === undefined) {
      return undefined;
    }
    // Go writes nanoseconds; Date reads at most milliseconds.
    const time = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
    if (Number.isNaN(time)) {
      throw this.unexpected(path, 'an ISO 8601 timestamp', value);
    }
    return new Date(time).toISOString();
  }
}
