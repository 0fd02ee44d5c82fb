import {
  deployment,
  eventually,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('cordon, eviction and PodDisruptionBudgets', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  const podsOf = async (app: string) =>
    (
      await t.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: `app=${app}`,
      })
    ).items;

  const readyPods = async (app: string, count: number) =>
    eventually(async () => {
      const pods = await podsOf(app);
      const ready = pods.filter(p =>
        p.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      );
      return ready.length === count && pods.length === count ? pods : undefined;
    }, `${count} ready ${app} pods`);

  const evict = (name: string) =>
    t.core.createNamespacedPodEviction({
      name,
      namespace: 'default',
      body: {
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name, namespace: 'default' },
      },
    });

  const setUnschedulable = (name: string, unschedulable: boolean) =>
    t.core.patchNode(
      { name, body: { spec: { unschedulable } } },
      t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
    );

  it('lists pods/eviction in discovery as a policy/v1 Eviction that can be created', async () => {
    const resources = await t.core.getAPIResources();
    expect(
      resources.resources.find(r => r.name === 'pods/eviction'),
    ).toMatchObject({
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
      verbs: ['create'],
    });
  });

  it('evicts a pod while its budget allows, and refuses with 429 once it would go below the minimum', async () => {
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('guarded', 'nginx:1.27', 2),
    });
    await t.objects.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'guarded', namespace: 'default' },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } },
    } as any);
    const [first, second] = await readyPods('guarded', 2);
    const budget = await eventually(async () => {
      const pdb = await t.objects.read<any>({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'guarded', namespace: 'default' },
      });
      return pdb.status?.currentHealthy === 2 ? pdb : undefined;
    }, 'the budget to count 2 healthy pods');
    expect(budget.status).toMatchObject({
      expectedPods: 2,
      desiredHealthy: 1,
      disruptionsAllowed: 1,
    });

    await evict(first.metadata!.name!);
    const refused = await statusOf(evict(second.metadata!.name!));

    expect(refused).toMatchObject({
      httpCode: 429,
      reason: 'TooManyRequests',
      message:
        "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {
        causes: [
          {
            reason: 'DisruptionBudget',
            message:
              'The disruption budget guarded needs 1 healthy pods and has 1 currently',
          },
        ],
      },
    });
    const names = (await podsOf('guarded')).map(p => p.metadata!.name);
    expect(names).not.toContain(first.metadata!.name);
    expect(names).toContain(second.metadata!.name);
  });

  it('refuses a body that is not an Eviction', async () => {
    const [pod] = await readyPods('guarded', 2);
    const refused = await statusOf(
      t.core.createNamespacedPodEviction({
        name: pod.metadata!.name!,
        namespace: 'default',
        body: { apiVersion: 'v1', kind: 'Pod' } as any,
      }),
    );
    expect(refused).toMatchObject({ httpCode: 400 });
    expect(refused.message).toContain('must be a policy/v1 Eviction');
  });

  it('keeps new pods off a cordoned node, and schedules the waiting ones once every node is uncordoned', async () => {
    const nodes = (await t.core.listNode()).items.map(n => n.metadata!.name!);
    await setUnschedulable(nodes[0], true);
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('spread', 'nginx:1.27', 4),
    });
    const pods = await readyPods('spread', 4);
    expect(pods.map(p => p.spec?.nodeName)).not.toContain(nodes[0]);

    for (const node of nodes) {
      await setUnschedulable(node, true);
    }
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('waiting', 'nginx:1.27', 1),
    });
    const waiting = await eventually(async () => {
      const [pod] = await podsOf('waiting');
      return pod;
    }, 'the waiting pod');
    await new Promise(resolve => setTimeout(resolve, 200));
    const stillWaiting = await t.core.readNamespacedPod({
      name: waiting.metadata!.name!,
      namespace: 'default',
    });
    expect(stillWaiting.spec?.nodeName).toBeUndefined();

    await setUnschedulable(nodes[1], false);
    const bound = await readyPods('waiting', 1);
    expect(bound[0].spec?.nodeName).toBe(nodes[1]);
  });
});
