import {
  deployment,
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('controllers: the simulated cluster behaves like one', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  const ready = (name: string, replicas: number) =>
    eventually(async () => {
      const d = await t.apps.readNamespacedDeployment({
        name,
        namespace: 'default',
      });
      return d.status?.readyReplicas === replicas &&
        d.status?.updatedReplicas === replicas &&
        d.status?.replicas === replicas
        ? d
        : undefined;
    }, `${name} to have ${replicas} ready replicas`);

  /** Counts pods of an app at every change the store makes, to check rollout bounds exactly. */
  function trackPods(app: string) {
    const cluster = t.sim.cluster('test');
    const pods = cluster.registry.find('', 'v1', 'pods')!;
    const samples: Array<{ total: number; ready: number }> = [];
    const unsubscribe = cluster.store.subscribe(() => {
      const mine = cluster.store
        .list(pods, 'default')
        .filter(p => p.metadata.labels?.app === app);
      samples.push({
        total: mine.length,
        ready: mine.filter(p =>
          p.status?.conditions?.some(
            (c: any) => c.type === 'Ready' && c.status === 'True',
          ),
        ).length,
      });
    });
    return { samples, unsubscribe };
  }

  it('rolls a Deployment from one image to another within maxSurge and maxUnavailable', async () => {
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('roll', 'nginx:1.26', 4, {
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 1, maxUnavailable: 1 },
        },
      }),
    });
    await ready('roll', 4);
    const tracked = trackPods('roll');
    await t.apps.patchNamespacedDeployment(
      {
        name: 'roll',
        namespace: 'default',
        body: {
          spec: {
            template: {
              spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
            },
          },
        },
      },
      t.k8s.setHeaderOptions(
        'Content-Type',
        t.k8s.PatchStrategy.StrategicMergePatch,
      ),
    );
    const rolled = await ready('roll', 4);
    tracked.unsubscribe();
    expect(Math.max(...tracked.samples.map(s => s.total))).toBeLessThanOrEqual(
      5,
    );
    expect(
      Math.min(...tracked.samples.map(s => s.ready)),
    ).toBeGreaterThanOrEqual(3);
    expect(
      rolled.status?.conditions?.find(c => c.type === 'Progressing')?.reason,
    ).toBe('NewReplicaSetAvailable');

    const sets = await t.apps.listNamespacedReplicaSet({
      namespace: 'default',
      labelSelector: 'app=roll',
    });
    const byRevision = sets.items.sort(
      (a, b) =>
        Number(a.metadata!.annotations!['deployment.kubernetes.io/revision']) -
        Number(b.metadata!.annotations!['deployment.kubernetes.io/revision']),
    );
    expect(
      byRevision.map(rs => [
        rs.spec?.template?.spec?.containers[0].image,
        rs.spec?.replicas,
      ]),
    ).toEqual([
      ['nginx:1.26', 0],
      ['nginx:1.27', 4],
    ]);
    const pods = await t.core.listNamespacedPod({
      namespace: 'default',
      labelSelector: 'app=roll',
    });
    expect(pods.items).toHaveLength(4);
    for (const pod of pods.items) {
      expect(pod.spec?.containers[0].image).toBe('nginx:1.27');
      expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: byRevision[1].metadata!.name,
        controller: true,
      });
      expect(pod.status?.containerStatuses?.[0].imageID).toMatch(
        /^nginx@sha256:[0-9a-f]{64}$/,
      );
    }
  });

  it('rolls back to a previous revision by reusing its ReplicaSet', async () => {
    await t.apps.patchNamespacedDeployment(
      {
        name: 'roll',
        namespace: 'default',
        body: {
          spec: {
            template: {
              spec: { containers: [{ name: 'main', image: 'nginx:1.26' }] },
            },
          },
        },
      },
      t.k8s.setHeaderOptions(
        'Content-Type',
        t.k8s.PatchStrategy.StrategicMergePatch,
      ),
    );
    await ready('roll', 4);
    const sets = await t.apps.listNamespacedReplicaSet({
      namespace: 'default',
      labelSelector: 'app=roll',
    });
    expect(sets.items).toHaveLength(2);
    const old = sets.items.find(
      rs => rs.spec?.template?.spec?.containers[0].image === 'nginx:1.26',
    )!;
    expect(
      old.metadata?.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
    expect(old.spec?.replicas).toBe(4);
  });

  it('replaces all pods at once with the Recreate strategy', async () => {
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('recreate', 'redis:7.0', 2, {
        strategy: { type: 'Recreate' },
      }),
    });
    await ready('recreate', 2);
    const tracked = trackPods('recreate');
    await t.apps.patchNamespacedDeployment(
      {
        name: 'recreate',
        namespace: 'default',
        body: {
          spec: {
            template: {
              spec: { containers: [{ name: 'main', image: 'redis:7.2' }] },
            },
          },
        },
      },
      t.k8s.setHeaderOptions(
        'Content-Type',
        t.k8s.PatchStrategy.StrategicMergePatch,
      ),
    );
    await ready('recreate', 2);
    tracked.unsubscribe();
    expect(tracked.samples.some(s => s.total === 0)).toBe(true);
  });

  it('runs StatefulSet pods in order with a claim each, bound to a volume', async () => {
    await t.apps.createNamespacedStatefulSet({
      namespace: 'default',
      body: {
        metadata: { name: 'db' },
        spec: {
          replicas: 3,
          serviceName: 'db',
          selector: { matchLabels: { app: 'db' } },
          template: {
            metadata: { labels: { app: 'db' } },
            spec: { containers: [{ name: 'pg', image: 'postgres:16' }] },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '1Gi' } },
              },
            },
          ],
        },
      },
    });
    const created: string[] = [];
    const cluster = t.sim.cluster('test');
    const unsubscribe = cluster.store.subscribe(e => {
      if (
        e.type === 'ADDED' &&
        e.object.kind === 'Pod' &&
        e.object.metadata.labels?.app === 'db'
      ) {
        created.push(e.object.metadata.name!);
      }
    });
    await eventually(
      async () =>
        (
          await t.apps.readNamespacedStatefulSet({
            name: 'db',
            namespace: 'default',
          })
        ).status?.readyReplicas === 3,
      'db ready',
    );
    unsubscribe();
    expect(created).toEqual(['db-1', 'db-2']);
    const claims = await t.core.listNamespacedPersistentVolumeClaim({
      namespace: 'default',
    });
    const dbClaims = claims.items.filter(c =>
      c.metadata?.name?.startsWith('data-db-'),
    );
    expect(dbClaims.map(c => c.metadata?.name).sort()).toEqual([
      'data-db-0',
      'data-db-1',
      'data-db-2',
    ]);
    await eventually(
      async () =>
        (
          await t.core.readNamespacedPersistentVolumeClaim({
            name: 'data-db-2',
            namespace: 'default',
          })
        ).status?.phase === 'Bound',
      'the claim bound',
    );
  });

  it('runs one DaemonSet pod per node', async () => {
    await t.apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: {
        metadata: { name: 'agent' },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            metadata: { labels: { app: 'agent' } },
            spec: { containers: [{ name: 'a', image: 'fluent-bit:3' }] },
          },
        },
      },
    });
    await eventually(
      async () =>
        (
          await t.apps.readNamespacedDaemonSet({
            name: 'agent',
            namespace: 'default',
          })
        ).status?.numberReady === 3,
      'agents ready',
    );
    const pods = await t.core.listNamespacedPod({
      namespace: 'default',
      labelSelector: 'app=agent',
    });
    expect(pods.items.map(p => p.spec?.nodeName).sort()).toEqual([
      'test-node-1',
      'test-node-2',
      'test-node-3',
    ]);
  });

  it('runs a Job to completion', async () => {
    const batch = t.config.makeApiClient(t.k8s.BatchV1Api);
    await batch.createNamespacedJob({
      namespace: 'default',
      body: {
        metadata: { name: 'once' },
        spec: {
          completions: 2,
          parallelism: 1,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'c', image: 'busybox' }],
            },
          },
        },
      },
    });
    const job = await eventually(async () => {
      const j = await batch.readNamespacedJob({
        name: 'once',
        namespace: 'default',
      });
      return j.status?.conditions?.some(c => c.type === 'Complete')
        ? j
        : undefined;
    }, 'the job to complete');
    expect(job.status?.succeeded).toBe(2);
  });

  it('starts a CronJob run as a Job that completes', async () => {
    const batch = t.config.makeApiClient(t.k8s.BatchV1Api);
    await batch.createNamespacedCronJob({
      namespace: 'default',
      body: {
        metadata: { name: 'nightly' },
        spec: {
          schedule: '0 2 * * *',
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  restartPolicy: 'OnFailure',
                  containers: [{ name: 'c', image: 'busybox' }],
                },
              },
            },
          },
        },
      },
    });
    const job = t.sim
      .cluster('test')
      .controllers!.triggerCronJob('default', 'nightly');
    await eventually(
      async () =>
        (
          await batch.readNamespacedJob({
            name: job.metadata.name!,
            namespace: 'default',
          })
        ).status?.succeeded === 1,
      'the run to finish',
    );
    expect(
      (
        await batch.readNamespacedCronJob({
          name: 'nightly',
          namespace: 'default',
        })
      ).status?.lastScheduleTime,
    ).toBeDefined();
  });

  it('scales a Deployment with an HPA when the simulated load rises', async () => {
    const autoscaling = t.config.makeApiClient(t.k8s.AutoscalingV2Api);
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        ...deployment('busy', 'nginx:1.27', 2),
        spec: {
          ...deployment('busy', 'nginx:1.27', 2).spec!,
          template: {
            metadata: { labels: { app: 'busy' } },
            spec: {
              containers: [
                {
                  name: 'main',
                  image: 'nginx:1.27',
                  resources: { requests: { cpu: '100m' } },
                },
              ],
            },
          },
        },
      },
    });
    await ready('busy', 2);
    await autoscaling.createNamespacedHorizontalPodAutoscaler({
      namespace: 'default',
      body: {
        metadata: { name: 'busy' },
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'busy',
          },
          minReplicas: 2,
          maxReplicas: 6,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: 50 },
              },
            },
          ],
        },
      },
    });
    t.sim.cluster('test').load.factor = 4;
    const scaled = await eventually(async () => {
      const d = await t.apps.readNamespacedDeployment({
        name: 'busy',
        namespace: 'default',
      });
      return (d.spec?.replicas ?? 0) > 2 ? d : undefined;
    }, 'the HPA to scale up');
    t.sim.cluster('test').load.factor = 1;
    expect(scaled.spec?.replicas).toBeLessThanOrEqual(6);
    const hpa = await autoscaling.readNamespacedHorizontalPodAutoscaler({
      name: 'busy',
      namespace: 'default',
    });
    expect(hpa.status?.desiredReplicas).toBeGreaterThan(2);
  });

  it('records Events for what happens', async () => {
    const events = await t.core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'involvedObject.name=roll',
    });
    expect(events.items.map(e => e.reason)).toEqual(
      expect.arrayContaining(['ScalingReplicaSet']),
    );
    const podEvents = await t.core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'involvedObject.kind=Pod,reason=Scheduled',
    });
    expect(podEvents.items.length).toBeGreaterThan(0);
    expect(podEvents.items[0].message).toMatch(
      /^Successfully assigned default\/.+ to test-node-\d$/,
    );
  });
});
