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
import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';

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
 * ServiceMaps name (`resource:dev` → cluster `dev`), creating the namespaces.
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
    const clusterName = serviceMap.spec.cluster.split(/[:/]/).pop()!;
    const cluster = sim.clusters.get(clusterName);
    if (!cluster) {
      report.skipped.push(
        `${server.metadata.name}: cluster ${clusterName} is not simulated (start it with --clusters)`,
      );
      continue;
    }
    const namespaces = cluster.registry.find('', 'v1', 'namespaces')!;
    if (!cluster.store.get(namespaces, undefined, serviceMap.spec.namespace)) {
      cluster.store.create(namespaces, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: serviceMap.spec.namespace,
          labels: { 'cocktailcloud.io/service-map': serviceMap.metadata.name },
        },
        spec: { finalizers: ['kubernetes'] },
      });
    }
    for (const object of renderServerManifests({ server, serviceMap })) {
      const type = cluster.registry.byKind(object.apiVersion, object.kind)!;
      if (
        !cluster.store.get(
          type,
          object.metadata.namespace,
          object.metadata.name!,
        )
      ) {
        cluster.store.create(type, object);
      }
    }
    report.deployed.push({
      cluster: clusterName,
      namespace: serviceMap.spec.namespace,
      server: server.metadata.name,
      kind: server.spec.type,
    });
  }
  return report;
}
