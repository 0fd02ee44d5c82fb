import { InputError } from '@backstage/errors';
import { find } from './__testUtils__/find';
import { fullRequest } from './__testUtils__/requests';
import { renderClusterManifests } from './renderClusterManifests';
import { renderNodePool } from './renderNodePool';
import { NodePoolRequest } from './types';

const extra: NodePoolRequest = {
  name: 'batch',
  replicas: 3,
  machineType: 'm5.2xlarge',
  autoscaling: { minReplicas: 1, maxReplicas: 10 },
  taints: [{ key: 'workload', value: 'batch', effect: 'NoExecute' }],
};

describe('renderNodePool', () => {
  it('renders a MachineDeployment with its machine and bootstrap templates for a new pool', () => {
    const manifests = renderNodePool(fullRequest('aws'), extra);
    expect(
      manifests.map(
        m => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`,
      ),
    ).toEqual([
      'MachineDeployment clusters/demo-batch',
      'AWSMachineTemplate clusters/demo-batch',
      'KubeadmConfigTemplate clusters/demo-batch',
    ]);
    expect(find(manifests, 'MachineDeployment').spec.replicas).toBe(3);
    expect(
      find(manifests, 'AWSMachineTemplate').spec.template.spec.instanceType,
    ).toBe('m5.2xlarge');
  });

  it('renders the same objects for a pool as the whole cluster does', () => {
    const request = fullRequest('azure', {
      controlPlane: { provider: 'rke2', replicas: 3 },
    });
    const cluster = renderClusterManifests(request);
    const pool = renderNodePool(request, request.nodePools[1]);
    expect(pool).toEqual(cluster.filter(m => m.metadata.name === 'demo-gpu'));
  });

  it('renders a MachinePool with the service pool on managed services', () => {
    expect(
      renderNodePool(fullRequest('gke'), extra).map(
        m => `${m.apiVersion} ${m.kind}`,
      ),
    ).toEqual([
      'cluster.x-k8s.io/v1beta2 MachinePool',
      'infrastructure.cluster.x-k8s.io/v1beta1 GCPManagedMachinePool',
    ]);
  });

  it('keeps the first AKS pool the System pool when rendered again, and adds User pools', () => {
    const request = fullRequest('aks');
    expect(
      find(
        renderNodePool(request, request.nodePools[0]),
        'AzureManagedMachinePool',
      ).spec.mode,
    ).toBe('System');
    expect(
      find(
        renderNodePool(request, { ...extra, machineType: undefined }),
        'AzureManagedMachinePool',
      ).spec.mode,
    ).toBe('User');
  });

  it("names the pool's invalid fields pool.…", () => {
    expect(() =>
      renderNodePool(fullRequest('aws'), { ...extra, replicas: 20 }),
    ).toThrow(
      new InputError(
        'Invalid node pool: pool.replicas: expected a number from autoscaling.minReplicas 1 to maxReplicas 10, got 20',
      ),
    );
  });

  it('writes the versions it is given', () => {
    const manifests = renderNodePool(fullRequest('aws'), extra, {
      'cluster.x-k8s.io/MachineDeployment': 'cluster.x-k8s.io/v1beta1',
    });
    expect(find(manifests, 'MachineDeployment').apiVersion).toBe(
      'cluster.x-k8s.io/v1beta1',
    );
    expect(
      find(manifests, 'MachineDeployment').spec.template.spec.infrastructureRef,
    ).toEqual({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSMachineTemplate',
      name: 'demo-batch',
    });
  });
});
