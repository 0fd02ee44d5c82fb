import { ClusterRequest } from '@cocktailcloud/plugin-cocktail-node';

/** The catalog entity describing a new cluster: a `kubernetes-cluster` Resource. */
export function clusterEntity(
  request: ClusterRequest,
  options: { owner: string; managementCluster: string },
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.name,
      title: request.name,
      description: `Kubernetes ${request.kubernetesVersion} on ${
        request.provider
      }${
        request.region ? ` (${request.region})` : ''
      }, created through Cluster API`,
      labels: request.labels ?? {},
      annotations: {
        'cocktailcloud.io/cluster-api': `${options.managementCluster}/${
          request.namespace ?? 'default'
        }/${request.name}`,
        'cocktailcloud.io/provider': request.provider,
        ...(request.region
          ? { 'cocktailcloud.io/region': request.region }
          : {}),
      },
    },
    spec: { type: 'kubernetes-cluster', owner: options.owner },
  };
}
