import { SharedValues } from './SharedValues';
import { slimObject } from './slimObject';

describe('SharedValues', () => {
  it('hands out one frozen copy of equal values, with their strings pooled', () => {
    const shared = new SharedValues();
    const a = shared.value({ app: 'api', tier: 'web' });
    const b = shared.value(JSON.parse('{"app":"api","tier":"web"}'));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as any).app = 'changed';
    }).toThrow(TypeError);
    expect(shared.value({ app: 'api', tier: 'db' })).not.toBe(a);
    expect(shared.value(undefined)).toBeUndefined();
  });

  it('starts afresh past its limit, keeping values already handed out intact', () => {
    const shared = new SharedValues(2);
    const first = shared.value(['a']);
    shared.value(['b']);
    shared.value(['c']);
    expect(shared.size).toBeLessThanOrEqual(2);
    expect(first).toEqual(['a']);
    expect(shared.value(['a'])).toEqual(['a']);
  });

  it('lets the pods of one template share their labels, containers and statuses', () => {
    const shared = new SharedValues();
    const pod = (name: string, restarts: number) =>
      JSON.parse(
        JSON.stringify({
          metadata: {
            name,
            uid: `uid-${name}`,
            labels: { app: 'api', 'pod-template-hash': 'abc' },
            ownerReferences: [
              { kind: 'ReplicaSet', name: 'api-abc', uid: 'rs' },
            ],
          },
          spec: {
            nodeName: 'node-1',
            containers: [{ name: 'app', image: 'api:1', resources: {} }],
          },
          status: {
            phase: 'Running',
            containerStatuses: [
              {
                name: 'app',
                ready: true,
                restartCount: restarts,
                image: 'api:1',
                state: { running: {} },
              },
            ],
          },
        }),
      );
    const [one, two, three] = [
      slimObject('Pod', pod('api-abc-1', 0), shared),
      slimObject('Pod', pod('api-abc-2', 0), shared),
      slimObject('Pod', pod('api-abc-3', 4), shared),
    ];
    expect(two.metadata.labels).toBe(one.metadata.labels);
    expect(two.metadata.ownerReferences).toBe(one.metadata.ownerReferences);
    expect(two.spec).not.toBe(one.spec);
    expect(two.spec!.containers).toBe(one.spec!.containers);
    expect(two.status!.containerStatuses).toBe(one.status!.containerStatuses);
    expect(three.status!.containerStatuses).not.toBe(
      one.status!.containerStatuses,
    );
    expect(three.status!.containerStatuses[0].restartCount).toBe(4);
    expect(two.metadata.name).toBe('api-abc-2');
  });
});
