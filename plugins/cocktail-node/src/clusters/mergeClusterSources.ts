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
  /** The clusters of the cluster sources: a Cluster API management cluster's, modules'. */
  sourced?: CocktailCluster[];
}

/**
 * The clusters of app-config, the catalog and the cluster sources (a Cluster
 * API management cluster, modules'), by name: app-config's in their order,
 * then those only the catalog defines, then the sources' ones.
 *
 * App-config entries and cluster sources bring a URL and credentials; a name
 * that two of them define is refused, so none is used. A catalog Resource of
 * such a cluster's name only describes it (title, entity ref, provider,
 * region): its connection annotations are not used. A Resource whose name no
 * other source defines registers the cluster, which is reached only when
 * `allowlist` allows its API server. Two Resources of one name are both left
 * unused. Each refusal is listed as a cluster with a `refusal`; Resources
 * that cannot be read are left out. Both are reported.
 */
export function mergeClusterSources(
  { configured, entities, sourced = [] }: ClusterSources,
  options: {
    allowlist: ApiServerAllowlist;
    reportProblem: (problem: string) => void;
    /** How a source names who defines one of its clusters; its id when it does not say. */
    describeSourced?: (cluster: CocktailCluster) => string | undefined;
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
  const claimant = (cluster: CocktailCluster) =>
    options.describeSourced?.(cluster) ?? describeClaimant(cluster);

  const clusters = new Map<string, CocktailCluster>();
  const sourcedByName = groupBy(sourced, cluster => cluster.name);
  for (const cluster of configured) {
    const others = sourcedByName.get(cluster.name) ?? [];
    clusters.set(
      cluster.name,
      others.length
        ? refuse(
            cluster,
            nameConflict(cluster.name, [
              describeClaimant(cluster),
              ...others.map(claimant),
            ]),
          )
        : cluster,
    );
  }
  const fromSources: CocktailCluster[] = [];
  for (const [name, group] of sourcedByName) {
    if (clusters.has(name)) {
      continue;
    }
    const [first] = group;
    const cluster =
      group.length > 1
        ? refuse(first, nameConflict(name, group.map(claimant)))
        : first;
    clusters.set(name, cluster);
    fromSources.push(cluster);
  }

  const catalogOnly: CocktailCluster[] = [];
  for (const [name, group] of groupBy(entities, e => e.metadata.name)) {
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
    ...fromSources.map(c => clusters.get(c.name)!),
  ];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
