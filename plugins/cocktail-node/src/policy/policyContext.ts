import {
  ClusterPolicyAction,
  ClusterPolicyCheckContext,
  ClusterPolicyCurrentCluster,
  ClusterPolicyRequest,
} from './types';

/**
 * The variables a rule is evaluated with: `action`, `operation` (the action's own name unless
 * given), `person` (ref null, no groups and not a platform admin when unknown), `target` (a
 * map, empty unless given), `request` and `current`. Every field the request documents is present, so that
 * rules do not fail on a field the request left out: maps (`labels`, `network`,
 * `providerOptions`) default to `{}`, lists (`nodePools`, `taints`) to `[]`, and the rest
 * (`region`, `zone`, a pool's `autoscaling`, …) to null. Whole numbers become CEL ints
 * (`bigint`), so that `replicas % 2 == 1` works; CEL has no `%` for doubles.
 */
export function toPolicyContext(
  action: ClusterPolicyAction,
  request: ClusterPolicyRequest,
  current?: ClusterPolicyCurrentCluster | null,
  extra: ClusterPolicyCheckContext = {},
): Record<string, unknown> {
  const json = JSON.parse(
    JSON.stringify({ request, current: current ?? null }),
  );
  return {
    action,
    operation: extra.operation ?? action,
    person: {
      ref: extra.person?.ref ?? null,
      groups: extra.person?.groups ?? [],
      platformAdmin: extra.person?.platformAdmin ?? false,
    },
    target: { ...extra.target },
    request: toCel(normalizeRequest(json.request)),
    current: json.current ? toCel(normalizeCurrent(json.current)) : null,
  };
}

function normalizeRequest(request: any): Record<string, unknown> {
  return {
    ...request,
    name: request.name ?? null,
    namespace: request.namespace ?? null,
    provider: request.provider ?? null,
    region: request.region ?? null,
    zone: request.zone ?? null,
    kubernetesVersion: request.kubernetesVersion ?? null,
    controlPlane: {
      ...objectOr(request.controlPlane),
      provider: request.controlPlane?.provider ?? null,
      replicas: request.controlPlane?.replicas ?? null,
      machineType: request.controlPlane?.machineType ?? null,
    },
    nodePools: listOr(request.nodePools).map(normalizeNodePool),
    network: objectOr(request.network),
    labels: objectOr(request.labels),
    providerOptions: objectOr(request.providerOptions),
  };
}

function normalizeCurrent(current: any): Record<string, unknown> {
  return {
    ...current,
    kubernetesVersion: current.kubernetesVersion ?? null,
    nodePools: listOr(current.nodePools).map(normalizeNodePool),
  };
}

function normalizeNodePool(pool: any): Record<string, unknown> {
  return {
    ...pool,
    name: pool?.name ?? null,
    replicas: pool?.replicas ?? null,
    machineType: pool?.machineType ?? null,
    autoscaling: pool?.autoscaling
      ? {
          ...pool.autoscaling,
          minReplicas: pool.autoscaling.minReplicas ?? null,
          maxReplicas: pool.autoscaling.maxReplicas ?? null,
        }
      : null,
    labels: objectOr(pool?.labels),
    taints: listOr(pool?.taints),
  };
}

function objectOr(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function listOr(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** Turns whole numbers into CEL ints, everywhere in a JSON value. */
function toCel(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) {
    return value.map(toCel);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toCel(item)]),
    );
  }
  return value;
}
