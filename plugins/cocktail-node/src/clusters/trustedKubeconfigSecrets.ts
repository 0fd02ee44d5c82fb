import type { V1OwnerReference, V1Secret } from '@kubernetes/client-node';
import {
  describeClaimant,
  nameConflict,
  refusedCluster,
} from './clusterRefusals';
import { errorMessage } from './errorMessage';
import { kubeconfigSecretOwnerProblem } from './kubeconfigSecretOwner';
import { KubernetesClientModule } from './kubernetesClient';
import { ClusterObject } from './listClusterObjects';
import {
  CLUSTER_NAME_LABEL,
  isKubeconfigSecret,
  kubeconfigSecretName,
  readKubeconfigSecret,
} from './readKubeconfigSecret';
import { CocktailCluster, KubeconfigAllowances } from './types';

export interface TrustedKubeconfigSecretsOptions {
  client: Pick<KubernetesClientModule, 'KubeConfig'>;
  managementCluster: string;
  allow: KubeconfigAllowances;
  /** The Clusters of the namespaces whose Secrets were listed. */
  clusterObjects: ClusterObject[];
  /** The uid of the object an ownerReference names; `undefined` when there is none. */
  readUid: (
    owner: V1OwnerReference,
    namespace: string,
  ) => Promise<string | undefined>;
  /** Notes a problem to log. */
  report: (problem: string) => void;
}

/**
 * The clusters of a management cluster's kubeconfig Secrets, sorted by
 * namespace and name. A Secret that no Cluster of its name owns is left out;
 * one whose kubeconfig is refused, and Secrets that define one cluster name,
 * give a cluster with a `refusal`. Each is reported.
 */
export async function trustedKubeconfigSecrets(
  secrets: V1Secret[],
  options: TrustedKubeconfigSecretsOptions,
): Promise<CocktailCluster[]> {
  const { managementCluster, report } = options;
  const objectsByKey = new Map(
    options.clusterObjects.map(c => [`${c.namespace}/${c.name}`, c]),
  );
  const claims = new Map<string, CocktailCluster[]>();
  const ordered = secrets
    .filter(isKubeconfigSecret)
    .sort((a, b) =>
      `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(
        `${b.metadata?.namespace}/${b.metadata?.name}`,
      ),
    );
  for (const secret of ordered) {
    const namespace = secret.metadata!.namespace!;
    const name = secret.metadata!.labels![CLUSTER_NAME_LABEL];
    const ignoring = `Ignoring the Cluster API kubeconfig Secret "${namespace}/${secret.metadata?.name}" of "${managementCluster}"`;
    const clusterObject = objectsByKey.get(`${namespace}/${name}`);
    const ownerProblem = await kubeconfigSecretOwnerProblem(
      secret,
      clusterObject,
      owner => options.readUid(owner, namespace),
    );
    if (ownerProblem) {
      report(`${ignoring}: ${ownerProblem}`);
      continue;
    }
    let cluster: CocktailCluster;
    try {
      cluster = readKubeconfigSecret(
        secret,
        options.client,
        managementCluster,
        options.allow,
      );
    } catch (error) {
      report(`${ignoring}: ${errorMessage(error)}`);
      cluster = refusedCluster(
        {
          name,
          source: 'cluster-api',
          clusterApi: { managementCluster, namespace },
        },
        `the kubeconfig Secret "${namespace}/${kubeconfigSecretName(
          name,
        )}" on management cluster "${managementCluster}" is refused: ${errorMessage(
          error,
        )}`,
      );
    }
    const provider = clusterObject?.provider;
    claims.set(name, [
      ...(claims.get(name) ?? []),
      { ...cluster, ...(provider && { provider }) },
    ]);
  }
  return [...claims.entries()].map(([name, claimants]) => {
    if (claimants.length === 1) {
      return claimants[0];
    }
    const refusal = nameConflict(name, claimants.map(describeClaimant));
    report(`Not reaching the Cluster API cluster "${name}": ${refusal}`);
    return refusedCluster(claimants[0], refusal);
  });
}
