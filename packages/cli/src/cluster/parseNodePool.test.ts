import { Issue } from './Issue';
import { parseNodePool } from './parseNodePool';

function parse(spec: string, index = 0) {
  const issues: Issue[] = [];
  return { pool: parseNodePool(spec, index, issues), issues };
}

describe('parseNodePool', () => {
  it('reads every key of a --node-pool value', () => {
    expect(
      parse(
        'name=gpu,replicas=3,machineType=m5.large,min=2,max=6,labels=a=b;acme.io/c=d,taints=nvidia.com/gpu=present:NoSchedule;spot:PreferNoSchedule,class=gpu-worker',
      ),
    ).toEqual({
      pool: {
        name: 'gpu',
        machineType: 'm5.large',
        autoscaling: { minReplicas: 2, maxReplicas: 6 },
        replicas: 3,
        labels: { a: 'b', 'acme.io/c': 'd' },
        taints: [
          { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
          { key: 'spot', effect: 'PreferNoSchedule' },
        ],
        class: 'gpu-worker',
      },
      issues: [],
    });
  });

  it('names the first pool workers, later ones pool-<n>, with 2 replicas kept within min and max', () => {
    expect(parse('').pool).toEqual({ name: 'workers', replicas: 2 });
    expect(parse('min=3,max=5', 1).pool).toEqual({
      name: 'pool-2',
      autoscaling: { minReplicas: 3, maxReplicas: 5 },
      replicas: 3,
    });
  });

  it('leaves values that are not numbers for validation to report', () => {
    expect(parse('name=w,replicas=three').pool.replicas).toBe('three');
  });

  it('reports unknown keys, a lone min or max and taints without an effect', () => {
    expect(parse('name=w,size=3,min=1,taints=gpu', 2).issues).toEqual([
      {
        field: 'nodePools[2]',
        message:
          'expected --node-pool key=value pairs with keys name, replicas, machineType, min, max, labels, taints, class, got "size=3"',
      },
      {
        field: 'nodePools[2].autoscaling',
        message: 'expected both min and max in --node-pool for autoscaling',
      },
      {
        field: 'nodePools[2].taints',
        message: 'expected key=value:Effect or key:Effect, got "gpu"',
      },
    ]);
  });
});
