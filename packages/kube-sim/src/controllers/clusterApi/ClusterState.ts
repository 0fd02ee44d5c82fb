import { randomBytes } from 'node:crypto';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { ClusterStage } from './clusterApiStatus';

/** What the controller knows of one Cluster between reconciles. */
export interface ClusterState {
  uid: string;
  stage: ClusterStage;
  /** The bearer token its simulated cluster accepts. */
  token: string;
  timers: Set<NodeJS.Timeout>;
  workload?: SimulatedCluster;
  starting?: boolean;
  stepScheduled?: boolean;
  nodeIndex: number;
}

export function newClusterState(uid: string): ClusterState {
  return {
    uid,
    stage: 'Pending',
    token: `kube-sim-capi.${randomBytes(18).toString('base64url')}`,
    timers: new Set(),
    nodeIndex: 0,
  };
}

export function clusterKey(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}
