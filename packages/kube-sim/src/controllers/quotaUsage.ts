import { quantityValue } from '../api/quantity';
import { KubeObject } from '../api/types';
import { isPodActive } from './pods';

/** What a namespace holds that quotas count. */
export interface QuotaSubjects {
  pods: KubeObject[];
  claims: KubeObject[];
  /** How many objects of a resource (`services`, `count/deployments.apps`) the namespace has. */
  countObjects(resource: string): number | undefined;
}

const OBJECT_COUNTS = [
  'services',
  'configmaps',
  'secrets',
  'resourcequotas',
  'replicationcontrollers',
];
const REQUESTED_BY_BARE_NAME = ['cpu', 'memory', 'ephemeral-storage'];
const BYTE_RESOURCES = ['memory', 'storage', 'ephemeral-storage'];

/** True for quota resources that count objects other than pods and claims. */
export function countsObjects(resource: string): boolean {
  return OBJECT_COUNTS.includes(resource) || resource.startsWith('count/');
}

function amount(value: unknown): number {
  return quantityValue(value) ?? 0;
}

/** A pod's request or limit of one resource, as the scheduler counts it. */
function podAmount(
  pod: KubeObject,
  resource: string,
  kind: 'requests' | 'limits',
): number {
  const of = (container: any) => {
    const resources = container.resources ?? {};
    // Kubernetes defaults a missing request to the limit.
    const value =
      kind === 'requests'
        ? resources.requests?.[resource] ?? resources.limits?.[resource]
        : resources.limits?.[resource];
    return amount(value);
  };
  const containers = (pod.spec?.containers ?? []).reduce(
    (sum: number, c: any) => sum + of(c),
    0,
  );
  const init = Math.max(0, ...(pod.spec?.initContainers ?? []).map(of));
  return Math.max(containers, init);
}

/** Formats a total as Kubernetes would show it: millicores, binary bytes or a count. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') {
    const milli = Math.round(value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  if (BYTE_RESOURCES.includes(resource)) {
    const bytes = Math.round(value);
    for (const [suffix, factor] of [
      ['Ti', 2 ** 40],
      ['Gi', 2 ** 30],
      ['Mi', 2 ** 20],
      ['Ki', 2 ** 10],
    ] as const) {
      if (bytes !== 0 && bytes % factor === 0) {
        return `${bytes / factor}${suffix}`;
      }
    }
    return String(bytes);
  }
  return String(Math.round(value));
}

/** The amount one quota resource name (`requests.cpu`, `pods`, `count/…`) stands for. */
function usageOf(
  resource: string,
  subjects: QuotaSubjects,
  activePods: KubeObject[],
): { value: number; unit: string } | undefined {
  const sumPods = (name: string, kind: 'requests' | 'limits') =>
    activePods.reduce((sum, pod) => sum + podAmount(pod, name, kind), 0);
  if (resource === 'pods') {
    return { value: activePods.length, unit: 'count' };
  }
  if (resource === 'persistentvolumeclaims') {
    return { value: subjects.claims.length, unit: 'count' };
  }
  if (resource === 'requests.storage') {
    return {
      value: subjects.claims.reduce(
        (sum, claim) =>
          sum + amount(claim.spec?.resources?.requests?.storage ?? 0),
        0,
      ),
      unit: 'storage',
    };
  }
  if (REQUESTED_BY_BARE_NAME.includes(resource)) {
    return { value: sumPods(resource, 'requests'), unit: resource };
  }
  for (const kind of ['requests', 'limits'] as const) {
    if (resource.startsWith(`${kind}.`)) {
      const name = resource.slice(kind.length + 1);
      return { value: sumPods(name, kind), unit: name };
    }
  }
  const count = countsObjects(resource)
    ? subjects.countObjects(resource)
    : undefined;
  return count === undefined ? undefined : { value: count, unit: 'count' };
}

/**
 * What a namespace uses of each resource a ResourceQuota limits, formatted as quantities.
 * Resources kube-sim does not know are left out.
 */
export function computeQuotaUsage(
  resources: string[],
  subjects: QuotaSubjects,
): Record<string, string> {
  const activePods = subjects.pods.filter(isPodActive);
  const used: Record<string, string> = {};
  for (const resource of resources) {
    const usage = usageOf(resource, subjects, activePods);
    if (usage) {
      used[resource] = formatQuantity(usage.unit, usage.value);
    }
  }
  return used;
}
