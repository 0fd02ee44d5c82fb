import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { errorMessage } from './errorMessage';
import {
  describeCatalogCluster,
  readCatalogCluster,
} from './readCatalogCluster';
import { CocktailCluster } from './types';

/**
 * The app-config clusters together with the catalog's kubernetes-cluster
 * Resources and the clusters of a Cluster API management cluster.
 *
 * A cluster in app-config keeps app-config's URL and credentials and takes its
 * title, entity ref, provider and region from a catalog Resource of the same
 * name; a Cluster API cluster of that name is left out. A Cluster API cluster
 * keeps the URL and credentials of its kubeconfig Secret and is described by a
 * catalog Resource of its name the same way (catalog Resources carry no
 * credentials, so theirs would not reach it). Catalog Resources that cannot be
 * used and describe no other cluster are left out, each with a reported
 * problem.
 */
export function mergeCatalogClusters(
  configured: CocktailCluster[],
  entities: Entity[],
  reportProblem: (problem: string) => void,
  clusterApi: CocktailCluster[] = [],
): CocktailCluster[] {
  const clusters = new Map(configured.map(c => [c.name, c]));
  const fromClusterApi = new Map(clusterApi.map(c => [c.name, c]));
  const refsByName = new Map<string, string>();

  for (const entity of entities) {
    const name = entity.metadata.name;
    const ref = stringifyEntityRef(entity);
    const earlierRef = refsByName.get(name);
    if (earlierRef) {
      reportProblem(
        `Ignoring kubernetes-cluster Resource "${ref}": the cluster name "${name}" is already taken by "${earlierRef}"`,
      );
      continue;
    }
    refsByName.set(name, ref);

    const described =
      clusters.get(name) ??
      (fromClusterApi.get(name) as CocktailCluster | undefined);
    if (described) {
      clusters.set(name, { ...described, ...describeCatalogCluster(entity) });
      continue;
    }
    try {
      clusters.set(name, readCatalogCluster(entity));
    } catch (error) {
      reportProblem(
        `Ignoring kubernetes-cluster Resource "${ref}": ${errorMessage(error)}`,
      );
    }
  }
  for (const cluster of clusterApi) {
    if (!clusters.has(cluster.name)) {
      clusters.set(cluster.name, cluster);
    }
  }
  return [...clusters.values()];
}
