/**
 * The Swagger 2.0 document the API server serves at /openapi/v2: every path of every group
 * version and every schema under `definitions`, the same content as the v3 documents.
 */
import { ResourceType } from '../types';
import { ApiParameter } from './apiParameters';
import { documentDefinitions } from './documentDefinitions';
import { RESPONSE_DESCRIPTIONS } from './openApiV3Document';
import { ApiOperation, ApiPathItem, resourcePaths } from './resourceOperations';
import { DEFINITIONS_REF_PREFIX, toSwaggerSchema } from './swaggerSchema';

function parameter(p: ApiParameter) {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    type: p.type,
    ...(p.required && { required: true }),
    ...(p.uniqueItems && { uniqueItems: true }),
  };
}

function definitionRef(definition: string) {
  return { $ref: `${DEFINITIONS_REF_PREFIX}${definition}` };
}

function operation(op: ApiOperation) {
  const text = 'text' in op.response;
  const schema =
    'text' in op.response
      ? { type: 'string' }
      : definitionRef(op.response.definition);
  const body = op.requestBody && {
    name: 'body',
    in: 'body',
    required: true,
    schema: definitionRef(op.requestBody.definition),
  };
  return {
    description: op.description,
    operationId: op.operationId,
    consumes: op.requestBody?.contentTypes ?? ['*/*'],
    produces: text ? ['text/plain'] : ['application/json', 'application/yaml'],
    parameters: [...op.parameters.map(parameter), ...(body ? [body] : [])],
    responses: {
      ...Object.fromEntries(
        op.success.map(code => [
          code,
          { description: RESPONSE_DESCRIPTIONS[code], schema },
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

/** The one document of every resource the registry serves. */
export function swaggerV2Document(
  types: ResourceType[],
  kubernetesVersion: string,
) {
  const items = types
    .flatMap(resourcePaths)
    .sort((a, b) => a.path.localeCompare(b.path));
  const definitions = documentDefinitions(types, items);
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths: Object.fromEntries(items.map(item => [item.path, pathItem(item)])),
    definitions: Object.fromEntries(
      Object.entries(definitions).map(([name, schema]) => [
        name,
        toSwaggerSchema(schema),
      ]),
    ),
  };
}
