import {
  DEFAULT_KUBERNETES_VERSION,
  buildClusterRequest,
} from './buildClusterRequest';

const required = {
  provider: 'aws',
  name: 'demo',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
};

describe('buildClusterRequest', () => {
  it('needs only the provider and name: one workers pool of 2, the rest left to the provider defaults', () => {
    expect(buildClusterRequest(required)).toEqual({
      request: {
        name: 'demo',
        provider: 'aws',
        kubernetesVersion: 'v1.33.1',
        nodePools: [{ name: 'workers', replicas: 2 }],
      },
      issues: [],
    });
  });

  it('maps every flag to its field of the request', () => {
    expect(
      buildClusterRequest({
        ...required,
        namespace: 'clusters',
        region: 'eu-west-1',
        zone: 'eu-west-1a',
        controlPlane: 'rke2',
        controlPlaneReplicas: '3',
        controlPlaneMachineType: 'm5.xlarge',
        nodePool: ['name=a,replicas=1', 'name=b'],
        podCidr: ['10.244.0.0/16', 'fd00:10:244::/56'],
        serviceCidr: ['10.96.0.0/12'],
        class: 'capi-classes/quick-start',
        variable: ['replicas=3', 'dns={domain: example.com}', 'name=web'],
        label: ['team=platform'],
        option: ['sshKeyName=ops'],
      }).request,
    ).toEqual({
      name: 'demo',
      provider: 'aws',
      namespace: 'clusters',
      region: 'eu-west-1',
      zone: 'eu-west-1a',
      kubernetesVersion: 'v1.33.1',
      controlPlane: { provider: 'rke2', replicas: 3, machineType: 'm5.xlarge' },
      nodePools: [
        { name: 'a', replicas: 1 },
        { name: 'b', replicas: 2 },
      ],
      network: {
        podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
        serviceCidrs: ['10.96.0.0/12'],
      },
      topology: {
        classRef: { namespace: 'capi-classes', name: 'quick-start' },
        variables: { replicas: 3, dns: { domain: 'example.com' }, name: 'web' },
      },
      labels: { team: 'platform' },
      providerOptions: { sshKeyName: 'ops' },
    });
  });

  it('reports key=value flags without a key and variables without a class', () => {
    expect(
      buildClusterRequest({ ...required, label: ['team'], variable: ['a=1'] })
        .issues,
    ).toEqual([
      {
        field: 'topology.variables',
        message:
          '--variable sets ClusterClass variables; give the class with --class',
      },
      { field: 'labels', message: 'expected --label key=value, got "team"' },
    ]);
  });
});
