/** The schemas a document holds: those of its kinds and every schema they and its operations refer to. */
import { ResourceType } from '../types';
import { builtInDefinitions } from './builtInSchemas';
import { kindDefinitions } from './kindSchemas';
import { ApiPathItem } from './resourceOperations';
import { OpenApiSchema, SCHEMA_REF_PREFIX } from './schemaDsl';

function collectReferences(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    value.forEach(item => collectReferences(item, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (
        key === '$ref' &&
        typeof child === 'string' &&
        child.startsWith(SCHEMA_REF_PREFIX)
      ) {
        into.push(child.slice(SCHEMA_REF_PREFIX.length));
      } else {
        collectReferences(child, into);
      }
    }
  }
}

function operationDefinitions(items: ApiPathItem[]): string[] {
  return items.flatMap(item =>
    item.operations.flatMap(operation => [
      ...(operation.requestBody ? [operation.requestBody.definition] : []),
      ...('definition' in operation.response
        ? [operation.response.definition]
        : []),
    ]),
  );
}

/**
 * The definitions of the given resources and everything reachable from them and from the
 * operations, by name in alphabetical order. Throws on a reference to a schema that does not exist.
 */
export function documentDefinitions(
  types: ResourceType[],
  items: ApiPathItem[],
): Record<string, OpenApiSchema> {
  const own = Object.assign({}, ...types.map(kindDefinitions)) as Record<
    string,
    OpenApiSchema
  >;
  const catalog = { ...builtInDefinitions, ...own };
  const found: Record<string, OpenApiSchema> = {};
  const pending = [...Object.keys(own), ...operationDefinitions(items)];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name in found) {
      continue;
    }
    const schema = catalog[name];
    if (!schema) {
      throw new Error(`OpenAPI schema ${name} is referred to but not defined`);
    }
    found[name] = schema;
    collectReferences(schema, pending);
  }
  return Object.fromEntries(
    Object.keys(found)
      .sort()
      .map(name => [name, found[name]]),
  );
}
