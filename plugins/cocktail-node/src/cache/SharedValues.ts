/**
 * One copy of each value many cached objects repeat: label sets, container specs, owner
 * references, image names, node names. Objects parsed from JSON carry their own copy of every
 * string and sub-object; ten thousand pods of a few hundred servers repeat the same few hundred
 * of each. Shared values are frozen, since every object that holds one sees a change.
 *
 * The pool only grows, so when it passes `limit` entries it starts afresh: values already
 * shared stay shared where they are held, new ones are pooled again.
 */
export class SharedValues {
  readonly #strings = new Map<string, string>();
  readonly #objects = new Map<string, unknown>();

  constructor(private readonly limit = 50_000) {}

  string<T extends string | undefined>(value: T): T {
    if (value === undefined) {
      return value;
    }
    const shared = this.#strings.get(value);
    if (shared !== undefined) {
      return shared as T;
    }
    this.#makeRoom(this.#strings);
    this.#strings.set(value, value);
    return value;
  }

  /** The shared copy of a plain JSON value (objects and arrays of strings, numbers, booleans). */
  value<T>(value: T): T {
    if (value === undefined || value === null || typeof value !== 'object') {
      return typeof value === 'string' ? (this.string(value) as T) : value;
    }
    const key = JSON.stringify(value);
    const shared = this.#objects.get(key);
    if (shared !== undefined) {
      return shared as T;
    }
    const copy = deepFreeze(this.#internStrings(value));
    this.#makeRoom(this.#objects);
    this.#objects.set(key, copy);
    return copy;
  }

  get size(): number {
    return this.#strings.size + this.#objects.size;
  }

  #internStrings(value: any): any {
    if (typeof value === 'string') {
      return this.string(value);
    }
    if (Array.isArray(value)) {
      return value.map(entry => this.#internStrings(entry));
    }
    if (value && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        if (entry !== undefined) {
          result[key] = this.#internStrings(entry);
        }
      }
      return result;
    }
    return value;
  }

  #makeRoom(pool: Map<string, unknown>) {
    if (pool.size >= this.limit) {
      pool.clear();
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
