import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { errorMessage } from './errorMessage';
import {
  describeCatalogCluster,
  readCatalogCluster,
} from './readCatalogCluster';
import { CocktailCluster } from './types';

/**
 * The app-config clusters together with the catalog's kubernetes-cluster
 * Resources. A cluster in both keeps app-config's URL and credentials and
 * takes its title, entity ref, provider and region from the catalog. Catalog
 * Resources that cannot be used are left out, each with a reported problem.
 */
export function mergeCatalogClusters(
  configured: CocktailCluster[],
  entities: Entity[],
  reportProblem: (problem: string) => void,
): CocktailCluster[] {
  const clusters = new Map(configured.map(c => [c.name, c]));
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

    const fromConfig = clusters.get(name);
    if (fromConfig) {
      clusters.set(name, { ...fromConfig, ...describeCatalogCluster(entity) });
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
  return [...clusters.values()];
}
