/**
 * The schemas an OpenAPI document publishes for a served resource: its kind and its list kind.
 * Built-in kinds have hand-written schemas; a custom resource publishes its CRD's schema; a
 * resource with neither gets an open schema naming only apiVersion, kind and metadata.
 */
import { builtInResources } from '../builtInResources';
import { ResourceType } from '../types';
import { builtInDefinitions } from './builtInSchemas';
import {
  definitionNameOf,
  GroupVersionKind,
  LIST_META,
} from './definitionNames';
import { field, kindSchema, OpenApiSchema } from './schemaDsl';

export function gvkOf(type: ResourceType): GroupVersionKind {
  return { group: type.group, version: type.version, kind: type.kind };
}

export function isBuiltIn(type: ResourceType): boolean {
  return builtInResources.some(
    builtIn =>
      builtIn.group === type.group &&
      builtIn.version === type.version &&
      builtIn.kind === type.kind,
  );
}

/**
 * A CRD version's schema as the API server publishes it: apiVersion, kind and the shared
 * ObjectMeta added at the root (whatever the CRD says of metadata), and the group-version-kind.
 */
function customResourceSchema(
  type: ResourceType,
  crdSchema: Record<string, unknown>,
): OpenApiSchema {
  const { metadata, ...ownProperties } = (crdSchema.properties ?? {}) as Record<
    string,
    OpenApiSchema
  >;
  const published = kindSchema(
    gvkOf(type),
    (crdSchema.description as string | undefined) ??
      `${type.kind} is a custom resource of ${type.group}.`,
    structuredClone(ownProperties),
  );
  return { ...structuredClone(crdSchema), ...published };
}

/** Any object with the kind's apiVersion and kind, for a resource no schema is known for. */
function openSchema(type: ResourceType): OpenApiSchema {
  return {
    ...kindSchema(
      gvkOf(type),
      `${type.kind} of ${
        type.group || 'the core group'
      }; kube-sim knows no schema for it and keeps every field.`,
      {},
    ),
    'x-kubernetes-preserve-unknown-fields': true,
  };
}

function schemaOfKind(type: ResourceType): OpenApiSchema {
  if (type.schema) {
    return customResourceSchema(type, type.schema);
  }
  const builtIn = builtInDefinitions[definitionNameOf(type)];
  return builtIn ?? openSchema(type);
}

function listSchema(type: ResourceType, itemDefinition: string): OpenApiSchema {
  return kindSchema(
    { group: type.group, version: type.version, kind: type.listKind },
    `A list of ${type.kind} objects.`,
    {
      metadata: field.ref(
        LIST_META,
        'Where the list was read and how to get the next page.',
      ),
      items: field.listOf(itemDefinition, `The ${type.plural}.`),
    },
    ['items'],
  );
}

/** The definitions a resource adds to a document, by definition name. */
export function kindDefinitions(
  type: ResourceType,
): Record<string, OpenApiSchema> {
  const name = definitionNameOf(type);
  return {
    [name]: schemaOfKind(type),
    [definitionNameOf({ ...type, kind: type.listKind })]: listSchema(
      type,
      name,
    ),
  };
}
