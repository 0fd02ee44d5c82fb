/**
 * A condition of a Kubernetes object's status, as the suite shows it.
 *
 * @public
 */
export interface KubernetesCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/**
 * A server's live state as the suite shows it, read from the watch cache.
 *
 * @public
 */
export interface ServerStatus {
  cluster: string;
  namespace: string;
  server: string;
  /** The workload's kind, when one was found. */
  kind?: string;
  found: boolean;
  /** The cache is not known to be current: a watch is down or the first list has not finished. */
  stale: boolean;
  /** Seconds since the cache was last known to be current, when it is stale. */
  staleForSeconds?: number;
  error?: string;
  replicas: {
    desired: number;
    current: number;
    ready: number;
    updated: number;
    available: number;
  };
  rollout: {
    state: 'complete' | 'progressing' | 'suspended' | 'unknown';
    revision?: string;
    message?: string;
  };
  conditions: KubernetesCondition[];
  images: Array<{ container: string; image: string }>;
  pods: PodStatus[];
  revisions: Array<{
    revision: string;
    replicaSet: string;
    images: string[];
    replicas: number;
    createdAt?: string;
  }>;
  autoscaling?: {
    minReplicas?: number;
    maxReplicas?: number;
    currentReplicas?: number;
    desiredReplicas?: number;
    cpuUtilization?: number;
  };
  events: Array<{
    type?: string;
    reason?: string;
    message?: string;
    count?: number;
    lastTimestamp?: string;
    object: string;
  }>;
}

/** @public */
export interface PodStatus {
  name: string;
  phase?: string;
  ready: boolean;
  restarts: number;
  node?: string;
  ageSeconds?: number;
  revision?: string;
  containers: Array<{
    name: string;
    image?: string;
    imageID?: string;
    ready?: boolean;
    state?: string;
    reason?: string;
  }>;
}
