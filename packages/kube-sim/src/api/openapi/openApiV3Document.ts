/**
 * OpenAPI 3.0 documents as the API server serves them under /openapi/v3: an index of group
 * versions, and one document per group version with its paths and `components.schemas`.
 * kubectl reads them to find the PATCH operation of a kind (and whether it takes fieldValidation
 * and strategic merge patch) and, for explain, the schema carrying the kind's group-version-kind.
 */
import { ResourceType } from '../types';
import { ApiParameter } from './apiParameters';
import { documentDefinitions } from './documentDefinitions';
import { ApiOperation, ApiPathItem, resourcePaths } from './resourceOperations';
import { SCHEMA_REF_PREFIX } from './schemaDsl';

export const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '401': 'Unauthorized',
};

function parameter(p: ApiParameter) {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.required && { required: true }),
    schema: { type: p.type, ...(p.uniqueItems && { uniqueItems: true }) },
  };
}

function schemaRef(definition: string) {
  return { $ref: `${SCHEMA_REF_PREFIX}${definition}` };
}

function operation(op: ApiOperation) {
  const content =
    'text' in op.response
      ? { 'text/plain': { schema: { type: 'string' } } }
      : { 'application/json': { schema: schemaRef(op.response.definition) } };
  return {
    description: op.description,
    operationId: op.operationId,
    parameters: op.parameters.map(parameter),
    ...(op.requestBody && {
      requestBody: {
        content: Object.fromEntries(
          op.requestBody.contentTypes.map(type => [
            type,
            { schema: schemaRef(op.requestBody!.definition) },
          ]),
        ),
        required: true,
      },
    }),
    responses: {
      ...Object.fromEntries(
        op.success.map(code => [
          code,
          { description: RESPONSE_DESCRIPTIONS[code], content },
        ]),
      ),
      '401': { description: RESPONSE_DESCRIPTIONS['401'] },
    },
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': op.gvk,
  };
}

function pathItem(item: ApiPathItem) {
  return {
    ...Object.fromEntries(
      item.operations.map(op => [op.method, operation(op)]),
    ),
    parameters: item.parameters.map(parameter),
  };
}

/** The document of one group version, for the resources it serves. */
export function openApiV3Document(
  types: ResourceType[],
  kubernetesVersion: string,
) {
  const items = types
    .flatMap(resourcePaths)
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths: Object.fromEntries(items.map(item => [item.path, pathItem(item)])),
    components: { schemas: documentDefinitions(types, items) },
  };
}

/** `api/v1` for the core group, `apis/<group>/<version>` for the others. */
export function groupVersionKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The /openapi/v3 index: where the document of each group version is, with its hash. */
export function openApiV3Index(hashes: Record<string, string>) {
  return {
    paths: Object.fromEntries(
      Object.entries(hashes).map(([key, hash]) => [
        key,
        { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` },
      ]),
    ),
  };
}
