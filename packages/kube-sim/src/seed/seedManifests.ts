import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applyDefaults } from '../api/defaults/applyDefaults';
import { KubeObject } from '../api/types';
import { KubeSim } from '../KubeSim';
import { SimulatedCluster } from '../server/SimulatedCluster';
import { seedVulnerabilityReports } from './vulnerabilityReports';

/** The label the suite puts on a CocktailServer's objects; the demo's scan findings are keyed by it. */
const SERVER_LABEL = 'cocktailcloud.io/server';
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export interface SeedReport {
  deployed: Array<{
    cluster: string;
    namespace: string;
    server: string;
    kind: string;
  }>;
  skipped: string[];
}

/** Namespaces first, so the objects in them can be created in any file order. */
function applyOrder(objects: KubeObject[]): KubeObject[] {
  return [
    ...objects.filter(o => o.kind === 'Namespace'),
    ...objects.filter(o => o.kind !== 'Namespace'),
  ];
}

function createIfMissing(
  cluster: SimulatedCluster,
  object: KubeObject,
): 'created' | 'present' | 'unknown kind' {
  const type = cluster.registry.byKind(object.apiVersion, object.kind);
  if (!type) {
    return 'unknown kind';
  }
  const { namespace, name } = object.metadata;
  if (cluster.store.get(type, namespace, name!)) {
    return 'present';
  }
  // With the defaults the API server would give it on create.
  cluster.store.create(type, applyDefaults(type, object));
  return 'created';
}

/**
 * Creates the objects in one simulated cluster (those already there are left alone) and, for
 * each workload of a CocktailServer, the demo's VulnerabilityReports.
 */
export function seedManifests(
  clusterName: string,
  cluster: SimulatedCluster,
  objects: KubeObject[],
  report: SeedReport,
): void {
  for (const object of applyOrder(objects)) {
    const outcome = createIfMissing(cluster, object);
    if (outcome === 'unknown kind') {
      report.skipped.push(
        `${object.kind} ${object.metadata.name} (${object.apiVersion}): kube-sim does not serve this kind`,
      );
      continue;
    }
    const server = object.metadata.labels?.[SERVER_LABEL];
    if (!server || !WORKLOAD_KINDS.has(object.kind)) {
      continue;
    }
    const type = cluster.registry.byKind(object.apiVersion, object.kind)!;
    seedVulnerabilityReports(
      cluster,
      server,
      cluster.store.get(type, object.metadata.namespace, object.metadata.name!),
    );
    report.deployed.push({
      cluster: clusterName,
      namespace: object.metadata.namespace!,
      server,
      kind: object.kind,
    });
  }
}

async function readObjects(directory: string): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  const entries = await fs.readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) {
      continue;
    }
    const file = path.join(directory, entry.name);
    for (const document of parseAllDocuments(await fs.readFile(file, 'utf8'))) {
      if (document.errors.length) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      const value = document.toJS();
      if (value?.apiVersion && value?.kind && value?.metadata?.name) {
        objects.push(value);
      } else if (value) {
        throw new Error(
          `${file}: a document without apiVersion, kind and metadata.name`,
        );
      }
    }
  }
  return objects;
}

/**
 * Seeds the simulated clusters from a directory of Kubernetes manifests with one folder per
 * cluster (`<directory>/dev/*.yaml` goes into cluster `dev`), as `cocktail servers render
 * --out` writes them.
 */
export async function seedManifestDirectory(
  sim: KubeSim,
  directory: string,
): Promise<SeedReport> {
  const report: SeedReport = { deployed: [], skipped: [] };
  const entries = await fs.readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries.filter(e => e.isDirectory())) {
    const cluster = sim.clusters.get(entry.name);
    if (!cluster) {
      report.skipped.push(
        `${entry.name}/: cluster ${entry.name} is not simulated (start it with --clusters)`,
      );
      continue;
    }
    const objects = await readObjects(path.join(directory, entry.name));
    seedManifests(entry.name, cluster, objects, report);
  }
  return report;
}
