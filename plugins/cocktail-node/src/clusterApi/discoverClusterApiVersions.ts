import { RENDERABLE_VERSIONS, groupOf, kindOf, versionOf } from './apiVersions';
import { DEFAULT_CLUSTER_API_PROVIDERS } from './providers/builtInClusterApiProviders';
import { ClusterApiProviders } from './providers/ClusterApiProviders';
import { clusterApiKindsFor } from './renderClusterManifests';
import { ClusterApiVersions, ClusterRequest } from './types';

/**
 * GETs a path of the Kubernetes API (`/apis`, `/apis/<group>/<version>`) and resolves to the
 * parsed JSON. See kubeConfigDiscovery for one backed by a KubeConfig.
 *
 * @public
 */
export type DiscoveryGet = (path: string) => Promise<any>;

/**
 * What a management cluster serves.
 *
 * @public
 */
export interface DiscoveredClusterApiVersions {
  /** An apiVersion for every kind: the served one, else the offline one. */
  versions: ClusterApiVersions;
  /** `group/Kind` keys the cluster does not serve at a version we can write: its provider is not installed (or too old or new). */
  missingKinds: string[];
  /** Of those, the ones served at versions we cannot write, with the versions served. */
  unsupportedVersions: Record<string, string[]>;
}

interface GroupDiscovery {
  preferred?: string;
  /** version → kinds it serves */
  kinds: Map<string, Set<string>>;
}

const STABILITY: Record<string, number> = { alpha: 0, beta: 1 };

/** v1 > v1beta3 > v1beta2 > v1beta1 > v1alpha…: a sortable rank of a Kubernetes version. */
export function versionRank(version: string): number {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) {
    return -1;
  }
  const stability = STABILITY[match[2] ?? ''] ?? 2;
  return Number(match[1]) * 1e6 + stability * 1e4 + Number(match[3] ?? 0);
}

async function discoverGroup(
  get: DiscoveryGet,
  group: any,
): Promise<GroupDiscovery> {
  const kinds = new Map<string, Set<string>>();
  await Promise.all(
    (group.versions ?? []).map(async (entry: any) => {
      try {
        const list = await get(`/apis/${group.name}/${entry.version}`);
        kinds.set(
          entry.version,
          new Set(
            (list?.resources ?? [])
              .filter((resource: any) => !String(resource.name).includes('/'))
              .map((resource: any) => resource.kind),
          ),
        );
      } catch {
        // An unavailable version (e.g. a broken conversion webhook) serves nothing usable.
      }
    }),
  );
  return { preferred: group.preferredVersion?.version, kinds };
}

function chooseVersion(
  key: string,
  group: GroupDiscovery | undefined,
  offline: ClusterApiVersions,
): { version?: string; served: string[] } {
  const served = [...(group?.kinds ?? [])]
    .filter(([, kinds]) => kinds.has(kindOf(key)))
    .map(([version]) => version);
  const writable = RENDERABLE_VERSIONS[key] ?? [versionOf(offline[key] ?? '')];
  const candidates = served.filter(version => writable.includes(version));
  if (group?.preferred && candidates.includes(group.preferred)) {
    return { version: group.preferred, served };
  }
  candidates.sort((a, b) => versionRank(b) - versionRank(a));
  return { version: candidates[0], served };
}

/**
 * Asks a management cluster which versions of the Cluster API kinds it serves. For each kind,
 * the group's preferred version if it serves the kind and we can write it, else the highest
 * such version. Kinds it does not serve keep their OFFLINE_CLUSTER_API_VERSIONS value and are
 * listed in `missingKinds`. Pass `request` (or `kinds`) to check only what a cluster needs.
 *
 * @public
 */
export async function discoverClusterApiVersions(
  get: DiscoveryGet,
  options: {
    request?: ClusterRequest;
    kinds?: string[];
    providers?: ClusterApiProviders;
  } = {},
): Promise<DiscoveredClusterApiVersions> {
  const providers = options.providers ?? DEFAULT_CLUSTER_API_PROVIDERS;
  const offline = providers.offlineVersions();
  const keys =
    options.kinds ??
    (options.request
      ? clusterApiKindsFor(options.request, providers)
      : Object.keys(offline));
  const wanted = new Set(keys.map(groupOf));
  const groupList = await get('/apis');
  const groups = new Map<string, GroupDiscovery>(
    await Promise.all(
      (groupList?.groups ?? [])
        .filter((group: any) => wanted.has(group.name))
        .map(
          async (group: any) =>
            [group.name, await discoverGroup(get, group)] as const,
        ),
    ),
  );
  const versions: ClusterApiVersions = { ...offline };
  const missingKinds: string[] = [];
  const unsupportedVersions: Record<string, string[]> = {};
  for (const key of keys) {
    const { version, served } = chooseVersion(
      key,
      groups.get(groupOf(key)),
      offline,
    );
    if (version) {
      versions[key] = `${groupOf(key)}/${version}`;
    } else {
      missingKinds.push(key);
      if (served.length) {
        unsupportedVersions[key] = served.sort(
          (a, b) => versionRank(b) - versionRank(a),
        );
      }
    }
  }
  return { versions, missingKinds: missingKinds.sort(), unsupportedVersions };
}
