/** Turning a Kubernetes structural schema (OpenAPI v3 with x-kubernetes-*) into one ajv understands. */
import { isRecord } from './isRecord';

export type JsonSchema = Record<string, any>;

function mapValues(
  record: Record<string, JsonSchema>,
  convert: (schema: JsonSchema) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(record).map(([key, schema]) => [key, convert(schema)]),
  );
}

function convertChildren(
  schema: JsonSchema,
  convert: (child: JsonSchema) => JsonSchema,
): void {
  if (isRecord(schema.properties)) {
    schema.properties = mapValues(schema.properties, convert);
  }
  if (isRecord(schema.additionalProperties)) {
    schema.additionalProperties = convert(schema.additionalProperties);
  }
  if (Array.isArray(schema.items)) {
    schema.items = schema.items.map(convert);
  } else if (isRecord(schema.items)) {
    schema.items = convert(schema.items);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[keyword])) {
      schema[keyword] = schema[keyword].map(convert);
    }
  }
  if (isRecord(schema.not)) {
    schema.not = convert(schema.not);
  }
}

function isIntegerOrStringAlternatives(anyOf: unknown): boolean {
  return (
    Array.isArray(anyOf) &&
    anyOf.every(
      branch =>
        isRecord(branch) &&
        Object.keys(branch).length === 1 &&
        (branch.type === 'integer' || branch.type === 'string'),
    )
  );
}

function applyIntOrString(schema: JsonSchema): void {
  if (schema['x-kubernetes-int-or-string'] !== true) {
    return;
  }
  schema.type = ['integer', 'string'];
  // controller-gen spells the same rule out as anyOf; keeping it only doubles the messages.
  if (isIntegerOrStringAlternatives(schema.anyOf)) {
    delete schema.anyOf;
  }
}

/** Embedded objects always carry apiVersion, kind and (unvalidated) metadata. */
function applyEmbeddedResource(schema: JsonSchema): void {
  if (schema['x-kubernetes-embedded-resource'] !== true) {
    return;
  }
  schema.properties = {
    ...schema.properties,
    apiVersion: { type: 'string', minLength: 1 },
    kind: { type: 'string', minLength: 1 },
    metadata: { type: 'object' },
  };
  const required: string[] = schema.required ?? [];
  schema.required = [...new Set([...required, 'apiVersion', 'kind'])];
}

/**
 * Kubernetes prunes unknown fields; kube-sim rejects them instead (like
 * fieldValidation=Strict) so that tests see what the schema would drop.
 */
function applyUnknownFieldsPolicy(schema: JsonSchema): void {
  const isObject =
    schema.type === 'object' ||
    (Array.isArray(schema.type) && schema.type.includes('object'));
  if (
    isObject &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true &&
    schema.additionalProperties === undefined
  ) {
    schema.additionalProperties = false;
  }
}

function applyNullable(schema: JsonSchema): void {
  if (schema.nullable === undefined) {
    return;
  }
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) {
    return;
  }
  if (schema.type !== undefined) {
    schema.type = [...new Set([schema.type, 'null'].flat())];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
}

/** Patterns are Go regular expressions; one JavaScript cannot compile is skipped, not fatal. */
function dropUncompilablePattern(schema: JsonSchema): void {
  if (typeof schema.pattern !== 'string') {
    return;
  }
  try {
    new RegExp(schema.pattern); // eslint-disable-line no-new
  } catch {
    delete schema.pattern;
  }
}

function convertSchema(schema: JsonSchema, formats: Set<string>): JsonSchema {
  const converted: JsonSchema = { ...schema };
  convertChildren(converted, child => convertSchema(child, formats));
  if (typeof converted.format === 'string') {
    formats.add(converted.format);
  }
  applyIntOrString(converted);
  applyEmbeddedResource(converted);
  applyUnknownFieldsPolicy(converted);
  applyNullable(converted);
  dropUncompilablePattern(converted);
  return converted;
}

/**
 * The ajv schema for a CRD version's openAPIV3Schema; adds every format it uses to `formats`.
 * The root always allows apiVersion and kind; metadata is the API server's business, not the CRD's.
 */
export function toAjvSchema(
  openApiSchema: JsonSchema,
  formats: Set<string>,
): JsonSchema {
  const converted = convertSchema(openApiSchema, formats);
  return {
    ...converted,
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      ...converted.properties,
      metadata: { type: 'object' },
    },
  };
}
