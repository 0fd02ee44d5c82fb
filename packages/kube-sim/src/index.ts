/**
 * kube-sim: simulated Kubernetes API servers for tests, benchmarks and the offline demo.
 * A test double — production code never imports it.
 *
 * @packageDocumentation
 */

export {
  KubeSim,
  type KubeSimOptions,
  type WorkloadClusterEvent,
} from './KubeSim';
export {
  SimulatedCluster,
  type SimulatedClusterOptions,
} from './server/SimulatedCluster';
export type { FaultSettings } from './server/faults';
export {
  servingCertificate,
  type ServingCertificate,
} from './server/selfSignedCertificate';
export type { KubeObject, ResourceType } from './api/types';
export { ClusterApiController } from './controllers/clusterApi/ClusterApiController';
export type {
  WorkloadClusterHost,
  WorkloadClusterRequest,
} from './controllers/clusterApi/WorkloadClusterHost';
export { clusterApiCustomResourceDefinitions } from './crds/clusterApiResources';
export { trivyOperatorCustomResourceDefinitions } from './crds/trivyOperatorResources';
export {
  seedManifestDirectory,
  seedManifests,
  type SeedReport,
} from './seed/seedManifests';
// The real Prometheus and Alertmanager (Debian's binaries) next to kube-sim, for tests.
export { freePort, type RunningBinary } from './monitoring/runMonitoringBinary';
export {
  prometheusAvailable,
  startPrometheus,
  type RunningPrometheus,
} from './monitoring/startPrometheus';
export {
  alertmanagerAvailable,
  startAlertmanager,
} from './monitoring/startAlertmanager';
export { parseExposition, type ScrapedSample } from './metrics/parseExposition';
