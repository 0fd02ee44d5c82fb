import { Config } from '@backstage/config';

/**
 * Reads the fields of one app-config entry, noting each mistake with its key
 * instead of throwing at the first, so that all of them can be reported at
 * once.
 */
export class ConfigEntryReader {
  readonly key: string;
  private readonly entry: Config;
  private readonly problems: string[];
  private problemCount = 0;

  constructor(entry: Config, key: string, problems: string[]) {
    this.entry = entry;
    this.key = key;
    this.problems = problems;
  }

  has(field: string): boolean {
    return this.entry.getOptional(field) !== undefined;
  }

  string(field: string): string | undefined {
    const value = this.entry.getOptional(field);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string' || value === '') {
      this.problem(
        field,
        `expected a non-empty string, got ${describe(value)}`,
      );
      return undefined;
    }
    return value;
  }

  /** A list of non-empty strings. */
  stringList(field: string): string[] | undefined {
    const value = this.entry.getOptional(field);
    if (value === undefined) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.problem(
        field,
        `expected a list of non-empty strings, got ${describe(value)}`,
      );
      return undefined;
    }
    const wrong = value.findIndex(item => typeof item !== 'string' || !item);
    if (wrong >= 0) {
      this.problem(
        `${field}[${wrong}]`,
        `expected a non-empty string, got ${describe(value[wrong])}`,
      );
      return undefined;
    }
    return value as string[];
  }

  /** A number greater than zero. */
  positiveNumber(field: string): number | undefined {
    const value = this.entry.getOptional(field);
    if (value === undefined) {
      return undefined;
    }
    // Environment substitutions give strings, which Backstage reads as numbers too.
    const number =
      typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
      this.problem(
        field,
        `expected a number greater than 0, got ${describe(value)}`,
      );
      return undefined;
    }
    return number;
  }

  boolean(field: string): boolean | undefined {
    const value = this.entry.getOptional(field);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'boolean') {
      this.problem(field, `expected true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** Notes a mistake in `field`, or in the whole entry when no field is named. */
  problem(field: string | undefined, message: string): void {
    this.problemCount += 1;
    this.problems.push(
      `${field ? `${this.key}.${field}` : this.key}: ${message}`,
    );
  }

  hasProblems(): boolean {
    return this.problemCount > 0;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object' && value !== null) {
    return 'an object';
  }
  return JSON.stringify(value);
}
