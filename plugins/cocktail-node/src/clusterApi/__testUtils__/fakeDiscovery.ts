import { DiscoveryGet } from '../discoverClusterApiVersions';

/** What a fake management cluster serves: per group, its preferred version and kinds per version. */
export type Served = Record<
  string,
  { preferred: string; versions: Record<string, string[]> }
>;

/**
 * A DiscoveryGet answering `/apis` and `/apis/<group>/<version>` like an API server does
 * (resource lists include subresources such as `clusters/status`). Records the paths asked.
 */
export function fakeDiscovery(
  served: Served,
): DiscoveryGet & { paths: string[] } {
  const paths: string[] = [];
  const get = async (path: string) => {
    paths.push(path);
    if (path === '/apis') {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
          },
          ...Object.entries(served).map(([name, group]) => ({
            name,
            versions: Object.keys(group.versions).map(version => ({
              groupVersion: `${name}/${version}`,
              version,
            })),
            preferredVersion: {
              groupVersion: `${name}/${group.preferred}`,
              version: group.preferred,
            },
          })),
        ],
      };
    }
    const [, , group, version] = path.split('/');
    const kinds = served[group]?.versions[version];
    if (!kinds) {
      throw new Error(`404 ${path}`);
    }
    return {
      kind: 'APIResourceList',
      groupVersion: `${group}/${version}`,
      resources: kinds.flatMap(kind => [
        { name: `${kind.toLowerCase()}s`, kind, namespaced: true },
        { name: `${kind.toLowerCase()}s/status`, kind, namespaced: true },
      ]),
    };
  };
  return Object.assign(get, { paths });
}
