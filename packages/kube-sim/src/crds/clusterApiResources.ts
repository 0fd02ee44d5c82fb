import { ResourceType } from '../api/types';
import { resourceTypesFromCrd } from './resourceTypesFromCrd';
import { withSimulatedTypes } from './withSimulatedTypes';

export const CLUSTER_API_GROUP = 'cluster.x-k8s.io';
export const CONTROL_PLANE_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
export const INFRASTRUCTURE_GROUP = 'infrastructure.cluster.x-k8s.io';
/** Cluster API Add-on Provider Helm (CAAPH): HelmChartProxy and HelmReleaseProxy. */
export const ADDONS_GROUP = 'addons.cluster.x-k8s.io';

const V1BETA1_V1BETA2 = ['v1beta1', 'v1beta2'];

/** Kinds and the versions their providers serve; the last one is the storage version. */
const CLUSTER_API_KINDS: Array<{
  group: string;
  versions: string[];
  kinds: string[];
}> = [
  {
    group: CLUSTER_API_GROUP,
    versions: V1BETA1_V1BETA2,
    kinds: [
      'Cluster',
      'MachineDeployment',
      'MachinePool',
      'ClusterClass',
      'Machine',
    ],
  },
  {
    group: CONTROL_PLANE_GROUP,
    versions: V1BETA1_V1BETA2,
    kinds: ['KubeadmControlPlane', 'RKE2ControlPlane', 'KThreesControlPlane'],
  },
  {
    group: CONTROL_PLANE_GROUP,
    versions: ['v1beta2'],
    kinds: ['AWSManagedControlPlane'],
  },
  {
    group: BOOTSTRAP_GROUP,
    versions: V1BETA1_V1BETA2,
    kinds: [
      'KubeadmConfigTemplate',
      'RKE2ConfigTemplate',
      'KThreesConfigTemplate',
    ],
  },
  {
    group: INFRASTRUCTURE_GROUP,
    versions: V1BETA1_V1BETA2,
    kinds: [
      'AWSCluster',
      'AWSMachineTemplate',
      'AWSManagedCluster',
      'AWSManagedMachinePool',
      'Metal3Cluster',
      'Metal3MachineTemplate',
      'VSphereCluster',
      'VSphereMachineTemplate',
      'OpenStackCluster',
      'OpenStackMachineTemplate',
      'DockerCluster',
      'DockerMachineTemplate',
    ],
  },
  {
    group: INFRASTRUCTURE_GROUP,
    versions: ['v1beta1'],
    kinds: [
      'AzureCluster',
      'AzureMachineTemplate',
      'AzureManagedCluster',
      'AzureManagedControlPlane',
      'AzureManagedMachinePool',
      'GCPCluster',
      'GCPMachineTemplate',
      'GCPManagedCluster',
      'GCPManagedControlPlane',
      'GCPManagedMachinePool',
    ],
  },
  {
    group: INFRASTRUCTURE_GROUP,
    versions: ['v1beta1', 'v1beta2', 'v1beta3'],
    kinds: ['CloudStackCluster', 'CloudStackMachineTemplate'],
  },
  {
    group: ADDONS_GROUP,
    versions: ['v1alpha1'],
    kinds: ['HelmChartProxy', 'HelmReleaseProxy'],
  },
];

/** The short names of the upstream CRDs, for `kubectl get cl` and the like. */
const SHORT_NAMES: Record<string, string[]> = {
  Cluster: ['cl'],
  MachineDeployment: ['md'],
  MachinePool: ['mp'],
  ClusterClass: ['cc'],
  Machine: ['ma'],
  KubeadmControlPlane: ['kcp'],
  HelmChartProxy: ['hcp'],
  HelmReleaseProxy: ['hrp'],
};

function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) {
    return `${lower}es`;
  }
  return /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/** A schema that names spec and status (for `kubectl explain`) and keeps every field. */
function keepEveryField(kind: string) {
  const anyFields = (description: string) => ({
    type: 'object',
    description,
    'x-kubernetes-preserve-unknown-fields': true,
  });
  return {
    type: 'object',
    description: `${kind} of Cluster API, as kube-sim simulates it: its fields are kept as given, unchecked. Load the upstream CRD (--crds) for its full schema.`,
    'x-kubernetes-preserve-unknown-fields': true,
    properties: {
      spec: anyFields(`The desired state of the ${kind}.`),
      status: anyFields(
        `The observed state of the ${kind}, written by its controller.`,
      ),
    },
  };
}

/**
 * A CustomResourceDefinition written for kube-sim: every served version keeps unknown fields
 * (no schema is enforced) and has the status subresource, as the upstream CRDs do.
 */
function simulatedCrd(group: string, kind: string, versions: string[]) {
  const plural = pluralOf(kind);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: {
        kind,
        listKind: `${kind}List`,
        plural,
        singular: kind.toLowerCase(),
        ...(SHORT_NAMES[kind] && { shortNames: SHORT_NAMES[kind] }),
      },
      scope: 'Namespaced',
      versions: versions.map((name, index) => ({
        name,
        served: true,
        storage: index === versions.length - 1,
        schema: { openAPIV3Schema: keepEveryField(kind) },
        subresources: { status: {} },
      })),
    },
  };
}

/** The CustomResourceDefinitions kube-sim serves on a Cluster API management cluster. */
export function clusterApiCustomResourceDefinitions() {
  return CLUSTER_API_KINDS.flatMap(({ group, versions, kinds }) =>
    kinds.map(kind => simulatedCrd(group, kind, versions)),
  );
}

/** Compiled once: every management cluster serves the same types. */
let simulatedTypes: ResourceType[] | undefined;

/**
 * The Cluster API resources together with CRDs loaded from YAML. A kind that a loaded CRD
 * defines is served only as that CRD says (its versions, its schema).
 */
export function withClusterApiResources(
  loaded: ResourceType[],
): ResourceType[] {
  simulatedTypes ??= clusterApiCustomResourceDefinitions().flatMap(crd =>
    resourceTypesFromCrd(crd),
  );
  return withSimulatedTypes(simulatedTypes, loaded);
}
