import fs from 'node:fs';
import path from 'node:path';
import type * as k8s from '@kubernetes/client-node';

/** The upstream CRDs beside the repository (`../shared/fixtures/crds`), when they are there. */
export const UPSTREAM_CRDS = path.resolve(
  __dirname,
  '../../../../../../shared/fixtures/crds',
);
export const hasUpstreamCrds = fs.existsSync(UPSTREAM_CRDS);

const CAPI = 'cluster.x-k8s.io/v1beta2';
const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';

/** A v1beta2 Cluster with a KubeadmControlPlane and a DockerCluster, references without apiVersion. */
export function capiCluster(
  name: string,
  spec: Record<string, unknown> = {},
): k8s.KubernetesObject & { spec: any } {
  return {
    apiVersion: CAPI,
    kind: 'Cluster',
    metadata: { name, namespace: 'default' },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.128.0.0/12'] },
      },
      controlPlaneRef: {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: `${name}-control-plane`,
      },
      infrastructureRef: { apiGroup: INFRA_GROUP, kind: 'DockerCluster', name },
      ...spec,
    },
  };
}

export function dockerCluster(name: string): k8s.KubernetesObject {
  return {
    apiVersion: `${INFRA_GROUP}/v1beta2`,
    kind: 'DockerCluster',
    metadata: { name, namespace: 'default' },
    spec: {},
  } as k8s.KubernetesObject;
}

export function kubeadmControlPlane(
  cluster: string,
  replicas: number,
  version: string,
): k8s.KubernetesObject {
  return {
    apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
    kind: 'KubeadmControlPlane',
    metadata: { name: `${cluster}-control-plane`, namespace: 'default' },
    spec: {
      replicas,
      version,
      machineTemplate: {
        spec: {
          infrastructureRef: {
            apiGroup: INFRA_GROUP,
            kind: 'DockerMachineTemplate',
            name: `${cluster}-control-plane`,
          },
        },
      },
      kubeadmConfigSpec: {
        clusterConfiguration: { imageRepository: 'registry.k8s.io' },
      },
    },
  } as k8s.KubernetesObject;
}

export function machineDeployment(
  cluster: string,
  name: string,
  replicas: number,
  version: string,
): k8s.KubernetesObject {
  return {
    apiVersion: CAPI,
    kind: 'MachineDeployment',
    metadata: {
      name,
      namespace: 'default',
      labels: { 'cluster.x-k8s.io/cluster-name': cluster },
    },
    spec: {
      clusterName: cluster,
      replicas,
      selector: { matchLabels: {} },
      template: {
        spec: {
          clusterName: cluster,
          version,
          bootstrap: {
            configRef: {
              apiGroup: 'bootstrap.cluster.x-k8s.io',
              kind: 'KubeadmConfigTemplate',
              name,
            },
          },
          infrastructureRef: {
            apiGroup: INFRA_GROUP,
            kind: 'DockerMachineTemplate',
            name,
          },
        },
      },
    },
  } as k8s.KubernetesObject;
}

/** Creates objects in order through client-node, as a user's manifests would be applied. */
export async function createAll(
  objects: k8s.KubernetesObjectApi,
  items: k8s.KubernetesObject[],
) {
  for (const item of items) {
    await objects.create(item);
  }
}
