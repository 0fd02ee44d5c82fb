/**
 * A small vocabulary for writing OpenAPI v3 schemas by hand: each helper returns the plain
 * JSON schema, with the description first so the hand-written tables read like documentation.
 * Objects never forbid unknown fields: the schemas describe, they do not reject.
 */
import {
  GroupVersionKind,
  INT_OR_STRING,
  OBJECT_META,
  QUANTITY,
  TIME,
} from './definitionNames';

export type OpenApiSchema = { [keyword: string]: unknown };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** How a list merges under strategic merge patch and server-side apply. */
export type ListMerge =
  /** Items are objects matched by this key. */
  | { key: string }
  /** Items are scalars kept as a set. */
  | 'set'
  /** The list is replaced whole (the default). */
  | 'atomic';

function listExtensions(merge: ListMerge): OpenApiSchema {
  if (merge === 'set') {
    return {
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
    };
  }
  if (merge === 'atomic') {
    return { 'x-kubernetes-list-type': 'atomic' };
  }
  return {
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': [merge.key],
    'x-kubernetes-patch-merge-key': merge.key,
    'x-kubernetes-patch-strategy': 'merge',
  };
}

function ref(definition: string, description?: string): OpenApiSchema {
  const pointer = { $ref: `${SCHEMA_REF_PREFIX}${definition}` };
  // A $ref cannot carry siblings in OpenAPI 3.0; Kubernetes wraps it in allOf to add a description.
  return description === undefined
    ? pointer
    : { description, allOf: [pointer] };
}

function list(
  items: OpenApiSchema,
  description: string,
  merge: ListMerge = 'atomic',
): OpenApiSchema {
  return { description, type: 'array', items, ...listExtensions(merge) };
}

export const field = {
  string: (
    description: string,
    extras: { enum?: string[]; format?: string } = {},
  ): OpenApiSchema => ({ description, type: 'string', ...extras }),
  int32: (description: string): OpenApiSchema => ({
    description,
    type: 'integer',
    format: 'int32',
  }),
  int64: (description: string): OpenApiSchema => ({
    description,
    type: 'integer',
    format: 'int64',
  }),
  number: (description: string): OpenApiSchema => ({
    description,
    type: 'number',
    format: 'double',
  }),
  boolean: (description: string): OpenApiSchema => ({
    description,
    type: 'boolean',
  }),
  object: (
    description: string,
    properties: Record<string, OpenApiSchema>,
    required: string[] = [],
  ): OpenApiSchema => ({
    description,
    type: 'object',
    properties,
    ...(required.length > 0 && { required }),
  }),
  /** Any JSON object, kept as given. */
  anyObject: (description: string): OpenApiSchema => ({
    description,
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
  }),
  ref,
  list,
  /** A list of objects of a named schema. */
  listOf: (definition: string, description: string, merge?: ListMerge) =>
    list(ref(definition), description, merge),
  strings: (description: string, merge?: ListMerge) =>
    list({ type: 'string' }, description, merge),
  map: (values: OpenApiSchema, description: string): OpenApiSchema => ({
    description,
    type: 'object',
    additionalProperties: values,
  }),
  stringMap: (description: string): OpenApiSchema => ({
    description,
    type: 'object',
    additionalProperties: { type: 'string' },
  }),
  quantityMap: (description: string): OpenApiSchema => ({
    description,
    type: 'object',
    additionalProperties: ref(QUANTITY),
  }),
  time: (description: string) => ref(TIME, description),
  quantity: (description: string) => ref(QUANTITY, description),
  intOrString: (description: string) => ref(INT_OR_STRING, description),
};

const API_VERSION =
  'The versioned schema this object is written in, such as apps/v1; the server converts between versions.';
const METADATA_DESCRIPTION =
  "The object's name, namespace, labels, annotations and the bookkeeping the server keeps.";
const KIND =
  'The kind of object (Deployment, Pod …), in CamelCase; it names the REST resource the object belongs to.';

/**
 * The schema of a top-level kind: apiVersion, kind and metadata, the given fields, and the
 * group-version-kind kubectl uses to find it.
 */
export function kindSchema(
  gvk: GroupVersionKind,
  description: string,
  properties: Record<string, OpenApiSchema>,
  required: string[] = [],
): OpenApiSchema {
  return {
    ...field.object(
      description,
      {
        apiVersion: field.string(API_VERSION),
        kind: field.string(KIND),
        metadata: ref(OBJECT_META, METADATA_DESCRIPTION),
        ...properties,
      },
      required,
    ),
    'x-kubernetes-group-version-kind': [gvk],
  };
}

/** The schemas of one Go package of built-in types, keyed by full definition name. */
export function definitions(
  name: (typeName: string) => string,
  schemas: Record<string, OpenApiSchema>,
): Record<string, OpenApiSchema> {
  return Object.fromEntries(
    Object.entries(schemas).map(([typeName, schema]) => [
      name(typeName),
      schema,
    ]),
  );
}
