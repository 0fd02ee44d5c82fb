import { ClusterRequestIssue } from '../types';

/** How a value looks, for messages: `the number 3`, `the string "x"`, `nothing`, … */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `a list of ${value.length}`;
  }
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects issues; every reader reports and carries on, so one pass finds every problem. */
export class Issues {
  readonly list: ClusterRequestIssue[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** An optional string; reports anything else. */
  string(field: string, value: unknown): string | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string' || value === '') {
      this.add(field, `expected a non-empty string, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** A required string. */
  requiredString(field: string, value: unknown): string | undefined {
    if (value === undefined) {
      this.add(field, 'is required');
      return undefined;
    }
    return this.string(field, value);
  }

  /** An optional integer in [min, max]. */
  integer(
    field: string,
    value: unknown,
    min: number,
    max = 2147483647,
  ): number | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(field, `expected a whole number, got ${describe(value)}`);
      return undefined;
    }
    if (value < min || value > max) {
      this.add(field, `expected a number from ${min} to ${max}, got ${value}`);
      return undefined;
    }
    return value;
  }

  /** An optional object; reports keys outside `known`. */
  object(
    field: string,
    value: unknown,
    known: readonly string[],
  ): Record<string, unknown> | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (!isPlainObject(value)) {
      this.add(field, `expected an object, got ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        this.add(
          join(field, key),
          `is not a known field (expected one of ${known.join(', ')})`,
        );
      }
    }
    return value;
  }

  /** An optional map of strings to strings. */
  stringMap(field: string, value: unknown): Record<string, string> | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (!isPlainObject(value)) {
      this.add(
        field,
        `expected an object of strings to strings, got ${describe(value)}`,
      );
      return undefined;
    }
    const result: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') {
        this.add(join(field, key), `expected a string, got ${describe(entry)}`);
      } else {
        result[key] = entry;
      }
    }
    return result;
  }

  /** An optional list. */
  array(field: string, value: unknown): unknown[] | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(field, `expected a list, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }
}

/** `a.b`, or `a["weird.key"]` for keys that are not identifiers. */
export function join(field: string, key: string): string {
  const part = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? key
    : `[${JSON.stringify(key)}]`;
  if (!field) {
    return part;
  }
  return part.startsWith('[') ? `${field}${part}` : `${field}.${part}`;
}
