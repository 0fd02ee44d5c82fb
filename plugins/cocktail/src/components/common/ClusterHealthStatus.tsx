import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  ClusterCacheStateView,
  ClusterDescription,
} from '@cocktailcloud/plugin-cocktail-common';

/** One word for a cluster: asked live when a description is at hand, else from the cache. */
export function clusterHealthLabel(
  cache?: ClusterCacheStateView,
  description?: ClusterDescription,
): string {
  if (description?.health === 'unreachable') {
    return 'Unreachable';
  }
  const nodes = description?.nodes ?? [];
  if (description && nodes.some(n => !n.ready)) {
    return 'Nodes not ready';
  }
  if (cache?.stale && cache.synced) {
    return 'Watch interrupted';
  }
  if (description) {
    return 'Healthy';
  }
  return cache?.synced ? 'Healthy' : 'Checking';
}

export function ClusterHealthStatus(props: {
  cache?: ClusterCacheStateView;
  description?: ClusterDescription;
}) {
  const label = clusterHealthLabel(props.cache, props.description);
  switch (label) {
    case 'Healthy':
      return <StatusOK>{label}</StatusOK>;
    case 'Unreachable':
      return <StatusError>{label}</StatusError>;
    case 'Checking':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusWarning>{label}</StatusWarning>;
  }
}
