import { kubeconfigSecretName } from './readKubeconfigSecret';
import { CocktailCluster } from './types';

/**
 * A cluster that is listed but never reached, with why: its description is
 * kept, its URL and credentials are not.
 */
export function refusedCluster(
  cluster: Pick<CocktailCluster, 'name' | 'source'> &
    Partial<
      Pick<
        CocktailCluster,
        'title' | 'entityRef' | 'provider' | 'region' | 'clusterApi'
      >
    >,
  refusal: string,
): CocktailCluster {
  const { name, source, title, entityRef, provider, region, clusterApi } =
    cluster;
  return {
    name,
    ...(title && { title }),
    url: '',
    source,
    ...(clusterApi && { clusterApi }),
    ...(entityRef && { entityRef }),
    auth: { type: 'serviceAccount' },
    skipTLSVerify: false,
    ...(provider && { provider }),
    ...(region && { region }),
    refusal,
  };
}

/** The source that defines a cluster, as messages name it. */
export function describeClaimant(cluster: CocktailCluster): string {
  switch (cluster.source) {
    case 'config':
      return `the cocktail.clusters entry "${cluster.name}"`;
    case 'catalog':
      return `the kubernetes-cluster Resource "${cluster.entityRef}"`;
    case 'cluster-api':
      return `the kubeconfig Secret "${
        cluster.clusterApi?.namespace
      }/${kubeconfigSecretName(cluster.name)}" on management cluster "${
        cluster.clusterApi?.managementCluster
      }"`;
    default:
      return `the cluster source "${cluster.source}"`;
  }
}

/** Why a name that several sources define reaches none of them. */
export function nameConflict(name: string, claimants: string[]): string {
  const [last, ...others] = [...claimants].reverse();
  const listed = `${others.reverse().join(', ')} and ${last}`;
  return claimants.length === 2
    ? `the cluster name "${name}" is defined by both ${listed}, so neither is used; rename or remove one of them`
    : `the cluster name "${name}" is defined by ${listed}, so none of them is used; rename or remove all but one`;
}
