import { ClusterApiVersions } from './types';

export const CORE_GROUP = 'cluster.x-k8s.io';
export const CONTROL_PLANE_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
export const INFRASTRUCTURE_GROUP = 'infrastructure.cluster.x-k8s.io';
export const ADDONS_GROUP = 'addons.cluster.x-k8s.io';

const core = (kind: string) => `${CORE_GROUP}/${kind}`;
const controlPlane = (kind: string) => `${CONTROL_PLANE_GROUP}/${kind}`;
const bootstrap = (kind: string) => `${BOOTSTRAP_GROUP}/${kind}`;
const infrastructure = (kind: string) => `${INFRASTRUCTURE_GROUP}/${kind}`;

/**
 * The storage versions that current provider releases serve. Kinds with a CRD in
 * shared/fixtures/crds are read from it; the others from the providers' sources:
 * - DockerCluster, DockerMachineTemplate: kubernetes-sigs/cluster-api
 *   test/infrastructure/docker/api/v1beta2 (`+kubebuilder:storageversion`).
 * - MachinePool: kubernetes-sigs/cluster-api api/core/v1beta2/machinepool_types.go.
 * - RKE2ConfigTemplate: rancher/cluster-api-provider-rke2 bootstrap/api/v1beta2, released
 *   together with RKE2ControlPlane v1beta2.
 * - KThreesConfigTemplate: k3s-io/cluster-api-k3s bootstrap/api/v1beta2.
 * - AWSManagedMachinePool: kubernetes-sigs/cluster-api-provider-aws
 *   config/crd/bases/infrastructure.cluster.x-k8s.io_awsmanagedmachinepools.yaml (v1beta1 not served).
 * - AzureManagedMachinePool: kubernetes-sigs/cluster-api-provider-azure, v1beta1 like the
 *   other AzureManaged* kinds.
 * - GCPManagedMachinePool: kubernetes-sigs/cluster-api-provider-gcp, v1beta1 only.
 *
 * AzureClusterIdentity is not rendered, only referenced (with its apiVersion).
 * Note: the AzureManaged* and GCPManaged* control planes live in the infrastructure group.
 *
 * @public
 */
export const OFFLINE_CLUSTER_API_VERSIONS: ClusterApiVersions = Object.freeze({
  [core('Cluster')]: 'cluster.x-k8s.io/v1beta2',
  [core('ClusterClass')]: 'cluster.x-k8s.io/v1beta2',
  [core('MachineDeployment')]: 'cluster.x-k8s.io/v1beta2',
  [core('MachinePool')]: 'cluster.x-k8s.io/v1beta2',
  // Read and deleted by the cluster page, never rendered.
  [core('Machine')]: 'cluster.x-k8s.io/v1beta2',
  // Cluster API Add-on Provider Helm (shared/fixtures/crds: v1alpha1 only).
  [`${ADDONS_GROUP}/HelmChartProxy`]: `${ADDONS_GROUP}/v1alpha1`,
  [`${ADDONS_GROUP}/HelmReleaseProxy`]: `${ADDONS_GROUP}/v1alpha1`,
  [controlPlane('KubeadmControlPlane')]:
    'controlplane.cluster.x-k8s.io/v1beta2',
  [controlPlane('RKE2ControlPlane')]: 'controlplane.cluster.x-k8s.io/v1beta2',
  [controlPlane('KThreesControlPlane')]:
    'controlplane.cluster.x-k8s.io/v1beta2',
  [controlPlane('AWSManagedControlPlane')]:
    'controlplane.cluster.x-k8s.io/v1beta2',
  [bootstrap('KubeadmConfigTemplate')]: 'bootstrap.cluster.x-k8s.io/v1beta2',
  [bootstrap('RKE2ConfigTemplate')]: 'bootstrap.cluster.x-k8s.io/v1beta2',
  [bootstrap('KThreesConfigTemplate')]: 'bootstrap.cluster.x-k8s.io/v1beta2',
  [infrastructure('AWSCluster')]: 'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('AWSMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('AWSManagedCluster')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('AWSManagedMachinePool')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('AzureCluster')]: 'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('AzureClusterIdentity')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('AzureMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('AzureManagedCluster')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('AzureManagedControlPlane')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('AzureManagedMachinePool')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('GCPCluster')]: 'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('GCPMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('GCPManagedCluster')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('GCPManagedControlPlane')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('GCPManagedMachinePool')]:
    'infrastructure.cluster.x-k8s.io/v1beta1',
  [infrastructure('OpenStackCluster')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('OpenStackMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('VSphereCluster')]: 'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('VSphereMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('CloudStackCluster')]:
    'infrastructure.cluster.x-k8s.io/v1beta3',
  [infrastructure('CloudStackMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta3',
  [infrastructure('Metal3Cluster')]: 'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('Metal3MachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('DockerCluster')]: 'infrastructure.cluster.x-k8s.io/v1beta2',
  [infrastructure('DockerMachineTemplate')]:
    'infrastructure.cluster.x-k8s.io/v1beta2',
});

/**
 * The versions the renderers know how to write, per kind. Discovery only picks from these: a
 * kind the management cluster serves at none of them cannot be rendered for it. The core,
 * kubeadm, RKE2 and K3s kinds changed shape between v1beta1 and v1beta2 and are written in
 * both; the provider kinds in the version (or versions) whose schema the rendering satisfies.
 */
export const RENDERABLE_VERSIONS: Record<string, string[]> = {
  ...Object.fromEntries(
    Object.entries(OFFLINE_CLUSTER_API_VERSIONS).map(([key, apiVersion]) => [
      key,
      [versionOf(apiVersion)],
    ]),
  ),
  [core('Cluster')]: ['v1beta2', 'v1beta1'],
  [core('ClusterClass')]: ['v1beta2', 'v1beta1'],
  [core('MachineDeployment')]: ['v1beta2', 'v1beta1'],
  [core('MachinePool')]: ['v1beta2', 'v1beta1'],
  [controlPlane('KubeadmControlPlane')]: ['v1beta2', 'v1beta1'],
  [controlPlane('RKE2ControlPlane')]: ['v1beta2', 'v1beta1'],
  [controlPlane('KThreesControlPlane')]: ['v1beta2', 'v1beta1'],
  [bootstrap('KubeadmConfigTemplate')]: ['v1beta2', 'v1beta1'],
  [bootstrap('RKE2ConfigTemplate')]: ['v1beta2', 'v1beta1'],
  [bootstrap('KThreesConfigTemplate')]: ['v1beta2', 'v1beta1'],
  // Older provider releases whose schemas accept the same rendering (checked by the tests).
  [infrastructure('VSphereCluster')]: ['v1beta2', 'v1beta1'],
  [infrastructure('VSphereMachineTemplate')]: ['v1beta2', 'v1beta1'],
  [infrastructure('Metal3Cluster')]: ['v1beta2', 'v1beta1'],
  [infrastructure('Metal3MachineTemplate')]: ['v1beta2', 'v1beta1'],
  [infrastructure('CloudStackCluster')]: ['v1beta3', 'v1beta2'],
  [infrastructure('CloudStackMachineTemplate')]: [
    'v1beta3',
    'v1beta2',
    'v1beta1',
  ],
};

/** `cluster.x-k8s.io/v1beta2` → `v1beta2`. */
export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
}

/** `group/Kind` → group. */
export function groupOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

/** `group/Kind` → Kind. */
export function kindOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The apiVersion to write for a kind: the caller's choice, else the offline one. */
export function apiVersionFor(
  versions: ClusterApiVersions | undefined,
  key: string,
): string {
  const apiVersion = versions?.[key] ?? OFFLINE_CLUSTER_API_VERSIONS[key];
  if (!apiVersion) {
    throw new Error(`no apiVersion known for ${key}`);
  }
  return apiVersion;
}

/** Whether a kind is written at its v1beta1 shape (object refs with apiVersion, map args). */
export function isV1beta1(
  versions: ClusterApiVersions | undefined,
  key: string,
): boolean {
  return versionOf(apiVersionFor(versions, key)) === 'v1beta1';
}

/**
 * A reference to another object, in the style the referring field takes: v1beta2 Cluster API
 * contract references are `{ apiGroup, kind, name }`; older ones (`corev1.ObjectReference`)
 * are `{ apiVersion, kind, name }`.
 */
export function objectRef(
  style: 'contract' | 'objectReference',
  versions: ClusterApiVersions | undefined,
  key: string,
  name: string,
): Record<string, string> {
  return style === 'contract'
    ? { apiGroup: groupOf(key), kind: kindOf(key), name }
    : { apiVersion: apiVersionFor(versions, key), kind: kindOf(key), name };
}

export const KINDS = {
  cluster: core('Cluster'),
  clusterClass: core('ClusterClass'),
  machineDeployment: core('MachineDeployment'),
  machinePool: core('MachinePool'),
  kubeadmControlPlane: controlPlane('KubeadmControlPlane'),
  rke2ControlPlane: controlPlane('RKE2ControlPlane'),
  k3sControlPlane: controlPlane('KThreesControlPlane'),
  kubeadmConfigTemplate: bootstrap('KubeadmConfigTemplate'),
  rke2ConfigTemplate: bootstrap('RKE2ConfigTemplate'),
  k3sConfigTemplate: bootstrap('KThreesConfigTemplate'),
  infrastructure,
  controlPlane,
} as const;
