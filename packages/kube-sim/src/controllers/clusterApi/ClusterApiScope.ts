import { KubeObject, ResourceType } from '../../api/types';
import { ControllerContext } from '../ControllerContext';
import { ClusterState } from './ClusterState';
import { WorkloadClusterHost } from './WorkloadClusterHost';

/** What the reconcile steps of a Cluster share with the ClusterApiController that runs them. */
export interface ClusterApiScope {
  readonly ctx: ControllerContext;
  readonly host: WorkloadClusterHost;
  readonly clusterType: ResourceType;
  /** How long a new Cluster takes to be provisioned. */
  provisionMs(): number;
  /** Scaling and upgrade steps, and the wait before a deleted Cluster goes. */
  stepMs(): number;
  isStopped(): boolean;
  /** Runs `fn` after `ms`, unless the controller stops or forgets the Cluster first. */
  later(state: ClusterState, ms: number, fn: () => void): void;
  /** The stored Cluster, while it is still the one `state` tracks. */
  current(
    namespace: string,
    name: string,
    state: ClusterState,
  ): KubeObject | undefined;
  /** Reconciles the Cluster again soon. */
  enqueue(namespace: string | undefined, name: string): void;
  /** Stops a Cluster's simulated cluster and removes its Secret and Machines. */
  forget(namespace: string, name: string, state: ClusterState): void;
  setStatus(cluster: KubeObject, status: Record<string, unknown>): void;
  event(object: KubeObject, reason: string, message: string): void;
  /** A Warning event on the Cluster, when it still exists. */
  warn(namespace: string, name: string, reason: string, message: string): void;
}
