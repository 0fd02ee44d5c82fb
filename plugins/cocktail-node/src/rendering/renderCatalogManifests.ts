import {
  CocktailServerEntityV1alpha1,
  isCocktailServerEntity,
  isServiceMapEntity,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { renderServiceMapQuota } from './renderNamespaceQuota';
import { renderServerManifests } from './renderServerManifests';
import { Manifest } from './types';

/**
 * What one ServiceMap puts on its cluster: its namespace, its quota and its servers' objects.
 *
 * @public
 */
export interface ServiceMapManifests {
  serviceMap: string;
  namespace: string;
  servers: string[];
  manifests: Manifest[];
}

/** @public */
export interface CatalogManifests {
  /** By cluster name (the name of the ServiceMap's cluster Resource), in catalog order. */
  clusters: Record<string, ServiceMapManifests[]>;
  /** Servers left out, with the reason. */
  skipped: string[];
}

function nameOf(ref: string, defaultKind: string): string {
  return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }).name;
}

function namespaceOf(serviceMap: ServiceMapEntityV1alpha1): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: serviceMap.spec.namespace,
      labels: { 'cocktailcloud.io/service-map': serviceMap.metadata.name },
    },
  };
}

/**
 * The Kubernetes objects a catalog's ServiceMaps and CocktailServers describe, grouped by the
 * cluster each ServiceMap names: what the demo's simulated clusters are seeded with, and what
 * `cocktail servers render` writes. Entities of other kinds are ignored.
 *
 * @public
 */
export function renderCatalogManifests(entities: Entity[]): CatalogManifests {
  const serviceMaps = entities.filter(
    isServiceMapEntity,
  ) as ServiceMapEntityV1alpha1[];
  const byServiceMap = new Map<string, ServiceMapManifests>();
  const clusters: Record<string, ServiceMapManifests[]> = {};
  for (const serviceMap of serviceMaps) {
    const group: ServiceMapManifests = {
      serviceMap: serviceMap.metadata.name,
      namespace: serviceMap.spec.namespace,
      servers: [],
      manifests: [namespaceOf(serviceMap)],
    };
    const quota = renderServiceMapQuota(serviceMap);
    if (quota) {
      group.manifests.push(quota);
    }
    byServiceMap.set(serviceMap.metadata.name, group);
    const cluster = nameOf(serviceMap.spec.cluster, 'resource');
    (clusters[cluster] ??= []).push(group);
  }

  const skipped: string[] = [];
  const servers = entities.filter(
    isCocktailServerEntity,
  ) as CocktailServerEntityV1alpha1[];
  for (const server of servers) {
    const mapName = nameOf(server.spec.serviceMap, 'servicemap');
    const group = byServiceMap.get(mapName);
    const serviceMap = serviceMaps.find(m => m.metadata.name === mapName);
    if (!group || !serviceMap) {
      skipped.push(
        `${server.metadata.name}: its ServiceMap ${mapName} is not among the files`,
      );
      continue;
    }
    group.servers.push(server.metadata.name);
    group.manifests.push(...renderServerManifests({ server, serviceMap }));
  }
  return { clusters, skipped };
}
