import { Issue } from './Issue';

/**
 * `key=value` strings (split at the first `=`) into a map; anything else is an issue on
 * `field`. Later keys win.
 */
export function parseKeyValues<T = string>(
  entries: string[],
  field: string,
  flag: string,
  issues: Issue[],
  convert: (value: string) => T = value => value as unknown as T,
): Record<string, T> | undefined {
  if (!entries.length) {
    return undefined;
  }
  const result: Record<string, T> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals <= 0) {
      issues.push({
        field,
        message: `expected ${flag} key=value, got "${entry}"`,
      });
      continue;
    }
    result[entry.slice(0, equals)] = convert(entry.slice(equals + 1));
  }
  return result;
}

/** A whole number as a number; anything else as given, for validation to report. */
export function numberOrText(value: string): number | string {
  return /^-?\d+$/.test(value) ? Number(value) : value;
}
