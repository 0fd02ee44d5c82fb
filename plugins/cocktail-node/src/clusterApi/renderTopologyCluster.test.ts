import { find } from './__testUtils__/find';
import { fullRequest } from './__testUtils__/requests';
import { renderClusterManifests } from './renderClusterManifests';

const topology = {
  classRef: { name: 'quick-start', namespace: 'capi-classes' },
  variables: { imageRepository: 'registry.k8s.io', etcd: { quota: 8 } },
};

describe('ClusterClass mode', () => {
  it('renders only a Cluster whose topology names the class, version, control plane and variables', () => {
    const manifests = renderClusterManifests(
      fullRequest('vsphere', { topology }),
    );
    expect(manifests).toHaveLength(1);
    const { topology: rendered } = find(manifests, 'Cluster').spec;
    expect(rendered).toMatchObject({
      classRef: { name: 'quick-start', namespace: 'capi-classes' },
      version: 'v1.33.1',
      controlPlane: { replicas: 3 },
      variables: [
        { name: 'imageRepository', value: 'registry.k8s.io' },
        { name: 'etcd', value: { quota: 8 } },
      ],
    });
  });

  it('uses the default-worker class unless a pool names its own', () => {
    const request = fullRequest('aws', { topology });
    request.nodePools[1] = { ...request.nodePools[1], class: 'gpu-worker' };
    const workers = find(renderClusterManifests(request), 'Cluster').spec
      .topology.workers.machineDeployments;
    expect(workers.map((w: any) => `${w.name}:${w.class}`)).toEqual([
      'system:default-worker',
      'gpu:gpu-worker',
    ]);
  });

  it('leaves the replicas of autoscaled pools to the autoscaler and gives it the bounds', () => {
    const [system, gpu] = find(
      renderClusterManifests(fullRequest('aws', { topology })),
      'Cluster',
    ).spec.topology.workers.machineDeployments;
    expect(system.replicas).toBe(2);
    expect(gpu.replicas).toBeUndefined();
    expect(gpu.metadata.annotations).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '0',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '4',
    });
    expect(gpu.taints).toEqual([
      {
        key: 'nvidia.com/gpu',
        value: 'present',
        effect: 'NoSchedule',
        propagation: 'Always',
      },
    ]);
  });

  it('grows MachinePools and sets no control-plane replicas for managed services', () => {
    const { topology: rendered } = find(
      renderClusterManifests(fullRequest('eks', { topology })),
      'Cluster',
    ).spec;
    expect(rendered.controlPlane).toBeUndefined();
    expect(rendered.workers.machinePools.map((p: any) => p.name)).toEqual([
      'system',
      'gpu',
    ]);
    expect(rendered.workers.machinePools[0].failureDomains).toEqual(['zone-a']);
  });

  it('writes class and classNamespace for a v1beta1 Cluster', () => {
    const { topology: rendered } = find(
      renderClusterManifests(fullRequest('aws', { topology }), {
        'cluster.x-k8s.io/Cluster': 'cluster.x-k8s.io/v1beta1',
      }),
      'Cluster',
    ).spec;
    expect(rendered.class).toBe('quick-start');
    expect(rendered.classNamespace).toBe('capi-classes');
    expect(rendered.classRef).toBeUndefined();
  });

  it('needs no provider options, since the class supplies the infrastructure', () => {
    expect(() =>
      renderClusterManifests(
        fullRequest('vsphere', { topology, providerOptions: {} }),
      ),
    ).not.toThrow();
  });
});
