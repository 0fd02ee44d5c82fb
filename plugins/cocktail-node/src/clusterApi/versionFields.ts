/**
 * Where each control-plane kind keeps its Kubernetes version, for upgrades: patch this path
 * of the cluster's control plane (with distributionVersion for RKE2 and K3s), then the
 * workers' WORKER_VERSION_FIELD. GCPManagedControlPlane's older `controlPlaneVersion` is
 * deprecated in favour of `version`.
 *
 * @public
 */
export const CONTROL_PLANE_VERSION_FIELD: Record<string, string[]> =
  Object.freeze({
    KubeadmControlPlane: ['spec', 'version'],
    RKE2ControlPlane: ['spec', 'version'],
    KThreesControlPlane: ['spec', 'version'],
    AWSManagedControlPlane: ['spec', 'version'],
    AzureManagedControlPlane: ['spec', 'version'],
    GCPManagedControlPlane: ['spec', 'version'],
  });

/**
 * Where the node pools' objects keep their Kubernetes version.
 *
 * @public
 */
export const WORKER_VERSION_FIELD: Record<string, string[]> = Object.freeze({
  MachineDeployment: ['spec', 'template', 'spec', 'version'],
  MachinePool: ['spec', 'template', 'spec', 'version'],
});
