import { toPolicyContext } from './policyContext';

describe('toPolicyContext', () => {
  it('fills every documented field the request leaves out: maps with {}, lists with [], the rest with null', () => {
    expect(
      toPolicyContext('create', {
        name: 'bare',
        provider: 'docker',
        nodePools: [{ name: 'workers' }],
      }),
    ).toEqual({
      action: 'create',
      operation: 'create',
      person: { ref: null, groups: [], platformAdmin: false },
      target: {},
      current: null,
      request: {
        name: 'bare',
        namespace: null,
        provider: 'docker',
        region: null,
        zone: null,
        kubernetesVersion: null,
        controlPlane: { provider: null, replicas: null, machineType: null },
        nodePools: [
          {
            name: 'workers',
            replicas: null,
            machineType: null,
            autoscaling: null,
            labels: {},
            taints: [],
          },
        ],
        network: {},
        labels: {},
        providerOptions: {},
      },
    });
  });

  it('turns whole numbers into CEL ints and keeps fractions as doubles, however deep', () => {
    const context = toPolicyContext(
      'scale',
      {
        name: 'c',
        provider: 'aws',
        controlPlane: { replicas: 3 },
        nodePools: [
          {
            name: 'a',
            replicas: 2,
            autoscaling: { minReplicas: 1, maxReplicas: 4 },
          },
        ],
        providerOptions: { rootVolume: { sizeGiB: 100, iopsPerGiB: 0.5 } },
      },
      { kubernetesVersion: 'v1.33.1', nodePools: [{ name: 'a', replicas: 5 }] },
    ) as any;
    expect(context.request.controlPlane.replicas).toBe(3n);
    expect(context.request.nodePools[0].replicas).toBe(2n);
    expect(context.request.nodePools[0].autoscaling).toEqual({
      minReplicas: 1n,
      maxReplicas: 4n,
    });
    expect(context.request.providerOptions).toEqual({
      rootVolume: { sizeGiB: 100n, iopsPerGiB: 0.5 },
    });
    expect(context.current).toEqual({
      kubernetesVersion: 'v1.33.1',
      nodePools: [
        {
          name: 'a',
          replicas: 5n,
          machineType: null,
          autoscaling: null,
          labels: {},
          taints: [],
        },
      ],
    });
  });

  it('keeps fields it does not know and drops undefined ones, as JSON would', () => {
    const context = toPolicyContext('create', {
      name: 'c',
      provider: 'aws',
      region: undefined,
      extra: 'kept',
    } as any) as any;
    expect(context.request.extra).toBe('kept');
    expect(context.request.region).toBeNull();
  });
});
