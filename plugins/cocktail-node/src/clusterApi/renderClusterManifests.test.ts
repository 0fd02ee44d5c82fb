import { InputError } from '@backstage/errors';
import { stringify } from 'yaml';
import { find } from './__testUtils__/find';
import { fullRequest, REQUIRED_OPTIONS } from './__testUtils__/requests';
import { renderClusterManifests } from './renderClusterManifests';
import { ClusterRequest } from './types';

const minimal: ClusterRequest = {
  name: 'demo',
  provider: 'aws',
  kubernetesVersion: 'v1.33.1',
  nodePools: [{ name: 'workers', replicas: 2 }],
};

function kubeletArgs(registration: any): Record<string, string> {
  return Object.fromEntries(
    registration.kubeletExtraArgs.map((arg: any) => [arg.name, arg.value]),
  );
}

describe('renderClusterManifests', () => {
  it('renders the Cluster, infrastructure cluster, control plane, its machine template and each pool in apply order', () => {
    expect(
      renderClusterManifests(minimal).map(
        m =>
          `${m.apiVersion} ${m.kind} ${m.metadata.namespace}/${m.metadata.name}`,
      ),
    ).toEqual([
      'cluster.x-k8s.io/v1beta2 Cluster default/demo',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSCluster default/demo',
      'controlplane.cluster.x-k8s.io/v1beta2 KubeadmControlPlane default/demo-control-plane',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSMachineTemplate default/demo-control-plane',
      'cluster.x-k8s.io/v1beta2 MachineDeployment default/demo-workers',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSMachineTemplate default/demo-workers',
      'bootstrap.cluster.x-k8s.io/v1beta2 KubeadmConfigTemplate default/demo-workers',
    ]);
  });

  it("labels every object with the cluster name and manager, and the Cluster with the request's labels", () => {
    const manifests = renderClusterManifests({
      ...minimal,
      labels: { team: 'platform' },
    });
    for (const manifest of manifests) {
      expect(manifest.metadata.labels).toMatchObject({
        'cluster.x-k8s.io/cluster-name': 'demo',
        'app.kubernetes.io/managed-by': 'cocktail',
      });
    }
    expect(find(manifests, 'Cluster').metadata.labels.team).toBe('platform');
    expect(find(manifests, 'AWSCluster').metadata.labels.team).toBeUndefined();
  });

  it('refers to other objects by apiGroup, kind and name in v1beta2', () => {
    const manifests = renderClusterManifests(minimal);
    expect(find(manifests, 'Cluster').spec).toMatchObject({
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
      },
      controlPlaneRef: {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: 'demo-control-plane',
      },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: 'AWSCluster',
        name: 'demo',
      },
    });
    expect(find(manifests, 'MachineDeployment').spec.template.spec).toEqual({
      clusterName: 'demo',
      version: 'v1.33.1',
      bootstrap: {
        configRef: {
          apiGroup: 'bootstrap.cluster.x-k8s.io',
          kind: 'KubeadmConfigTemplate',
          name: 'demo-workers',
        },
      },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: 'AWSMachineTemplate',
        name: 'demo-workers',
      },
    });
  });

  it('refers to other objects with their apiVersion when the core kinds are v1beta1', () => {
    const manifests = renderClusterManifests(minimal, {
      'cluster.x-k8s.io/Cluster': 'cluster.x-k8s.io/v1beta1',
      'controlplane.cluster.x-k8s.io/KubeadmControlPlane':
        'controlplane.cluster.x-k8s.io/v1beta1',
    });
    expect(find(manifests, 'Cluster').spec.controlPlaneRef).toEqual({
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      name: 'demo-control-plane',
    });
    expect(find(manifests, 'KubeadmControlPlane').spec.machineTemplate).toEqual(
      {
        infrastructureRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          kind: 'AWSMachineTemplate',
          name: 'demo-control-plane',
        },
      },
    );
    expect(
      find(manifests, 'KubeadmControlPlane').spec.kubeadmConfigSpec
        .initConfiguration.nodeRegistration.kubeletExtraArgs,
    ).toEqual({ 'cloud-provider': 'external' });
  });

  it('fills in the defaults: one kubeadm control-plane node, the region and machine types of the provider', () => {
    const manifests = renderClusterManifests(minimal);
    expect(find(manifests, 'AWSCluster').spec.region).toBe('us-east-1');
    expect(find(manifests, 'KubeadmControlPlane').spec.replicas).toBe(1);
    expect(
      find(manifests, 'AWSMachineTemplate', 'demo-workers').spec.template.spec
        .instanceType,
    ).toBe('t3.large');
  });

  it('gives node-pool labels to the Machines, and to the kubelet those it may set itself', () => {
    const manifests = renderClusterManifests(fullRequest('aws'));
    const deployment = find(manifests, 'MachineDeployment', 'demo-gpu');
    expect(deployment.spec.template.metadata.labels).toEqual({
      'cluster.x-k8s.io/cluster-name': 'demo',
      'acme.io/accelerator': 'nvidia',
      'node-role.kubernetes.io/gpu': '',
    });
    const registration = find(manifests, 'KubeadmConfigTemplate', 'demo-gpu')
      .spec.template.spec.joinConfiguration.nodeRegistration;
    expect(kubeletArgs(registration)['node-labels']).toBe(
      'acme.io/accelerator=nvidia',
    );
    expect(registration.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
  });

  it('gives node-pool labels and taints to RKE2 and K3s agents in their key=value:Effect form', () => {
    for (const [controlPlane, kind] of [
      ['rke2', 'RKE2ConfigTemplate'],
      ['k3s', 'KThreesConfigTemplate'],
    ] as const) {
      const manifests = renderClusterManifests(
        fullRequest('aws', {
          controlPlane: { provider: controlPlane, replicas: 3 },
        }),
      );
      expect(
        find(manifests, kind, 'demo-gpu').spec.template.spec.agentConfig,
      ).toMatchObject({
        nodeLabels: ['acme.io/accelerator=nvidia'],
        nodeTaints: ['nvidia.com/gpu=present:NoSchedule'],
      });
    }
  });

  it('annotates autoscaled MachineDeployments with the cluster-autoscaler bounds', () => {
    const manifests = renderClusterManifests(fullRequest('aws'));
    expect(
      find(manifests, 'MachineDeployment', 'demo-gpu').metadata.annotations,
    ).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '0',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '4',
    });
    expect(
      find(manifests, 'MachineDeployment', 'demo-system').metadata.annotations,
    ).toBeUndefined();
  });

  it("uses the zone as the pools' failure domain on clouds", () => {
    const manifests = renderClusterManifests(fullRequest('gcp'));
    expect(
      find(manifests, 'MachineDeployment', 'demo-system').spec.template.spec
        .failureDomain,
    ).toBe('zone-a');
  });

  it('writes RKE2 and K3s release versions on their control planes and workers', () => {
    const rke2 = renderClusterManifests({
      ...minimal,
      controlPlane: { provider: 'rke2' },
    });
    expect(find(rke2, 'RKE2ControlPlane').spec.version).toBe('v1.33.1+rke2r1');
    expect(find(rke2, 'MachineDeployment').spec.template.spec.version).toBe(
      'v1.33.1+rke2r1',
    );
    const k3s = renderClusterManifests({
      ...minimal,
      controlPlane: { provider: 'k3s' },
    });
    expect(find(k3s, 'KThreesControlPlane').spec.version).toBe('v1.33.1+k3s1');
    expect(
      find(k3s, 'KThreesControlPlane').spec.kthreesConfigSpec.serverConfig,
    ).toEqual({
      clusterCidr: '192.168.0.0/16',
      serviceCidr: '10.96.0.0/12',
      disableCloudController: true,
    });
  });

  it('runs the control plane behind a kube-vip virtual IP on vSphere', () => {
    const manifests = renderClusterManifests(fullRequest('vsphere'));
    const spec = find(manifests, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    expect(spec.files).toEqual([
      expect.objectContaining({
        path: '/etc/kubernetes/manifests/kube-vip.yaml',
      }),
    ]);
    expect(spec.files[0].content).toContain('value: 10.0.0.100');
    expect(find(manifests, 'VSphereCluster').spec.controlPlaneEndpoint).toEqual(
      {
        host: '10.0.0.100',
        port: 6443,
      },
    );
    expect(
      find(manifests, 'VSphereMachineTemplate', 'demo-gpu').spec.template.spec,
    ).toMatchObject({ numCPUs: 8, memoryMiB: 32768, diskGiB: 100 });
  });

  it("mounts CAPZ's azure.json secret of each machine template on Azure nodes", () => {
    const manifests = renderClusterManifests(fullRequest('azure'));
    expect(
      find(manifests, 'KubeadmConfigTemplate', 'demo-system').spec.template.spec
        .files,
    ).toEqual([
      {
        contentFrom: {
          secret: {
            name: 'demo-system-azure-json',
            key: 'worker-node-azure.json',
          },
        },
        owner: 'root:root',
        path: '/etc/kubernetes/azure.json',
        permissions: '0644',
      },
    ]);
    expect(find(manifests, 'AzureCluster').spec).toMatchObject({
      location: 'eastus',
      resourceGroup: 'demo',
      identityRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'AzureClusterIdentity',
        name: 'cluster-identity',
      },
    });
  });

  it('renders EKS with managed node groups, spelling taint effects the CAPA way', () => {
    const manifests = renderClusterManifests(fullRequest('eks'));
    expect(manifests.map(m => `${m.kind} ${m.metadata.name}`)).toEqual([
      'Cluster demo',
      'AWSManagedCluster demo',
      'AWSManagedControlPlane demo',
      'MachinePool demo-system',
      'AWSManagedMachinePool demo-system',
      'MachinePool demo-gpu',
      'AWSManagedMachinePool demo-gpu',
    ]);
    expect(find(manifests, 'AWSManagedMachinePool', 'demo-gpu').spec).toEqual({
      instanceType: 't3.large',
      scaling: { minSize: 0, maxSize: 4 },
      availabilityZones: ['zone-a'],
      labels: {
        'acme.io/accelerator': 'nvidia',
        'node-role.kubernetes.io/gpu': '',
      },
      taints: [
        { key: 'nvidia.com/gpu', value: 'present', effect: 'no-schedule' },
      ],
    });
    const pool = find(manifests, 'MachinePool', 'demo-gpu');
    expect(pool.metadata.annotations).toEqual({
      'cluster.x-k8s.io/replicas-managed-by': 'external-autoscaler',
    });
    expect(pool.spec.template.spec.bootstrap).toEqual({ dataSecretName: '' });
  });

  it('makes the first AKS pool the System pool and puts the DNS service inside the service range', () => {
    const manifests = renderClusterManifests(
      fullRequest('aks', { network: { serviceCidrs: ['172.20.0.0/16'] } }),
    );
    expect(
      find(manifests, 'AzureManagedMachinePool', 'demo-system').spec.mode,
    ).toBe('System');
    expect(
      find(manifests, 'AzureManagedMachinePool', 'demo-gpu').spec.mode,
    ).toBe('User');
    expect(find(manifests, 'AzureManagedControlPlane').spec).toMatchObject({
      location: 'eastus',
      resourceGroupName: 'demo',
      version: 'v1.33.1',
      dnsServiceIP: '172.20.0.10',
    });
  });

  it('renders GKE with the project and region on the cluster and control plane', () => {
    const manifests = renderClusterManifests(fullRequest('gke'));
    expect(find(manifests, 'GCPManagedControlPlane').spec).toEqual({
      project: 'acme-platform',
      location: 'us-central1',
      version: 'v1.33.1',
    });
    expect(find(manifests, 'GCPManagedCluster').spec).toEqual({
      project: 'acme-platform',
      region: 'us-central1',
    });
  });

  it('never shares an object between two places, so YAML output has no anchors', () => {
    for (const provider of ['aws', 'vsphere', 'metal3'] as const) {
      const yaml = renderClusterManifests(fullRequest(provider))
        .map(m => stringify(m))
        .join('---\n');
      expect(yaml).not.toMatch(/[&*]a\d+/);
    }
  });

  it('renders the same manifests for the same request', () => {
    expect(renderClusterManifests(fullRequest('openstack'))).toEqual(
      renderClusterManifests(fullRequest('openstack')),
    );
  });

  it('throws an InputError naming every invalid field', () => {
    const bad = {
      ...minimal,
      provider: 'vsphere',
      nodePools: [{ name: 'Workers', replicas: -1 }],
    } as ClusterRequest;
    expect(() => renderClusterManifests(bad)).toThrow(InputError);
    expect(() => renderClusterManifests(bad)).toThrow(
      /nodePools\[0\]\.name: must be a DNS-1123 label.*nodePools\[0\]\.replicas: expected a number from 0 to 10000, got -1.*providerOptions\.server: is required for vsphere/,
    );
    expect(REQUIRED_OPTIONS.vsphere.server).toBeDefined();
  });
});
