/**
 * What the watch cache follows in each cluster: the suite's labelled objects, pods and events.
 *
 * @public
 */
export interface WatchedResource {
  /** Key in the cache, also the kind it holds. */
  kind: string;
  apiVersion: string;
  /** Collection path for all namespaces, e.g. /apis/apps/v1/deployments. */
  path: string;
  /** Restricts the list and watch to what the suite manages; events cannot be selected so. */
  labelSelector?: string;
}

export const MANAGED_SELECTOR = 'app.kubernetes.io/managed-by=cocktail';

/** @public */
export const WATCHED_RESOURCES: WatchedResource[] = [
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/deployments',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/statefulsets',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/daemonsets',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/replicasets',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'Job',
    apiVersion: 'batch/v1',
    path: '/apis/batch/v1/jobs',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    path: '/apis/batch/v1/cronjobs',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'Pod',
    apiVersion: 'v1',
    path: '/api/v1/pods',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    path: '/api/v1/services',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    path: '/api/v1/persistentvolumeclaims',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    path: '/apis/autoscaling/v2/horizontalpodautoscalers',
    labelSelector: MANAGED_SELECTOR,
  },
  {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    path: '/apis/networking.k8s.io/v1/ingresses',
    labelSelector: MANAGED_SELECTOR,
  },
  { kind: 'Event', apiVersion: 'v1', path: '/api/v1/events' },
];
