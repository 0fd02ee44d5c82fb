import { majorAndMinor } from '../cluster/kubernetesVersion';
import { ResourceRegistry } from './ResourceRegistry';

export const SIMULATED_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.0-kube-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.24.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export type VersionInfo = typeof SIMULATED_VERSION;

/** What `/version` answers for a cluster running a given Kubernetes version, such as `v1.31.2`. */
export function versionInfo(kubernetesVersion?: string): VersionInfo {
  if (!kubernetesVersion) {
    return SIMULATED_VERSION;
  }
  return {
    ...SIMULATED_VERSION,
    ...majorAndMinor(kubernetesVersion),
    gitVersion: kubernetesVersion,
  };
}

/**
 * Orders API versions as the API server does: GA before beta before alpha, higher first
 * (v1 > v1beta3 > v1beta1 > v1alpha1), others last by name. The first is the preferred version.
 */
export function compareVersionPriority(a: string, b: string): number {
  const rank = (version: string): [number, number, number] => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) {
      return [0, 0, 0];
    }
    const stability = { alpha: 1, beta: 2 }[match[2] ?? ''] ?? 3;
    return [stability, Number(match[1]), Number(match[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) {
    if (ra[i] !== rb[i]) {
      return rb[i] - ra[i];
    }
  }
  return a.localeCompare(b);
}

const SUBRESOURCE_KINDS: Record<string, string> = {
  scale: 'Scale',
  token: 'TokenRequest',
  eviction: 'Eviction',
};
const SUBRESOURCE_VERBS: Record<string, string[]> = {
  log: ['get'],
  token: ['create'],
  eviction: ['create'],
};
/** Subresources whose kind lives in another group (kubectl drain reads it to pick its Eviction). */
const SUBRESOURCE_GROUP_VERSIONS: Record<
  string,
  { group: string; version: string }
> = {
  eviction: { group: 'policy', version: 'v1' },
};

const serverAddress = [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }];

export function coreApiVersions() {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: serverAddress,
  };
}

export function apiGroupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groupVersions()
      .filter(g => g.group !== '')
      .map(g => apiGroup(g.group, g.versions)),
  };
}

export function apiGroup(group: string, versions: string[]) {
  const list = [...versions].sort(compareVersionPriority).map(version => ({
    groupVersion: `${group}/${version}`,
    version,
  }));
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: group,
    versions: list,
    preferredVersion: list[0],
  };
}

export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const types = registry
    .all()
    .filter(t => t.group === group && t.version === version);
  if (!types.length) {
    return undefined;
  }
  const resources = types.flatMap(type => [
    {
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      shortNames: type.shortNames,
    },
    ...type.subresources.map(sub => ({
      name: `${type.plural}/${sub}`,
      singularName: '',
      namespaced: type.namespaced,
      ...SUBRESOURCE_GROUP_VERSIONS[sub],
      kind: SUBRESOURCE_KINDS[sub] ?? type.kind,
      verbs: SUBRESOURCE_VERBS[sub] ?? ['get', 'patch', 'update'],
    })),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}
