import { randomUUID } from 'node:crypto';
import { apiVersionOf } from '../api/builtInResources';
import { statusErrors } from '../api/statusErrors';
import { KubeObject, ResourceType, WatchEventType } from '../api/types';

/** One change, as watches replay it. `previous` lets a filtered watch see an object leave. */
export interface StoredEvent {
  resourceVersion: number;
  typeKey: string;
  type: WatchEventType;
  object: KubeObject;
  previous?: KubeObject;
}

export type StoreListener = (event: StoredEvent) => void;

export interface WriteOptions {
  dryRun?: boolean;
}

export function typeKeyOf(
  type: Pick<ResourceType, 'group' | 'plural'>,
): string {
  return `${type.group}/${type.plural}`;
}

function objectKey(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

/**
 * The objects of one simulated cluster, with a single resourceVersion counter and a bounded
 * history of changes for watches. Stored objects are never mutated in place: every write stores
 * a new object, so readers may keep what they get but must not change it.
 */
export class ObjectStore {
  private resourceVersion = 0;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoredEvent[] = [];
  private readonly listeners = new Set<StoreListener>();

  constructor(private readonly historyLimit = 20_000) {}

  currentResourceVersion(): number {
    return this.resourceVersion;
  }

  /** The oldest resourceVersion a watch can resume from; older ones get 410 Gone. */
  oldestResumableVersion(): number {
    return this.history.length
      ? this.history[0].resourceVersion - 1
      : this.resourceVersion;
  }

  eventsSince(resourceVersion: number, typeKey: string): StoredEvent[] {
    let low = 0;
    let high = this.history.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.history[middle].resourceVersion > resourceVersion) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    const start = low;
    return this.history.slice(start).filter(e => e.typeKey === typeKey);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.objects
      .get(typeKeyOf(type))
      ?.get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  list(type: ResourceType, namespace?: string): KubeObject[] {
    const all = [...(this.objects.get(typeKeyOf(type))?.values() ?? [])];
    return namespace && type.namespaced
      ? all.filter(o => o.metadata.namespace === namespace)
      : all;
  }

  /** Every stored object of every type, for garbage collection and namespace deletion. */
  *allObjects(): Generator<[string, KubeObject]> {
    for (const [typeKey, byName] of this.objects) {
      for (const object of byName.values()) {
        yield [typeKey, object];
      }
    }
  }

  create(
    type: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const metadata = { ...input.metadata };
    if (!metadata.name && metadata.generateName) {
      metadata.name = `${metadata.generateName}${randomUUID().slice(0, 5)}`;
    }
    const name = metadata.name as string;
    if (this.get(type, metadata.namespace, name)) {
      throw statusErrors.alreadyExists({
        group: type.group,
        plural: type.plural,
        name,
      });
    }
    const object: KubeObject = {
      ...input,
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        ...metadata,
        namespace: type.namespaced ? metadata.namespace : undefined,
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString(),
        generation: 1,
      },
    };
    if (!type.namespaced) {
      delete object.metadata.namespace;
    }
    return options.dryRun
      ? this.stamped(object, this.resourceVersion + 1)
      : this.commit(type, 'ADDED', object);
  }

  /**
   * Replaces a stored object. When the input carries a resourceVersion it must be the stored
   * one (409 otherwise), as for a Kubernetes update.
   */
  update(
    type: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const name = input.metadata.name as string;
    const existing = this.get(type, input.metadata.namespace, name);
    if (!existing) {
      throw statusErrors.notFound({
        group: type.group,
        plural: type.plural,
        name,
      });
    }
    const expected = input.metadata.resourceVersion;
    if (expected && expected !== existing.metadata.resourceVersion) {
      throw statusErrors.conflict(
        { group: type.group, plural: type.plural, name },
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    const specChanged =
      JSON.stringify(withoutMetaAndStatus(input)) !==
      JSON.stringify(withoutMetaAndStatus(existing));
    const object: KubeObject = {
      ...input,
      apiVersion: existing.apiVersion,
      kind: existing.kind,
      metadata: {
        ...input.metadata,
        namespace: existing.metadata.namespace,
        uid: existing.metadata.uid,
        creationTimestamp: existing.metadata.creationTimestamp,
        deletionTimestamp: existing.metadata.deletionTimestamp,
        generation: (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0),
      },
    };
    if (!type.namespaced) {
      delete object.metadata.namespace;
    }
    if (!object.metadata.deletionTimestamp) {
      delete object.metadata.deletionTimestamp;
    }
    if (sameContent(object, existing)) {
      return existing; // Kubernetes does not bump the resourceVersion of a no-op update
    }
    if (options.dryRun) {
      return this.stamped(object, this.resourceVersion + 1);
    }
    // An object marked for deletion goes once its last finalizer is removed.
    if (object.metadata.deletionTimestamp && !hasFinalizers(object)) {
      return this.remove(type, object);
    }
    return this.commit(type, 'MODIFIED', object, existing);
  }

  /**
   * Deletes an object: marks it when finalizers hold it, removes it otherwise. Dependents (by
   * ownerReferences) are deleted too unless the policy is Orphan.
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: WriteOptions & {
      propagationPolicy?: string;
      resolveType?: (typeKey: string) => ResourceType | undefined;
    } = {},
  ): KubeObject {
    const existing = this.get(type, namespace, name);
    if (!existing) {
      throw statusErrors.notFound({
        group: type.group,
        plural: type.plural,
        name,
      });
    }
    if (options.dryRun) {
      return existing;
    }
    if (hasFinalizers(existing)) {
      if (existing.metadata.deletionTimestamp) {
        return existing;
      }
      const marked: KubeObject = {
        ...existing,
        metadata: {
          ...existing.metadata,
          deletionTimestamp: new Date().toISOString(),
        },
      };
      if (existing.kind === 'Namespace') {
        marked.status = { ...existing.status, phase: 'Terminating' };
      }
      return this.commit(type, 'MODIFIED', marked, existing);
    }
    const removed = this.remove(type, existing);
    this.collectDependents(
      existing.metadata.uid!,
      options.propagationPolicy ?? 'Background',
      options.resolveType,
    );
    return removed;
  }

  private collectDependents(
    ownerUid: string,
    policy: string,
    resolveType?: (typeKey: string) => ResourceType | undefined,
  ) {
    if (!resolveType) {
      return;
    }
    const dependents = [...this.allObjects()].filter(([, o]) =>
      o.metadata.ownerReferences?.some(ref => ref.uid === ownerUid),
    );
    for (const [typeKey, dependent] of dependents) {
      const type = resolveType(typeKey);
      if (!type) {
        continue;
      }
      if (policy === 'Orphan') {
        this.update(type, {
          ...dependent,
          metadata: {
            ...dependent.metadata,
            resourceVersion: undefined,
            ownerReferences: dependent.metadata.ownerReferences!.filter(
              r => r.uid !== ownerUid,
            ),
          },
        });
      } else if (
        this.get(type, dependent.metadata.namespace, dependent.metadata.name!)
      ) {
        this.delete(
          type,
          dependent.metadata.namespace,
          dependent.metadata.name!,
          { propagationPolicy: policy, resolveType },
        );
      }
    }
  }

  private remove(type: ResourceType, object: KubeObject): KubeObject {
    const typeKey = typeKeyOf(type);
    this.objects
      .get(typeKey)
      ?.delete(objectKey(object.metadata.namespace, object.metadata.name!));
    const removed = this.stamped(object, ++this.resourceVersion);
    this.record({
      resourceVersion: this.resourceVersion,
      typeKey,
      type: 'DELETED',
      object: removed,
    });
    return removed;
  }

  private stamped(object: KubeObject, resourceVersion: number): KubeObject {
    return {
      ...object,
      metadata: {
        ...object.metadata,
        resourceVersion: String(resourceVersion),
      },
    };
  }

  private commit(
    type: ResourceType,
    eventType: WatchEventType,
    object: KubeObject,
    previous?: KubeObject,
  ): KubeObject {
    const typeKey = typeKeyOf(type);
    const stored = this.stamped(object, ++this.resourceVersion);
    let byName = this.objects.get(typeKey);
    if (!byName) {
      byName = new Map();
      this.objects.set(typeKey, byName);
    }
    byName.set(
      objectKey(stored.metadata.namespace, stored.metadata.name!),
      stored,
    );
    this.record({
      resourceVersion: this.resourceVersion,
      typeKey,
      type: eventType,
      object: stored,
      previous,
    });
    return stored;
  }

  private record(event: StoredEvent) {
    this.history.push(event);
    // Trim in batches: one splice per quarter of the limit keeps each write O(1) on average.
    if (this.history.length > this.historyLimit * 1.25) {
      this.history.splice(0, this.history.length - this.historyLimit);
    }
    for (const listener of this.listeners) {
      listener(event);
    }
  }
}

function withoutMetaAndStatus(object: KubeObject) {
  const { metadata, status, apiVersion, kind, ...rest } = object;
  return rest;
}

function sameContent(a: KubeObject, b: KubeObject) {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined },
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Finalizers hold an object's deletion; a Namespace's live in spec.finalizers. */
function hasFinalizers(object: KubeObject): boolean {
  return Boolean(
    object.metadata.finalizers?.length ||
      (object.kind === 'Namespace' && object.spec?.finalizers?.length),
  );
}
