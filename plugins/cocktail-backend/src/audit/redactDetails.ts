import { JsonObject, JsonValue } from '@backstage/types';
import { redactText } from './redactText';

export const REDACTED = '[redacted]';

/** Largest `details` stored, in bytes of JSON. */
export const MAX_DETAILS_BYTES = 16 * 1024;

const SECRET_KEY_PATTERN =
  /token|password|secret|kubeconfig|authorization|credential|cert|key$/i;

// Kubernetes references to a key of a Secret or ConfigMap: they name where a
// value lives, never the value itself, so they and their fields are kept.
const REFERENCE_KEYS = new Set(['secretKeyRef', 'configMapKeyRef']);

// Env var names of `{ name, value }` entries whose value is a secret.
const SECRET_ENV_NAME_PATTERN = /password|secret|token|key/i;

/**
 * Prepares request details for the audit log, at any depth: replaces the
 * values of keys that look like they hold secrets, the values of env entries
 * (`{ name, value }`) whose name does, and secrets recognised by their look
 * in any string (see {@link redactText}); then caps the size.
 */
export function redactDetails(details: JsonObject): JsonObject {
  // The round trip drops undefined values and turns dates and other
  // non-JSON values into what will actually be stored.
  const plain = JSON.parse(JSON.stringify(details)) as JsonObject;
  const redacted = redactObject(plain, undefined);
  const size = Buffer.byteLength(JSON.stringify(redacted));
  if (size > MAX_DETAILS_BYTES) {
    return { truncated: true, size };
  }
  return redacted;
}

function redactObject(
  object: JsonObject,
  parentKey: string | undefined,
): JsonObject {
  const insideReference =
    parentKey !== undefined && REFERENCE_KEYS.has(parentKey);
  const secretEnvValue = isSecretEnvEntry(object);
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) {
      continue;
    }
    const isReference = REFERENCE_KEYS.has(key) && isObject(value);
    if (
      (!insideReference && !isReference && SECRET_KEY_PATTERN.test(key)) ||
      (secretEnvValue && key === 'value')
    ) {
      result[key] = REDACTED;
    } else {
      result[key] = redactValue(value, key);
    }
  }
  return result;
}

function redactValue(value: JsonValue, key: string): JsonValue {
  if (Array.isArray(value)) {
    return value.map(item => redactValue(item, key));
  }
  if (isObject(value)) {
    return redactObject(value, key);
  }
  if (typeof value === 'string') {
    return redactText(value);
  }
  return value;
}

function isSecretEnvEntry(object: JsonObject): boolean {
  return (
    typeof object.name === 'string' &&
    'value' in object &&
    SECRET_ENV_NAME_PATTERN.test(object.name)
  );
}

function isObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
