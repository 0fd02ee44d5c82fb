/** JSON merge patch (RFC 7386): objects merge key by key, null removes, anything else replaces. */
import { cloneJson, isPlainObject, JsonObject } from '../jsonValues';

/** Returns the patched document; `target` is left untouched. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  return mergePatchInto(cloneJson(target), patch);
}

// `target` is always a private copy, so it is updated in place.
function mergePatchInto(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) {
    return cloneJson(patch);
  }
  const result: JsonObject = isPlainObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatchInto(result[key], value);
    }
  }
  return result;
}
