import { ClusterRequest } from '@cocktailcloud/plugin-cocktail-node';

/**
 * The request a cluster was created from, kept on its Cluster object so that later upgrades,
 * scaling and added node pools render and are checked against policy the same way. It holds no
 * secrets: credentials stay with the Cluster API providers.
 */
export const CLUSTER_REQUEST_ANNOTATION = 'cocktailcloud.io/cluster-request';

export function withRequestAnnotation<T extends { metadata: any }>(
  cluster: T,
  request: ClusterRequest,
): T {
  return {
    ...cluster,
    metadata: {
      ...cluster.metadata,
      annotations: {
        ...cluster.metadata.annotations,
        [CLUSTER_REQUEST_ANNOTATION]: JSON.stringify(request),
      },
    },
  };
}

export function requestFromCluster(cluster: any): ClusterRequest | undefined {
  const text = cluster?.metadata?.annotations?.[CLUSTER_REQUEST_ANNOTATION];
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
