import { KubeSim } from '@cocktailcloud/kube-sim';
import { createHash } from 'node:crypto';

// Objects that controllers rewrite on their own, whatever requests come in.
const CHURNING = new Set([
  'pods',
  'events',
  'leases',
  'endpoints',
  'endpointslices',
]);

/**
 * What people changed on the simulated clusters: every object's kind, place and desired state
 * (spec, data, labels and annotations; not the status controllers keep writing). Two equal
 * fingerprints mean no request created, changed or deleted anything.
 */
export function clusterFingerprint(sim: KubeSim, clusters: string[]) {
  const lines: string[] = [];
  for (const name of clusters) {
    const cluster = sim.cluster(name);
    for (const type of cluster.registry.all()) {
      if (CHURNING.has(type.plural)) {
        continue;
      }
      for (const object of cluster.store.list(type)) {
        const { spec, data, stringData } = object as any;
        const desired = JSON.stringify({
          spec,
          data,
          stringData,
          labels: object.metadata.labels,
          annotations: object.metadata.annotations,
        });
        lines.push(
          `${name} ${type.plural} ${object.metadata.namespace ?? ''}/${
            object.metadata.name
          } ${createHash('sha256').update(desired).digest('hex').slice(0, 16)}`,
        );
      }
    }
  }
  return lines.sort();
}

/** The lines of `after` that are not in `before`, and the other way round. */
export function fingerprintChanges(before: string[], after: string[]) {
  const was = new Set(before);
  const is = new Set(after);
  return [
    ...after.filter(line => !was.has(line)).map(line => `+ ${line}`),
    ...before.filter(line => !is.has(line)).map(line => `- ${line}`),
  ];
}

/**
 * The fingerprint once two readings `intervalMs` apart agree (controllers have finished
 * reacting); the last reading when they keep changing until `attempts` run out.
 */
export async function steadyFingerprint(
  sim: KubeSim,
  clusters: string[],
  { intervalMs = 400, attempts = 40 } = {},
) {
  let previous = clusterFingerprint(sim, clusters);
  for (let i = 0; i < attempts; i++) {
    await new Promise(resolve => setTimeout(resolve, intervalMs));
    const now = clusterFingerprint(sim, clusters);
    if (fingerprintChanges(previous, now).length === 0) {
      return now;
    }
    previous = now;
  }
  return previous;
}
