import {
  CocktailServerEntityV1alpha1,
  isCocktailServerEntity,
  isServiceMapEntity,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeSim } from '../KubeSim';
import { SimulatedCluster } from '../server/SimulatedCluster';
import {
  Manifest,
  renderServerManifests,
  renderServiceMapQuota,
} from '@cocktailcloud/plugin-cocktail-node';
import { seedVulnerabilityReports } from './vulnerabilityReports';

async function readEntities(directory: string): Promise<any[]> {
  const entities: any[] = [];
  const entries = await fs.readdir(directory, {
    withFileTypes: true,
    recursive: true,
  });
  for (const entry of entries) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      const text = await fs.readFile(
        path.join(entry.parentPath, entry.name),
        'utf8',
      );
      for (const document of parseAllDocuments(text)) {
        const value = document.toJS();
        if (value && typeof value === 'object') {
          entities.push(value);
        }
      }
    }
  }
  return entities;
}

function clusterNameOf(serviceMap: ServiceMapEntityV1alpha1): string {
  return serviceMap.spec.cluster.split(/[:/]/).pop()!;
}

function createIfMissing(cluster: SimulatedCluster, object: Manifest) {
  const type = cluster.registry.byKind(object.apiVersion, object.kind)!;
  if (
    !cluster.store.get(type, object.metadata.namespace, object.metadata.name)
  ) {
    cluster.store.create(type, object);
  }
}

/** A ServiceMap's namespace and, when it assigns a quota, the ResourceQuota that enforces it. */
function prepareNamespace(
  cluster: SimulatedCluster,
  serviceMap: ServiceMapEntityV1alpha1,
) {
  createIfMissing(cluster, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: serviceMap.spec.namespace,
      labels: { 'cocktailcloud.io/service-map': serviceMap.metadata.name },
    },
    spec: { finalizers: ['kubernetes'] },
  });
  const quota = renderServiceMapQuota(serviceMap);
  if (quota) {
    createIfMissing(cluster, quota);
  }
}

export interface SeedReport {
  deployed: Array<{
    cluster: string;
    namespace: string;
    server: string;
    kind: string;
  }>;
  skipped: string[];
}

/**
 * Deploys the CocktailServers of a catalog directory into the simulated clusters their
 * ServiceMaps name (`resource:dev` → cluster `dev`), after creating every ServiceMap's
 * namespace and ResourceQuota.
 */
export async function seedExamples(
  sim: KubeSim,
  directory: string,
): Promise<SeedReport> {
  const entities = await readEntities(directory);
  const serviceMaps = new Map<string, ServiceMapEntityV1alpha1>(
    entities
      .filter(isServiceMapEntity)
      .map(e => [e.metadata.name, e as ServiceMapEntityV1alpha1]),
  );
  const report: SeedReport = { deployed: [], skipped: [] };
  for (const serviceMap of serviceMaps.values()) {
    const cluster = sim.clusters.get(clusterNameOf(serviceMap));
    if (cluster) {
      prepareNamespace(cluster, serviceMap);
    }
  }
  for (const server of entities.filter(
    isCocktailServerEntity,
  ) as CocktailServerEntityV1alpha1[]) {
    const mapName = server.spec.serviceMap.split(/[:/]/).pop()!;
    const serviceMap = serviceMaps.get(mapName);
    if (!serviceMap) {
      report.skipped.push(
        `${server.metadata.name}: its ServiceMap ${mapName} is not in ${directory}`,
      );
      continue;
    }
    const clusterName = clusterNameOf(serviceMap);
    const cluster = sim.clusters.get(clusterName);
    if (!cluster) {
      report.skipped.push(
        `${server.metadata.name}: cluster ${clusterName} is not simulated (start it with --clusters)`,
      );
      continue;
    }
    const manifests = renderServerManifests({ server, serviceMap });
    for (const object of manifests) {
      createIfMissing(cluster, object);
    }
    const workload = manifests.find(m => m.kind === server.spec.type);
    seedVulnerabilityReports(
      cluster,
      server.metadata.name,
      workload &&
        cluster.store.get(
          cluster.registry.byKind(workload.apiVersion, workload.kind)!,
          workload.metadata.namespace,
          workload.metadata.name,
        ),
    );
    report.deployed.push({
      cluster: clusterName,
      namespace: serviceMap.spec.namespace,
      server: server.metadata.name,
      kind: server.spec.type,
    });
  }
  return report;
}
