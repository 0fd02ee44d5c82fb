import { JsonValue } from '@backstage/types';

type Canonicalize = typeof import('canonicalize').default;

let loading: Promise<Canonicalize> | undefined;

/**
 * Loads `canonicalize` once. It is ESM-only: this package compiles to CommonJS and can only
 * reach it through a dynamic import (as with `@kubernetes/client-node`).
 */
function loadCanonicalize(): Promise<Canonicalize> {
  loading ??= import('canonicalize').then(module => module.default);
  return loading;
}

/**
 * The JSON Canonicalization Scheme (RFC 8785) text of a value: object keys sorted by UTF-16
 * code units at every depth, numbers and strings written as ECMAScript writes them. Rejects a
 * string with a lone surrogate, which RFC 8785 has no text for.
 */
export async function canonicalJson(value: JsonValue): Promise<string> {
  const canonicalize = await loadCanonicalize();
  // canonicalize returns undefined only for undefined, which is not a JsonValue.
  return canonicalize(value)!;
}
