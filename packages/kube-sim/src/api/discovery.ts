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

const SUBRESOURCE_KINDS: Record<string, string> = {
  scale: 'Scale',
  token: 'TokenRequest',
};
const SUBRESOURCE_VERBS: Record<string, string[]> = {
  log: ['get'],
  token: ['create'],
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
  const list = versions.map(version => ({
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
