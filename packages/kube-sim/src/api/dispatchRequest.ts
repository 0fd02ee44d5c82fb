import { handleSelfReview, SELF_REVIEW_PLURALS } from './accessReviews';
import { ApiRequest, ApiResult, SimulationContext } from './ApiContext';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  coreApiVersions,
  SIMULATED_VERSION,
} from './discovery';
import { handleMetrics } from './metricsHandlers';
import { EXPOSITION_CONTENT_TYPE } from '../metrics/ClusterMetrics';
import { isOpenApiPath, serveOpenApi } from './openapi/serveOpenApi';
import { parseApiPath } from './parseApiPath';
import { getObject, listObjects } from './readHandlers';
import { statusErrors } from './statusErrors';
import { toTable, wantsTable } from './tables/toTable';
import { KubeObject, ResourceType } from './types';
import { handleSubresource } from './subresources';
import {
  createObject,
  deleteCollection,
  deleteObject,
  patchObject,
  replaceObject,
} from './writeHandlers';

/** A get or list answered as a meta.k8s.io Table when the client asks for one (`kubectl get`). */
function asTableWhenAsked(
  type: ResourceType,
  request: ApiRequest,
  result: ApiResult,
): ApiResult {
  if (!('body' in result) || !wantsTable(request.headers.accept)) {
    return result;
  }
  const body = result.body as KubeObject & { items?: KubeObject[] };
  const isList = Array.isArray(body.items);
  const table = toTable(
    type,
    isList ? body.items! : [body],
    isList ? body.metadata : { resourceVersion: body.metadata.resourceVersion },
    request.query,
  );
  return { status: result.status, body: table };
}

export type DispatchResult =
  | ApiResult
  | {
      watch: true;
      path: ReturnType<typeof parseApiPath> & { kind: 'resource' };
    };

/** Routes one REST request (other than a watch, which the server streams) to its handler. */
export function dispatchRequest(
  ctx: SimulationContext,
  path: string,
  request: ApiRequest,
): DispatchResult {
  if (path === '/version') {
    return { status: 200, body: ctx.version ?? SIMULATED_VERSION };
  }
  if (path === '/api') {
    return { status: 200, body: coreApiVersions() };
  }
  if (path === '/apis') {
    return { status: 200, body: apiGroupList(ctx.registry) };
  }
  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    return { status: 200, text: 'ok' };
  }
  if (path === '/metrics') {
    return {
      status: 200,
      text: ctx.metrics.scrape(),
      contentType: EXPOSITION_CONTENT_TYPE,
    };
  }
  if (isOpenApiPath(path)) {
    return serveOpenApi(ctx, path, request);
  }
  const parsed = parseApiPath(path, ctx.registry);
  if (!parsed) {
    throw statusErrors.pathNotFound(path);
  }
  if (parsed.kind === 'group') {
    const versions = ctx.registry
      .groupVersions()
      .find(g => g.group === parsed.group)?.versions;
    if (!versions) {
      throw statusErrors.notFound({
        group: '',
        plural: 'apigroups',
        name: parsed.group,
      });
    }
    return { status: 200, body: apiGroup(parsed.group, versions) };
  }
  if (parsed.kind === 'discovery') {
    const list = apiResourceList(ctx.registry, parsed.group, parsed.version);
    if (!list) {
      throw statusErrors.notFound({
        group: parsed.group,
        plural: 'apiresources',
        name: parsed.version,
      });
    }
    return { status: 200, body: list };
  }
  if (parsed.kind === 'unknown-resource') {
    throw statusErrors.notFound({
      group: parsed.group,
      plural: parsed.plural,
      name: '',
    });
  }
  const { type, namespace, name, subresource } = parsed;
  if (type.group === 'metrics.k8s.io') {
    return handleMetrics(ctx, type, namespace, name, request);
  }
  if (SELF_REVIEW_PLURALS.includes(type.plural)) {
    return handleSelfReview(ctx, type, request);
  }
  const method = request.method;
  if (name && subresource) {
    return handleSubresource(ctx, type, namespace, name, subresource, request);
  }
  if (name) {
    switch (method) {
      case 'GET':
        return asTableWhenAsked(
          type,
          request,
          getObject(ctx, type, namespace, name),
        );
      case 'PUT':
        return replaceObject(ctx, type, namespace, name, request);
      case 'PATCH':
        return patchObject(ctx, type, namespace, name, request);
      case 'DELETE':
        return deleteObject(ctx, type, namespace, name, request);
      default:
        throw statusErrors.methodNotAllowed(
          `${method} is not supported on a single ${type.singular}`,
        );
    }
  }
  switch (method) {
    case 'GET': {
      const watch = request.query.get('watch');
      if (watch === 'true' || watch === '1') {
        return { watch: true, path: parsed };
      }
      return asTableWhenAsked(
        type,
        request,
        listObjects(ctx, type, namespace, request),
      );
    }
    case 'POST':
      return createObject(ctx, type, namespace, request);
    case 'DELETE':
      return deleteCollection(ctx, type, namespace, request);
    default:
      throw statusErrors.methodNotAllowed(
        `${method} is not supported on ${type.plural}`,
      );
  }
}
