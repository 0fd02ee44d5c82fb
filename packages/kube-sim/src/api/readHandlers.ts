import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { apiVersionOf } from './builtInResources';
import { filterFromQuery } from './selection';
import { statusErrors } from './statusErrors';
import { KubeObject, ResourceType } from './types';

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
  snapshot: string;
  offset: number;
}

/**
 * Paged lists read from a snapshot taken by their first page, as an API server serves them
 * from one resourceVersion: later pages neither shift nor re-sort the collection. Snapshots
 * expire, and an expired continue token gets 410, as on a real cluster.
 */
class ListSnapshots {
  private readonly snapshots = new Map<
    string,
    { items: KubeObject[]; resourceVersion: number; createdAt: number }
  >();
  private next = 0;

  constructor(
    private readonly maxSnapshots = 32,
    private readonly ttlMs = 60_000,
  ) {}

  take(items: KubeObject[], resourceVersion: number): string {
    const id = String(++this.next);
    this.snapshots.set(id, { items, resourceVersion, createdAt: Date.now() });
    for (const [key, snapshot] of this.snapshots) {
      if (
        this.snapshots.size <= this.maxSnapshots &&
        Date.now() - snapshot.createdAt < this.ttlMs
      ) {
        break;
      }
      this.snapshots.delete(key);
    }
    return id;
  }

  get(id: string) {
    const snapshot = this.snapshots.get(id);
    return snapshot && Date.now() - snapshot.createdAt < this.ttlMs
      ? snapshot
      : undefined;
  }
}

const snapshotsByStore = new WeakMap<object, ListSnapshots>();

function snapshotsOf(ctx: ApiContext): ListSnapshots {
  let snapshots = snapshotsByStore.get(ctx.store);
  if (!snapshots) {
    snapshots = new ListSnapshots();
    snapshotsByStore.set(ctx.store, snapshots);
  }
  return snapshots;
}

function sortedSelection(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  request: ApiRequest,
) {
  const filter = filterFromQuery(request.query, namespace);
  return ctx.store
    .list(type, namespace)
    .filter(filter)
    .sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
      ),
    );
}

/** Lists objects with selectors; `limit` and `continue` page through a snapshot. */
export function listObjects(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  request: ApiRequest,
): ApiResult {
  const limit = Number(request.query.get('limit') ?? 0);
  const continueParam = request.query.get('continue');
  let all: KubeObject[];
  let offset = 0;
  let resourceVersion = ctx.store.currentResourceVersion();
  let snapshotId: string | undefined;
  if (continueParam) {
    let token: ContinueToken;
    try {
      token = JSON.parse(Buffer.from(continueParam, 'base64url').toString());
    } catch {
      throw statusErrors.badRequest('invalid continue token');
    }
    const snapshot = snapshotsOf(ctx).get(token.snapshot);
    if (!snapshot) {
      throw statusErrors.gone(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    ({ items: all, resourceVersion } = snapshot);
    offset = token.offset;
    snapshotId = token.snapshot;
  } else {
    all = sortedSelection(ctx, type, namespace, request);
  }
  const items =
    limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
  const remaining = all.length - offset - items.length;
  const metadata: Record<string, unknown> = {
    resourceVersion: String(resourceVersion),
  };
  if (limit > 0 && remaining > 0) {
    snapshotId ??= snapshotsOf(ctx).take(all, resourceVersion);
    metadata.continue = Buffer.from(
      JSON.stringify({
        snapshot: snapshotId,
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
