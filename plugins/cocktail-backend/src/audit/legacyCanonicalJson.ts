import { JsonValue } from '@backstage/types';

/**
 * The text audit rows were hashed over before the chain used RFC 8785: `JSON.stringify` of a
 * copy with its keys sorted. It is the RFC 8785 text except in two cases: an object's
 * array-index keys (`"2"`, `"10"`) come first and in numeric order, because JavaScript puts
 * them there; and a lone surrogate is escaped (`\ud800`), where RFC 8785 has no text. Kept so
 * that rows written in this form still verify, and for content RFC 8785 cannot write.
 */
export function legacyCanonicalJson(value: JsonValue): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    // Without a prototype, a "__proto__" key is written like any other. The first version
    // dropped it, so a row with one added would still have verified; stored details never
    // held one, since redactDetails drops it too.
    const sorted: { [key: string]: JsonValue } = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const child = value[key];
      if (child !== undefined) {
        sorted[key] = sortKeys(child);
      }
    }
    return sorted;
  }
  return value;
}
