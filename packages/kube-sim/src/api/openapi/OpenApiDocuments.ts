import { createHash } from 'node:crypto';
import { ResourceRegistry } from '../ResourceRegistry';
import { ResourceType } from '../types';
import {
  groupVersionKey,
  openApiV3Document,
  openApiV3Index,
} from './openApiV3Document';
import { swaggerV2Document } from './swaggerV2Document';

interface HashedDocument {
  document: unknown;
  hash: string;
}

function hashed(document: unknown): HashedDocument {
  const hash = createHash('sha512')
    .update(JSON.stringify(document))
    .digest('hex')
    .toUpperCase();
  return { document, hash };
}

/** The OpenAPI documents of one set of resources, each built the first time it is asked for. */
export class OpenApiDocuments {
  private readonly byGroupVersion = new Map<string, ResourceType[]>();
  private readonly v3 = new Map<string, HashedDocument>();
  private v2?: unknown;

  constructor(
    private readonly types: ResourceType[],
    private readonly kubernetesVersion: string,
  ) {
    for (const type of types) {
      const key = groupVersionKey(type.group, type.version);
      this.byGroupVersion.set(key, [
        ...(this.byGroupVersion.get(key) ?? []),
        type,
      ]);
    }
  }

  /** The v3 document of `api/v1` or `apis/<group>/<version>`; undefined for one not served. */
  groupVersion(key: string): unknown {
    return this.hashedGroupVersion(key)?.document;
  }

  /** The /openapi/v3 index, listing every group version with the hash of its document. */
  index(): unknown {
    const hashes = Object.fromEntries(
      [...this.byGroupVersion.keys()]
        .sort()
        .map(key => [key, this.hashedGroupVersion(key)!.hash]),
    );
    return openApiV3Index(hashes);
  }

  swagger(): unknown {
    this.v2 ??= swaggerV2Document(this.types, this.kubernetesVersion);
    return this.v2;
  }

  private hashedGroupVersion(key: string): HashedDocument | undefined {
    const types = this.byGroupVersion.get(key);
    if (!types) {
      return undefined;
    }
    let entry = this.v3.get(key);
    if (!entry) {
      entry = hashed(openApiV3Document(types, this.kubernetesVersion));
      this.v3.set(key, entry);
    }
    return entry;
  }
}

const cache = new WeakMap<
  ResourceRegistry,
  { revision: number; version: string; documents: OpenApiDocuments }
>();

/**
 * The documents of what a registry serves now: kept until the registry changes (a resource is
 * added or removed) or the cluster reports another Kubernetes version.
 */
export function openApiDocumentsOf(
  registry: ResourceRegistry,
  kubernetesVersion: string,
): OpenApiDocuments {
  const cached = cache.get(registry);
  if (
    cached &&
    cached.revision === registry.revision &&
    cached.version === kubernetesVersion
  ) {
    return cached.documents;
  }
  const documents = new OpenApiDocuments(
    [...registry.all()],
    kubernetesVersion,
  );
  cache.set(registry, {
    revision: registry.revision,
    version: kubernetesVersion,
    documents,
  });
  return documents;
}
