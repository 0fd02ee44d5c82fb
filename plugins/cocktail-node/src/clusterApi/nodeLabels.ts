import { keyPrefix } from './names';

/**
 * Label domains Cluster API copies from a Machine to its Node (and the only ones it copies).
 * The kubelet may not set them itself: the NodeRestriction admission plugin forbids it.
 */
const SYNCED_DOMAINS = [
  'node-role.kubernetes.io',
  'node-restriction.kubernetes.io',
  'node.cluster.x-k8s.io',
];

/** Labels in kubernetes.io / k8s.io the kubelet may set (kubelet --node-labels validation). */
const KUBELET_ALLOWED_PREFIXES = [
  'kubelet.kubernetes.io',
  'node.kubernetes.io',
];
const KUBELET_ALLOWED_KEYS = new Set([
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'kubernetes.io/arch',
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
]);

function inDomain(prefix: string, domain: string): boolean {
  return prefix === domain || prefix.endsWith(`.${domain}`);
}

/**
 * How a node-pool label reaches the nodes of a self-managed pool: `synced` ones go on the
 * Machines only (Cluster API copies them to the Nodes), `kubelet` ones also to the kubelet's
 * `--node-labels`, and `forbidden` ones can reach neither (the kubelet refuses to start).
 */
export function nodeLabelRoute(
  key: string,
): 'synced' | 'kubelet' | 'forbidden' {
  const prefix = keyPrefix(key);
  if (prefix === undefined) {
    return 'kubelet';
  }
  if (SYNCED_DOMAINS.includes(prefix)) {
    return 'synced';
  }
  if (!inDomain(prefix, 'kubernetes.io') && !inDomain(prefix, 'k8s.io')) {
    return 'kubelet';
  }
  if (
    KUBELET_ALLOWED_KEYS.has(key) ||
    KUBELET_ALLOWED_PREFIXES.some(allowed => inDomain(prefix, allowed))
  ) {
    return 'kubelet';
  }
  return 'forbidden';
}

/** The labels for the kubelet's `--node-labels`, as `k=v,k=v` (undefined when there are none). */
export function kubeletNodeLabels(
  labels: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(labels ?? {}).filter(
    ([key]) => nodeLabelRoute(key) === 'kubelet',
  );
  return entries.length
    ? entries.map(([key, value]) => `${key}=${value}`).join(',')
    : undefined;
}
