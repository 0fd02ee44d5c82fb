/**
 * The REST paths and operations of one served resource, in a neutral form both document
 * formats render: its collection, its objects and their subresources, as kube-sim serves them.
 */
import { ResourceType } from '../types';
import {
  ApiParameter,
  deleteParameters,
  listParameters,
  logParameters,
  pathParameters,
  patchParameters,
  pretty,
  writeParameters,
} from './apiParameters';
import {
  DELETE_OPTIONS,
  definitionNameOf,
  GroupVersionKind,
  PATCH,
  SCALE_GVK,
  STATUS,
  TOKEN_REQUEST_GVK,
} from './definitionNames';
import { gvkOf, isBuiltIn } from './kindSchemas';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiOperation {
  method: HttpMethod;
  operationId: string;
  description: string;
  /** What the operation does, as `x-kubernetes-action` says it. */
  action: string;
  /** The kind the operation reads or writes; kubectl finds operations by it. */
  gvk: GroupVersionKind;
  parameters: ApiParameter[];
  requestBody?: { definition: string; contentTypes: string[] };
  /** A definition name, or text (the pod log). */
  response: { definition: string } | { text: true };
  /** Status codes of success, such as ['200', '201']. */
  success: string[];
}

export interface ApiPathItem {
  path: string;
  /** Path parameters and `pretty`, shared by every operation of the path. */
  parameters: ApiParameter[];
  operations: ApiOperation[];
}

interface OperationSpec {
  /** The verb the resource must serve for the operation to exist. */
  verb: string;
  /** How the operation id starts: list, create, read, replace … */
  idVerb: string;
  method: HttpMethod;
  action: string;
  /** What the operation does to the resource, or to its subresource. */
  describe: (kind: string, subresource?: string) => string;
  parameters: ApiParameter[];
  /** What the body holds: the object the path is about, delete options or a patch. */
  body?: 'subject' | 'deleteOptions' | 'patch';
  response: 'subject' | 'list' | 'status' | 'text';
  success: string[];
}

/** `the specified Deployment`, or `scale of the specified Deployment`. */
const specified = (kind: string, subresource?: string) =>
  `${subresource ? `${subresource} of ` : ''}the specified ${kind}`;

const LIST: OperationSpec = {
  verb: 'list',
  idVerb: 'list',
  method: 'get',
  action: 'list',
  describe: kind => `list or watch objects of kind ${kind}`,
  parameters: listParameters,
  response: 'list',
  success: ['200'],
};
const CREATE: OperationSpec = {
  verb: 'create',
  idVerb: 'create',
  method: 'post',
  action: 'post',
  describe: (kind, subresource) =>
    subresource ? `create ${specified(kind, subresource)}` : `create a ${kind}`,
  parameters: writeParameters,
  body: 'subject',
  response: 'subject',
  success: ['200', '201', '202'],
};
const DELETE_COLLECTION: OperationSpec = {
  verb: 'deletecollection',
  idVerb: 'deleteCollection',
  method: 'delete',
  action: 'deletecollection',
  describe: kind => `delete a collection of ${kind}`,
  parameters: [...deleteParameters, ...listParameters],
  body: 'deleteOptions',
  response: 'status',
  success: ['200'],
};
const READ: OperationSpec = {
  verb: 'get',
  idVerb: 'read',
  method: 'get',
  action: 'get',
  describe: (kind, subresource) => `read ${specified(kind, subresource)}`,
  parameters: [],
  response: 'subject',
  success: ['200'],
};
const REPLACE: OperationSpec = {
  verb: 'update',
  idVerb: 'replace',
  method: 'put',
  action: 'put',
  describe: (kind, subresource) => `replace ${specified(kind, subresource)}`,
  parameters: writeParameters,
  body: 'subject',
  response: 'subject',
  success: ['200', '201'],
};
const PATCH_OPERATION: OperationSpec = {
  verb: 'patch',
  idVerb: 'patch',
  method: 'patch',
  action: 'patch',
  describe: (kind, subresource) =>
    `partially update ${specified(kind, subresource)}`,
  parameters: patchParameters,
  body: 'patch',
  response: 'subject',
  success: ['200', '201'],
};
const DELETE: OperationSpec = {
  verb: 'delete',
  idVerb: 'delete',
  method: 'delete',
  action: 'delete',
  describe: kind => `delete a ${kind}`,
  parameters: deleteParameters,
  body: 'deleteOptions',
  response: 'status',
  success: ['200', '202'],
};

const SUBRESOURCES: Record<string, OperationSpec[]> = {
  status: [READ, REPLACE, PATCH_OPERATION],
  scale: [READ, REPLACE, PATCH_OPERATION],
  log: [{ ...READ, parameters: logParameters, response: 'text' }],
  // Served whenever the resource itself can be read.
  token: [{ ...CREATE, verb: 'get' }],
  finalize: [{ ...REPLACE, verb: 'get' }],
};

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];
/** kubectl only computes a strategic merge patch for kinds whose PATCH accepts one. */
const BUILT_IN_PATCH_TYPES = [
  ...PATCH_TYPES,
  'application/strategic-merge-patch+json',
];

/** The kind a subresource reads and writes: Scale for scale, TokenRequest for token, else the resource's. */
function subjectKind(type: ResourceType, subresource?: string) {
  if (subresource === 'scale') {
    return SCALE_GVK;
  }
  if (subresource === 'token') {
    return TOKEN_REQUEST_GVK;
  }
  return gvkOf(type);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `apps/v1` → `AppsV1`, `networking.k8s.io/v1` → `NetworkingV1`, a CRD's group in full. */
function operationGroup(type: ResourceType): string {
  const group = (type.group || 'core').replace(/\.k8s\.io$/, '');
  const words = [...group.split(/[.-]/), type.version];
  return words.map(capitalized).join('');
}

function groupVersionPath(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

function buildOperation(
  spec: OperationSpec,
  type: ResourceType,
  scope: { namespaced: boolean; subresource?: string; suffix?: string },
): ApiOperation {
  const gvk = subjectKind(type, scope.subresource);
  const subject = definitionNameOf(gvk);
  const bodies = {
    subject: { definition: subject, contentTypes: ['*/*'] },
    deleteOptions: { definition: DELETE_OPTIONS, contentTypes: ['*/*'] },
    patch: {
      definition: PATCH,
      contentTypes: isBuiltIn(type) ? BUILT_IN_PATCH_TYPES : PATCH_TYPES,
    },
  };
  const responses = {
    subject: { definition: subject },
    list: { definition: definitionNameOf({ ...type, kind: type.listKind }) },
    status: { definition: STATUS },
    text: { text: true as const },
  };
  return {
    method: spec.method,
    operationId: `${spec.idVerb}${operationGroup(type)}${
      scope.namespaced ? 'Namespaced' : ''
    }${type.kind}${scope.suffix ?? capitalized(scope.subresource ?? '')}`,
    description: spec.describe(type.kind, scope.subresource),
    action: spec.action,
    gvk,
    parameters: spec.parameters,
    ...(spec.body && { requestBody: bodies[spec.body] }),
    response: responses[spec.response],
    success: spec.success,
  };
}

/** Every path of a resource with the operations kube-sim answers on it. */
export function resourcePaths(type: ResourceType): ApiPathItem[] {
  const namespaced = type.namespaced;
  const base = groupVersionPath(type.group, type.version);
  const collection = namespaced
    ? `${base}/namespaces/{namespace}/${type.plural}`
    : `${base}/${type.plural}`;
  const scopeParameters = namespaced ? [pathParameters.namespace] : [];
  const objectParameters = [...scopeParameters, pathParameters.name, pretty];
  const serves = (spec: OperationSpec) => type.verbs.includes(spec.verb);
  const items: ApiPathItem[] = [
    {
      path: collection,
      parameters: [...scopeParameters, pretty],
      operations: [LIST, CREATE, DELETE_COLLECTION]
        .filter(serves)
        .map(spec => buildOperation(spec, type, { namespaced })),
    },
    {
      path: `${collection}/{name}`,
      parameters: objectParameters,
      operations: [READ, REPLACE, PATCH_OPERATION, DELETE]
        .filter(serves)
        .map(spec => buildOperation(spec, type, { namespaced })),
    },
    ...type.subresources.map(subresource => ({
      path: `${collection}/{name}/${subresource}`,
      parameters: objectParameters,
      operations: (SUBRESOURCES[subresource] ?? [])
        .filter(serves)
        .map(spec => buildOperation(spec, type, { namespaced, subresource })),
    })),
  ];
  if (namespaced && type.verbs.includes('list')) {
    items.push({
      path: `${base}/${type.plural}`,
      parameters: [pretty],
      operations: [
        buildOperation(LIST, type, {
          namespaced: false,
          suffix: 'ForAllNamespaces',
        }),
      ],
    });
  }
  return items.filter(item => item.operations.length > 0);
}
