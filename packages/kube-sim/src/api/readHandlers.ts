import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { apiVersionOf } from './builtInResources';
import { filterFromQuery } from './selection';
import { statusErrors } from './statusErrors';
import { ResourceType } from './types';

export function getObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
): ApiResult {
  const object = ctx.store.get(type, namespace, name);
  if (!object) {
    throw statusErrors.notFound({
      group: type.group,
      plural: type.plural,
      name,
    });
  }
  return { status: 200, body: object };
}

interface ContinueToken {
  resourceVersion: number;
  offset: number;
}

/** Lists objects with selectors; `limit` and `continue` page through a stable ordering. */
export function listObjects(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  request: ApiRequest,
): ApiResult {
  const filter = filterFromQuery(request.query, namespace);
  const all = ctx.store
    .list(type, namespace)
    .filter(filter)
    .sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
      ),
    );
  const limit = Number(request.query.get('limit') ?? 0);
  let offset = 0;
  let resourceVersion = ctx.store.currentResourceVersion();
  const continueParam = request.query.get('continue');
  if (continueParam) {
    try {
      const token: ContinueToken = JSON.parse(
        Buffer.from(continueParam, 'base64url').toString(),
      );
      offset = token.offset;
      resourceVersion = token.resourceVersion;
    } catch {
      throw statusErrors.badRequest('invalid continue token');
    }
  }
  const items =
    limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
  const remaining = all.length - offset - items.length;
  const metadata: Record<string, unknown> = {
    resourceVersion: String(resourceVersion),
  };
  if (limit > 0 && remaining > 0) {
    metadata.continue = Buffer.from(
      JSON.stringify({
        resourceVersion,
        offset: offset + items.length,
      } satisfies ContinueToken),
    ).toString('base64url');
    metadata.remainingItemCount = remaining;
  }
  return {
    status: 200,
    body: {
      apiVersion: apiVersionOf(type),
      kind: type.listKind,
      metadata,
      items,
    },
  };
}
