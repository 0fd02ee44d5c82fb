import { ConflictError } from '@backstage/errors';
import { NodeDrainResult } from '@cocktailcloud/plugin-cocktail-common';
import type * as k8s from '@kubernetes/client-node';
import { NodeOperations } from './NodeOperations';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

function podName(pod: k8s.V1Pod): string {
  return `${pod.metadata!.namespace}/${pod.metadata!.name}`;
}

function controllerOf(pod: k8s.V1Pod) {
  return pod.metadata?.ownerReferences?.find(ref => ref.controller);
}

/** What a drain does with each pod of the node, as `kubectl drain` decides it. */
export function classifyPods(pods: k8s.V1Pod[]) {
  const skipped: NodeDrainResult['skipped'] = [];
  const unmanaged: k8s.V1Pod[] = [];
  const toEvict: k8s.V1Pod[] = [];
  for (const pod of pods) {
    if (pod.metadata?.annotations?.[MIRROR_ANNOTATION]) {
      skipped.push({
        pod: podName(pod),
        reason: 'a static (mirror) pod, which the kubelet runs',
      });
    } else if (controllerOf(pod)?.kind === 'DaemonSet') {
      skipped.push({
        pod: podName(pod),
        reason: 'DaemonSet pods stay on every node',
      });
    } else {
      if (!controllerOf(pod)) {
        unmanaged.push(pod);
      }
      toEvict.push(pod);
    }
  }
  return { skipped, unmanaged, toEvict };
}

/**
 * Drains a node: cordons it, then evicts its pods through the eviction API (DaemonSet and
 * mirror pods stay), retrying those a PodDisruptionBudget holds back until `timeoutMs`. Pods no
 * controller recreates are refused unless `force`. What was not evicted in time is returned as
 * blocked with why; the node stays cordoned either way.
 */
export async function drainNode(
  ops: NodeOperations,
  node: string,
  options: {
    dryRun: boolean;
    force: boolean;
    timeoutMs: number;
    retryIntervalMs?: number;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<NodeDrainResult> {
  const sleep =
    options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  const current = await ops.readNode(node);
  // A real drain cordons before it lists, so no pod lands on the node between the two.
  if (!options.dryRun && !current.spec?.unschedulable) {
    await ops.setUnschedulable(node, true);
  }
  const { skipped, unmanaged, toEvict } = classifyPods(await ops.podsOn(node));
  if (unmanaged.length && !options.force) {
    throw new ConflictError(
      `force: ${unmanaged.map(podName).join(', ')} ${
        unmanaged.length === 1 ? 'has' : 'have'
      } no controller, so nothing recreates ${
        unmanaged.length === 1 ? 'it' : 'them'
      } elsewhere; drain with force to evict ${
        unmanaged.length === 1 ? 'it' : 'them'
      } anyway${options.dryRun ? '' : ` (the node is left cordoned)`}`,
    );
  }
  const changes = [
    current.spec?.unschedulable
      ? `Node ${node} is already cordoned`
      : `Cordon node ${node} (spec.unschedulable: true): no new pods are scheduled on it`,
    toEvict.length
      ? `Evict ${toEvict.length} pod${
          toEvict.length === 1 ? '' : 's'
        } through the eviction API, respecting PodDisruptionBudgets: ${toEvict
          .map(podName)
          .join(', ')}`
      : 'No pod to evict',
    ...skipped.map(s => `Leave ${s.pod}: ${s.reason}`),
  ];
  const warnings = unmanaged.map(
    pod => `${podName(pod)} has no controller: it is evicted and not recreated`,
  );
  const result: NodeDrainResult = {
    dryRun: options.dryRun,
    node,
    changes,
    warnings,
    evicted: [],
    skipped,
    blocked: [],
  };
  if (options.dryRun) {
    return result;
  }
  let remaining = toEvict;
  const reasons = new Map<string, string>();
  const deadline = Date.now() + options.timeoutMs;
  while (remaining.length && Date.now() < deadline) {
    const next: k8s.V1Pod[] = [];
    for (const pod of remaining) {
      if (Date.now() >= deadline) {
        next.push(pod);
        continue;
      }
      const outcome = await ops.evict(
        pod.metadata!.namespace!,
        pod.metadata!.name!,
      );
      // A pod already gone (perhaps evicted by a request whose answer was lost) is off the node.
      if (outcome.evicted || outcome.gone) {
        result.evicted.push(podName(pod));
      } else {
        reasons.set(podName(pod), outcome.reason);
        if (outcome.retry) {
          next.push(pod);
        } else {
          result.blocked.push({ pod: podName(pod), reason: outcome.reason });
        }
      }
    }
    remaining = next;
    const left = deadline - Date.now();
    if (remaining.length && left > 0) {
      await sleep(Math.min(options.retryIntervalMs ?? 1_000, left));
    }
  }
  result.blocked.push(
    ...remaining.map(pod => ({
      pod: podName(pod),
      reason: reasons.get(podName(pod))!,
    })),
  );
  if (result.blocked.length) {
    result.warnings!.push(
      `The drain stopped with ${result.blocked.length} pod${
        result.blocked.length === 1 ? '' : 's'
      } still on ${node}; the node stays cordoned and ${
        result.evicted.length
      } pod${
        result.evicted.length === 1 ? ' was' : 's were'
      } evicted. Drain again once the disruption budget allows it.`,
    );
  }
  return result;
}
