import { ApiRequest } from '../api/ApiContext';
import { parseApiPath } from '../api/parseApiPath';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { RequestAttributes } from './rbacAuthorizer';

const VERB_OF_METHOD: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
};

/** The verb and resource of a REST request, as RBAC rules name them. */
export function requestAttributes(
  path: string,
  request: Pick<ApiRequest, 'method' | 'query'>,
  registry: ResourceRegistry,
): RequestAttributes {
  const parsed = parseApiPath(path, registry);
  if (!parsed || parsed.kind === 'group' || parsed.kind === 'discovery') {
    return { verb: request.method.toLowerCase(), path };
  }
  if (parsed.kind === 'unknown-resource') {
    return {
      verb: request.method === 'GET' ? 'get' : request.method.toLowerCase(),
      apiGroup: parsed.group,
      resource: parsed.plural,
    };
  }
  const { type, namespace, name, subresource } = parsed;
  const watch = ['true', '1'].includes(request.query.get('watch') ?? '');
  let verb = VERB_OF_METHOD[request.method];
  if (request.method === 'GET' && name) {
    verb = 'get';
  } else if (request.method === 'GET') {
    verb = watch ? 'watch' : 'list';
  } else if (request.method === 'DELETE') {
    verb = name ? 'delete' : 'deletecollection';
  }
  return {
    verb: verb ?? request.method.toLowerCase(),
    apiGroup: type.group,
    resource: type.plural,
    subresource,
    namespace,
    name,
  };
}

/** The API server's words for a refusal: `pods is forbidden: User "…" cannot list …`. */
export function forbiddenMessage(
  username: string,
  attributes: RequestAttributes,
): string {
  if ('path' in attributes) {
    return `forbidden: User "${username}" cannot ${attributes.verb} path "${attributes.path}"`;
  }
  const qualified = attributes.apiGroup
    ? `${attributes.resource}.${attributes.apiGroup}`
    : attributes.resource;
  const subject = attributes.name
    ? `${qualified} "${attributes.name}"`
    : qualified;
  const resource = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const scope = attributes.namespace
    ? `in the namespace "${attributes.namespace}"`
    : 'at the cluster scope';
  return `${subject} is forbidden: User "${username}" cannot ${attributes.verb} resource "${resource}" in API group "${attributes.apiGroup}" ${scope}`;
}
