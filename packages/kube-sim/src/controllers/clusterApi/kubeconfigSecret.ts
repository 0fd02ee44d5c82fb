import YAML from 'yaml';
import { KubeObject, OwnerReference } from '../../api/types';
import { CLUSTER_NAME_LABEL } from './clusterApiObjects';

export const KUBECONFIG_SECRET_TYPE = 'cluster.x-k8s.io/secret';

export function kubeconfigSecretName(clusterName: string): string {
  return `${clusterName}-kubeconfig`;
}

/**
 * A kubeconfig for a workload cluster as Cluster API writes it: one cluster, one admin user,
 * one context. kube-sim speaks plain HTTP, so the cluster skips TLS verification.
 */
export function workloadKubeconfig(
  clusterName: string,
  server: string,
  token: string,
): string {
  const user = `${clusterName}-admin`;
  const context = `${user}@${clusterName}`;
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: clusterName,
        cluster: { server, 'insecure-skip-tls-verify': true },
      },
    ],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: context, context: { cluster: clusterName, user } }],
    'current-context': context,
    preferences: {},
  });
}

/** The `<cluster>-kubeconfig` Secret that Cluster API keeps beside a Cluster. */
export function kubeconfigSecret(
  cluster: KubeObject,
  owner: OwnerReference,
  kubeconfig: string,
): KubeObject {
  const name = cluster.metadata.name!;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: kubeconfigSecretName(name),
      namespace: cluster.metadata.namespace,
      labels: { [CLUSTER_NAME_LABEL]: name },
      ownerReferences: [owner],
    },
    type: KUBECONFIG_SECRET_TYPE,
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  };
}
