/**
 * Rewrites an OpenAPI v3 schema for Swagger 2.0: references point into `#/definitions/`, a
 * described reference is a plain `$ref` with a description beside it (as Kubernetes writes v2),
 * and keywords Swagger 2.0 lacks (anyOf, oneOf, not, nullable) are left out.
 */
import { OpenApiSchema, SCHEMA_REF_PREFIX } from './schemaDsl';

export const DEFINITIONS_REF_PREFIX = '#/definitions/';

const DROPPED = new Set(['anyOf', 'oneOf', 'not', 'nullable']);

function isPlainReference(value: unknown): value is { $ref: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length === 1 &&
    typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

function convertValue(key: string, value: unknown): unknown {
  if (key === '$ref' && typeof value === 'string') {
    return value.replace(SCHEMA_REF_PREFIX, DEFINITIONS_REF_PREFIX);
  }
  if (key === 'properties' && value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, schema]) => [
        name,
        toSwaggerSchema(schema),
      ]),
    );
  }
  if (
    (key === 'items' || key === 'additionalProperties') &&
    value &&
    typeof value === 'object'
  ) {
    return toSwaggerSchema(value as OpenApiSchema);
  }
  if (key === 'allOf' && Array.isArray(value)) {
    return value.map(toSwaggerSchema);
  }
  return value;
}

export function toSwaggerSchema(schema: OpenApiSchema): OpenApiSchema {
  const { allOf, ...rest } = schema;
  const source: OpenApiSchema =
    Array.isArray(allOf) && allOf.length === 1 && isPlainReference(allOf[0])
      ? { ...rest, $ref: allOf[0].$ref }
      : schema;
  const converted: OpenApiSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (!DROPPED.has(key)) {
      converted[key] = convertValue(key, value);
    }
  }
  if (converted['x-kubernetes-int-or-string'] === true && !converted.type) {
    converted.type = 'string';
    converted.format = 'int-or-string';
  }
  return converted;
}
