import type { CustomObjectsApi } from '@kubernetes/client-node';
import { providerOfInfrastructureKind } from './readKubeconfigSecret';

/** The Cluster API versions whose Clusters the suite reads, newest first. */
const CLUSTER_VERSIONS = ['v1beta2', 'v1beta1'];

/** A Cluster API Cluster of the management cluster, as far as its kubeconfig Secret is concerned. */
export interface ClusterObject {
  namespace: string;
  name: string;
  uid: string;
  provider?: string;
  /**
   * The control plane the Cluster names, which owns the kubeconfig Secret
   * instead of the Cluster with some providers (KubeadmControlPlane adopts it).
   */
  controlPlane?: { group: string; kind: string; name: string };
}

/**
 * The Clusters of `namespaces`, and those of other namespaces when the
 * management cluster lets the suite list Clusters in all of them (so that
 * their kubeconfig Secrets can be reported as not read).
 */
export async function listClusterObjects(
  customObjects: CustomObjectsApi,
  namespaces: string[],
): Promise<{ inNamespaces: ClusterObject[]; elsewhere: ClusterObject[] }> {
  for (const version of CLUSTER_VERSIONS) {
    const request = { group: 'cluster.x-k8s.io', version, plural: 'clusters' };
    let items: any[];
    try {
      items = await customObjects
        .listClusterCustomObject(request)
        .then(list => list.items ?? [])
        .catch(async error => {
          if (codeOf(error) !== 403) {
            throw error;
          }
          // Allowed in the configured namespaces only, perhaps.
          const lists = await Promise.all(
            namespaces.map(namespace =>
              customObjects.listNamespacedCustomObject({
                ...request,
                namespace,
              }),
            ),
          );
          return lists.flatMap(list => list.items ?? []);
        });
    } catch (error) {
      if (codeOf(error) === 404) {
        continue; // this version is not served; try the next
      }
      throw error;
    }
    const clusters = items.flatMap(readClusterObject);
    return {
      inNamespaces: clusters.filter(c => namespaces.includes(c.namespace)),
      elsewhere: clusters.filter(c => !namespaces.includes(c.namespace)),
    };
  }
  return { inNamespaces: [], elsewhere: [] };
}

function readClusterObject(cluster: any): ClusterObject[] {
  const { namespace, name, uid } = cluster.metadata ?? {};
  if (!namespace || !name || !uid) {
    return [];
  }
  const provider = providerOfInfrastructureKind(
    cluster.spec?.infrastructureRef?.kind,
  );
  // v1beta2 references name their apiGroup, v1beta1 ones their apiVersion.
  const ref = cluster.spec?.controlPlaneRef;
  const group = ref?.apiGroup ?? ref?.apiVersion?.split('/')[0];
  return [
    {
      namespace,
      name,
      uid,
      ...(provider && { provider }),
      ...(group &&
        ref.kind &&
        ref.name && {
          controlPlane: { group, kind: ref.kind, name: ref.name },
        }),
    },
  ];
}

function codeOf(error: unknown): number | undefined {
  return (error as { code?: number } | undefined)?.code;
}
