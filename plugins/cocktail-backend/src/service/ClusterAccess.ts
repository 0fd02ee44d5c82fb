import type * as k8s from '@kubernetes/client-node';

/** A cluster as the router lists it: no credentials. */
export interface ClusterSummary {
  name: string;
  title?: string;
  source: string;
  provider?: string;
  region?: string;
  entityRef?: string;
  /** Why the suite does not reach the cluster (a refused credential source); it is listed so that this is seen. */
  error?: string;
}

/** What the router needs of the cluster registry. */
export interface ClusterAccess {
  listClusters(): Promise<ClusterSummary[]>;
  kubeConfigFor(clusterName: string): Promise<k8s.KubeConfig>;
}
