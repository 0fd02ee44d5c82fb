import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ApiServerAllowlist } from './ApiServerAllowlist';
import {
  describeClaimant,
  nameConflict,
  refusedCluster,
} from './clusterRefusals';
import { errorMessage } from './errorMessage';
import {
  describeCatalogCluster,
  readCatalogCluster,
} from './readCatalogCluster';
import { CocktailCluster } from './types';

export interface ClusterSources {
  configured: CocktailCluster[];
  /** The catalog's kubernetes-cluster Resources. */
  entities: Entity[];
  /** The clusters of a Cluster API management cluster. */
  clusterApi?: CocktailCluster[];
}

/**
 * The clusters of app-config, the catalog and a Cluster API management
 * cluster, by name: app-config's in their order, then those only the catalog
 * defines, then the Cluster API ones.
 *
 * App-config entries and Cluster API Secrets bring a URL and credentials; a
 * name that both define is refused, so neither is used. A catalog Resource of
 * such a cluster's name only describes it (title, entity ref, provider,
 * region): its connection annotations are not used. A Resource whose name no
 * other source defines registers the cluster, which is reached only when
 * `allowlist` allows its API server. Two Resources of one name are both left
 * unused. Each refusal is listed as a cluster with a `refusal`; Resources
 * that cannot be read are left out. Both are reported.
 */
export function mergeClusterSources(
  { configured, entities, clusterApi = [] }: ClusterSources,
  options: {
    allowlist: ApiServerAllowlist;
    reportProblem: (problem: string) => void;
  },
): CocktailCluster[] {
  const { allowlist, reportProblem } = options;
  const refuse = (
    cluster: Parameters<typeof refusedCluster>[0],
    refusal: string,
  ) => {
    reportProblem(`Not reaching cluster "${cluster.name}": ${refusal}`);
    return refusedCluster(cluster, refusal);
  };

  const clusters = new Map<string, CocktailCluster>();
  for (const cluster of configured) {
    const other = clusterApi.find(c => c.name === cluster.name);
    clusters.set(
      cluster.name,
      other
        ? refuse(
            cluster,
            nameConflict(cluster.name, [
              describeClaimant(cluster),
              describeClaimant(other),
            ]),
          )
        : cluster,
    );
  }
  const fromClusterApi = clusterApi.filter(c => !clusters.has(c.name));
  fromClusterApi.forEach(cluster => clusters.set(cluster.name, cluster));

  const catalogOnly: CocktailCluster[] = [];
  for (const [name, group] of groupByName(entities)) {
    const refs = group.map(entity => stringifyEntityRef(entity));
    const described = clusters.get(name);
    if (group.length > 1) {
      const claimants = refs.map(
        ref => `the kubernetes-cluster Resource "${ref}"`,
      );
      if (described) {
        reportProblem(
          `Ignoring ${claimants.join(
            ' and ',
          )}: each describes the cluster "${name}", so none of them does`,
        );
      } else {
        catalogOnly.push(
          refuse({ name, source: 'catalog' }, nameConflict(name, claimants)),
        );
      }
      continue;
    }
    const [entity] = group;
    if (described) {
      clusters.set(name, { ...described, ...describeCatalogCluster(entity) });
      continue;
    }
    let cluster: CocktailCluster;
    try {
      cluster = readCatalogCluster(entity);
    } catch (error) {
      reportProblem(
        `Ignoring kubernetes-cluster Resource "${refs[0]}": ${errorMessage(
          error,
        )}`,
      );
      continue;
    }
    const notAllowed = allowlist.refusal(cluster.url);
    catalogOnly.push(
      notAllowed
        ? refuse(
            cluster,
            `the kubernetes-cluster Resource "${refs[0]}" registers it, but ${notAllowed}`,
          )
        : cluster,
    );
  }

  return [
    ...configured.map(c => clusters.get(c.name)!),
    ...catalogOnly,
    ...fromClusterApi.map(c => clusters.get(c.name)!),
  ];
}

function groupByName(entities: Entity[]): Map<string, Entity[]> {
  const groups = new Map<string, Entity[]>();
  for (const entity of entities) {
    const name = entity.metadata.name;
    groups.set(name, [...(groups.get(name) ?? []), entity]);
  }
  return groups;
}
