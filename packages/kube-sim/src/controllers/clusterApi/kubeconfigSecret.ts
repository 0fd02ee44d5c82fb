import YAML from 'yaml';
import { KubeObject, OwnerReference } from '../../api/types';
import { ControllerContext } from '../ControllerContext';
import { CLUSTER_NAME_LABEL } from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import { ClusterState } from './ClusterState';

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

/** Creates the Cluster's kubeconfig Secret for its simulated cluster, unless it exists. */
export function writeKubeconfigSecret(
  scope: ClusterApiScope,
  cluster: KubeObject,
  state: ClusterState,
) {
  const { ctx } = scope;
  const secrets = ctx.registry.find('', 'v1', 'secrets')!;
  const name = kubeconfigSecretName(cluster.metadata.name!);
  if (ctx.store.get(secrets, cluster.metadata.namespace, name)) {
    return;
  }
  ctx.store.create(
    secrets,
    kubeconfigSecret(
      cluster,
      ctx.ownerReference(cluster, scope.clusterType),
      workloadKubeconfig(
        cluster.metadata.name!,
        state.workload!.url,
        state.token,
      ),
    ),
  );
}

/** Deletes the Cluster's kubeconfig Secret, when it is the one written for this Cluster. */
export function deleteKubeconfigSecret(
  ctx: ControllerContext,
  namespace: string,
  clusterName: string,
  clusterUid: string,
) {
  const secrets = ctx.registry.find('', 'v1', 'secrets')!;
  const secret = ctx.store.get(
    secrets,
    namespace,
    kubeconfigSecretName(clusterName),
  );
  if (
    secret?.metadata.labels?.[CLUSTER_NAME_LABEL] === clusterName &&
    secret.metadata.ownerReferences?.some(r => r.uid === clusterUid)
  ) {
    ctx.store.delete(secrets, namespace, secret.metadata.name!);
  }
}
