import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { clusterNameOf, refOf, serviceMapRefOf } from './catalogRefs';
import { CocktailCatalog } from './CocktailCatalog';

export interface ClusterEntityCounts {
  serviceMaps: number;
  servers: number;
}

/**
 * How many ServiceMaps name each cluster and how many CocktailServers are deployed to those
 * ServiceMaps, as far as the caller may see the catalog: two catalog queries in all, and with
 * `readable` only the entities it returns (one permission batch).
 */
export async function countClusterEntities(
  catalog: CocktailCatalog,
  credentials: BackstageCredentials,
  readable?: (refs: string[]) => Promise<string[]>,
): Promise<(cluster: string) => ClusterEntityCounts> {
  let [serviceMaps, servers] = await Promise.all([
    catalog.serviceMaps(credentials),
    catalog.servers(credentials),
  ]);
  if (readable) {
    const allowed = new Set(
      await readable(
        [...serviceMaps, ...servers].map(e => stringifyEntityRef(e)),
      ),
    );
    serviceMaps = serviceMaps.filter(e => allowed.has(stringifyEntityRef(e)));
    servers = servers.filter(e => allowed.has(stringifyEntityRef(e)));
  }
  const counts = new Map<string, ClusterEntityCounts>();
  const clusterOfMap = new Map<string, string>();
  for (const serviceMap of serviceMaps) {
    const cluster = clusterNameOf(serviceMap);
    clusterOfMap.set(refOf(serviceMap), cluster);
    const count = counts.get(cluster) ?? { serviceMaps: 0, servers: 0 };
    count.serviceMaps += 1;
    counts.set(cluster, count);
  }
  for (const server of servers) {
    const mapRef = serviceMapRefOf(server);
    const cluster = mapRef && clusterOfMap.get(mapRef);
    if (cluster) {
      counts.get(cluster)!.servers += 1;
    }
  }
  return cluster => counts.get(cluster) ?? { serviceMaps: 0, servers: 0 };
}
