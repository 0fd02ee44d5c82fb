import { Manifest } from '../../rendering/types';
import { RenderContext } from '../renderContext';
import { NodePoolRequest } from '../types';

/**
 * A managed Kubernetes service: its cluster, control plane and node pools.
 *
 * @public
 */
export interface ManagedService {
  clusterKind: string;
  controlPlaneKind: string;
  machinePoolKind: string;
  renderCluster(ctx: RenderContext): Manifest;
  /**
   * Named after the cluster: the services name the cloud's cluster after it (AKS as is, EKS and
   * GKE with the namespace).
   */
  renderControlPlane(ctx: RenderContext): Manifest;
  /** The provider's machine pool behind a MachinePool named `name`. */
  renderMachinePool(
    ctx: RenderContext,
    pool: NodePoolRequest,
    name: string,
  ): Manifest;
  /** Value of `cluster.x-k8s.io/replicas-managed-by` when the service autoscales a pool. */
  autoscaler: string;
}
