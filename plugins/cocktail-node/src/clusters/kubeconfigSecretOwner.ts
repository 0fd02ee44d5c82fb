import type { V1OwnerReference, V1Secret } from '@kubernetes/client-node';
import { ClusterObject } from './listClusterObjects';
import { CLUSTER_NAME_LABEL } from './readKubeconfigSecret';

const CLUSTER_API_GROUP = 'cluster.x-k8s.io';

/**
 * Why a `<name>-kubeconfig` Secret is not the one Cluster API keeps for the
 * Cluster `<name>` of its namespace; `undefined` when it is. Cluster API's
 * Secret has an ownerReference to that Cluster or, once a control plane
 * provider such as KubeadmControlPlane has adopted it, to the control plane
 * the Cluster names, with the owner's uid.
 *
 * `readUid` reads the uid of the control plane an ownerReference names
 * (`undefined` when it does not exist).
 */
export async function kubeconfigSecretOwnerProblem(
  secret: V1Secret,
  cluster: ClusterObject | undefined,
  readUid: (owner: V1OwnerReference) => Promise<string | undefined>,
): Promise<string | undefined> {
  const namespace = secret.metadata?.namespace;
  const name = secret.metadata?.labels?.[CLUSTER_NAME_LABEL];
  const fix =
    'delete it if Cluster API did not write it (Cluster API writes it again for a Cluster that needs it)';
  if (!cluster) {
    return `there is no Cluster "${namespace}/${name}" for it to belong to; ${fix}`;
  }
  const references = secret.metadata?.ownerReferences ?? [];
  const toCluster = references.find(
    reference =>
      reference.kind === 'Cluster' &&
      groupOf(reference.apiVersion) === CLUSTER_API_GROUP &&
      reference.name === cluster.name,
  );
  if (toCluster) {
    return toCluster.uid === cluster.uid
      ? undefined
      : `its ownerReference to the Cluster "${name}" has uid ${toCluster.uid}, but that Cluster's uid is ${cluster.uid}; ${fix}`;
  }
  const plane = cluster.controlPlane;
  const toPlane =
    plane &&
    references.find(
      reference =>
        reference.kind === plane.kind &&
        groupOf(reference.apiVersion) === plane.group &&
        reference.name === plane.name,
    );
  if (plane && toPlane) {
    const uid = await readUid(toPlane);
    return uid === toPlane.uid
      ? undefined
      : `its ownerReference to the ${plane.kind} "${
          plane.name
        }" of Cluster "${name}" has uid ${toPlane.uid}, but ${
          uid ? `that ${plane.kind}'s uid is ${uid}` : 'there is no such object'
        }; ${fix}`;
  }
  return `it has no ownerReference to the Cluster "${name}"${
    plane ? ` or to its control plane ${plane.kind} "${plane.name}"` : ''
  }, as the Secret Cluster API writes has; ${fix}`;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
