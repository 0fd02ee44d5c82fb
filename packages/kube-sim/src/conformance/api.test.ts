import {
  deployment,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('the REST API through @kubernetes/client-node', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ cluster: { controllers: false } });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  describe('discovery', () => {
    it('answers /version, /api and /apis', async () => {
      const version = await t.config.makeApiClient(t.k8s.VersionApi).getCode();
      expect(version.gitVersion).toBe('v1.33.0-kube-sim');
      const core = await t.core.getAPIResources();
      expect(core.resources.map(r => r.name)).toEqual(
        expect.arrayContaining([
          'pods',
          'pods/log',
          'namespaces',
          'serviceaccounts/token',
        ]),
      );
      const groups = await t.config
        .makeApiClient(t.k8s.ApisApi)
        .getAPIVersions();
      expect(groups.groups.map(g => g.name)).toEqual(
        expect.arrayContaining([
          'apps',
          'batch',
          'autoscaling',
          'networking.k8s.io',
          'rbac.authorization.k8s.io',
          'policy',
          'metrics.k8s.io',
        ]),
      );
    });

    it('lists each group version resources with verbs and subresources', async () => {
      const apps = await t.apps.getAPIResources();
      const deployments = apps.resources.find(r => r.name === 'deployments')!;
      expect(deployments).toMatchObject({
        kind: 'Deployment',
        namespaced: true,
        shortNames: ['deploy'],
      });
      expect(deployments.verbs).toEqual(
        expect.arrayContaining([
          'create',
          'get',
          'list',
          'watch',
          'patch',
          'update',
          'delete',
        ]),
      );
      expect(apps.resources.map(r => r.name)).toEqual(
        expect.arrayContaining(['deployments/scale', 'deployments/status']),
      );
    });
  });

  describe('create, get, list, update, patch and delete', () => {
    const manifests: any[] = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: 'default' },
        data: { a: '1' },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        ...deployment('web', 'nginx:1.27'),
        metadata: { name: 'web', namespace: 'default' },
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'once', namespace: 'default' },
        spec: {
          template: {
            spec: {
              containers: [{ name: 'c', image: 'busybox' }],
              restartPolicy: 'Never',
            },
          },
        },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
          },
          minReplicas: 1,
          maxReplicas: 3,
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'web', namespace: 'default' },
        spec: { rules: [{ host: 'web.example.com' }] },
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'reader', namespace: 'default' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'cluster-reader' },
        rules: [],
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web', namespace: 'default' },
        spec: { minAvailable: 1 },
      },
    ];

    it.each(manifests.map(m => [`${m.apiVersion} ${m.kind}`, m]))(
      'round-trips a %s',
      async (_name, manifest) => {
        const created = await t.objects.create(manifest);
        expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
        expect(created.metadata?.uid).toBeTruthy();
        const read = await t.objects.read({
          apiVersion: manifest.apiVersion,
          kind: manifest.kind,
          metadata: manifest.metadata,
        });
        expect(read.metadata?.uid).toBe(created.metadata?.uid);
        const list = await t.objects.list(
          manifest.apiVersion,
          manifest.kind,
          manifest.metadata.namespace,
        );
        expect(list.items.map(i => i.metadata?.name)).toContain(
          manifest.metadata.name,
        );
        expect(list.metadata?.resourceVersion).toMatch(/^\d+$/);
        const replaced = await t.objects.replace({
          ...read,
          metadata: { ...read.metadata, labels: { touched: 'yes' } },
        } as any);
        expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(
          Number(read.metadata?.resourceVersion),
        );
        await t.objects.delete(replaced);
        expect((await statusOf(t.objects.read(replaced))).code).toBe(404);
      },
    );

    it('fills in apiVersion and kind from the URL, as the API server does', async () => {
      const created = await t.core.createNamespacedSecret({
        namespace: 'default',
        body: { metadata: { name: 'plain' }, stringData: { k: 'v' } },
      });
      expect(created).toMatchObject({ apiVersion: 'v1', kind: 'Secret' });
    });
  });

  describe('selectors', () => {
    beforeAll(async () => {
      for (const [name, labels] of [
        ['a', { tier: 'web', env: 'prod' }],
        ['b', { tier: 'web', env: 'dev' }],
        ['c', { tier: 'db', env: 'prod' }],
      ] as const) {
        await t.core.createNamespacedConfigMap({
          namespace: 'default',
          body: { metadata: { name: `sel-${name}`, labels } },
        });
      }
    });

    it.each([
      ['tier=web', ['sel-a', 'sel-b']],
      ['tier=web,env!=dev', ['sel-a']],
      ['env in (prod),tier notin (web)', ['sel-c']],
      ['tier', ['sel-a', 'sel-b', 'sel-c']],
      ['!tier', []],
    ])('selects labels with %s', async (labelSelector, names) => {
      const list = await t.core.listNamespacedConfigMap({
        namespace: 'default',
        labelSelector,
      });
      expect(
        list.items
          .map(i => i.metadata?.name)
          .filter(n => n?.startsWith('sel-')),
      ).toEqual(names);
    });

    it('selects fields', async () => {
      const list = await t.core.listNamespacedConfigMap({
        namespace: 'default',
        fieldSelector: 'metadata.name=sel-b',
      });
      expect(list.items.map(i => i.metadata?.name)).toEqual(['sel-b']);
    });

    it('refuses a malformed selector with a 400 Status', async () => {
      const status = await statusOf(
        t.core.listNamespacedConfigMap({
          namespace: 'default',
          labelSelector: 'tier in (web',
        }),
      );
      expect(status).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'BadRequest',
        code: 400,
      });
    });

    it('pages through a list with limit and continue', async () => {
      const first = await t.core.listNamespacedConfigMap({
        namespace: 'default',
        labelSelector: 'tier',
        limit: 2,
      });
      expect(first.items).toHaveLength(2);
      expect(first.metadata?.remainingItemCount).toBe(1);
      const rest = await t.core.listNamespacedConfigMap({
        namespace: 'default',
        labelSelector: 'tier',
        limit: 2,
        _continue: first.metadata?._continue,
      });
      expect(rest.items.map(i => i.metadata?.name)).toEqual(['sel-c']);
    });
    it('answers an expired continue token with 410 Gone', async () => {
      const expired = Buffer.from(
        JSON.stringify({ snapshot: '999999', offset: 2 }),
      ).toString('base64url');
      const status = await statusOf(
        t.core.listNamespacedConfigMap({
          namespace: 'default',
          limit: 2,
          _continue: expired,
        }),
      );
      expect(status).toMatchObject({
        kind: 'Status',
        reason: 'Expired',
        code: 410,
      });
    });
  });

  describe('resourceVersion and errors', () => {
    it('refuses an update from a stale resourceVersion with 409 Conflict', async () => {
      const created = await t.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'versioned' }, data: { v: '1' } },
      });
      await t.core.replaceNamespacedConfigMap({
        name: 'versioned',
        namespace: 'default',
        body: { ...created, data: { v: '2' } },
      });
      const status = await statusOf(
        t.core.replaceNamespacedConfigMap({
          name: 'versioned',
          namespace: 'default',
          body: { ...created, data: { v: '3' } },
        }),
      );
      expect(status).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Conflict',
        code: 409,
        details: { name: 'versioned', kind: 'configmaps' },
      });
      expect(status.message).toContain('the object has been modified');
    });

    it('answers 404 NotFound, 409 AlreadyExists and 422 Invalid as Status objects', async () => {
      expect(
        await statusOf(
          t.core.readNamespacedConfigMap({
            name: 'missing',
            namespace: 'default',
          }),
        ),
      ).toMatchObject({
        kind: 'Status',
        reason: 'NotFound',
        code: 404,
        message: 'configmaps "missing" not found',
        details: { name: 'missing', kind: 'configmaps' },
      });
      await t.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'twice' } },
      });
      expect(
        await statusOf(
          t.core.createNamespacedConfigMap({
            namespace: 'default',
            body: { metadata: { name: 'twice' } },
          }),
        ),
      ).toMatchObject({
        reason: 'AlreadyExists',
        code: 409,
      });
      const invalid = await statusOf(
        t.core.createNamespacedConfigMap({
          namespace: 'default',
          body: { metadata: { name: 'Not_Valid' } },
        }),
      );
      expect(invalid).toMatchObject({
        reason: 'Invalid',
        code: 422,
        details: {
          causes: [expect.objectContaining({ field: 'metadata.name' })],
        },
      });
    });

    it('refuses to create in a namespace that does not exist', async () => {
      expect(
        await statusOf(
          t.core.createNamespacedConfigMap({
            namespace: 'nowhere',
            body: { metadata: { name: 'x' } },
          }),
        ),
      ).toMatchObject({
        reason: 'NotFound',
        code: 404,
        message: 'namespaces "nowhere" not found',
      });
    });
  });

  describe('dry run', () => {
    it('validates and answers but persists nothing on create, update, patch and delete', async () => {
      const dry = await t.core.createNamespacedConfigMap({
        namespace: 'default',
        dryRun: 'All',
        body: { metadata: { name: 'dry' } },
      });
      expect(dry.metadata?.name).toBe('dry');
      expect(
        (
          await statusOf(
            t.core.readNamespacedConfigMap({
              name: 'dry',
              namespace: 'default',
            }),
          )
        ).code,
      ).toBe(404);

      const real = await t.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'kept' }, data: { v: '1' } },
      });
      await t.core.replaceNamespacedConfigMap({
        name: 'kept',
        namespace: 'default',
        dryRun: 'All',
        body: { ...real, data: { v: '2' } },
      });
      await t.core.patchNamespacedConfigMap(
        {
          name: 'kept',
          namespace: 'default',
          dryRun: 'All',
          body: { data: { v: '3' } },
        },
        t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
      );
      await t.core.deleteNamespacedConfigMap({
        name: 'kept',
        namespace: 'default',
        dryRun: 'All',
      });
      const after = await t.core.readNamespacedConfigMap({
        name: 'kept',
        namespace: 'default',
      });
      expect(after.data).toEqual({ v: '1' });
      expect(after.metadata?.resourceVersion).toBe(
        real.metadata?.resourceVersion,
      );
    });
  });

  describe('patches', () => {
    beforeAll(async () => {
      await t.apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          ...deployment('patched', 'nginx:1.27'),
          spec: {
            ...deployment('patched', 'nginx:1.27').spec!,
            template: {
              metadata: { labels: { app: 'patched' } },
              spec: {
                containers: [
                  { name: 'main', image: 'nginx:1.27' },
                  { name: 'sidecar', image: 'envoy:1' },
                ],
              },
            },
          },
        },
      });
    });

    it('applies a JSON merge patch', async () => {
      const patched = await t.objects.patch(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: 'patched',
            namespace: 'default',
            labels: { team: 'a' },
          },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        t.k8s.PatchStrategy.MergePatch,
      );
      expect(patched.metadata?.labels).toEqual({ app: 'patched', team: 'a' });
    });

    it('applies a strategic merge patch that changes one container by name', async () => {
      const patched: any = await t.objects.patch(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'patched', namespace: 'default' },
          spec: {
            template: {
              spec: { containers: [{ name: 'sidecar', image: 'envoy:2' }] },
            },
          },
        } as any,
        undefined,
        undefined,
        undefined,
        undefined,
        t.k8s.PatchStrategy.StrategicMergePatch,
      );
      expect(
        patched.spec.template.spec.containers.map(
          (c: any) => `${c.name}=${c.image}`,
        ),
      ).toEqual(['main=nginx:1.27', 'sidecar=envoy:2']);
    });

    it('applies a JSON patch and refuses one whose test fails', async () => {
      const body = [{ op: 'replace', path: '/spec/replicas', value: 5 }];
      const patched = await t.apps.patchNamespacedDeployment(
        { name: 'patched', namespace: 'default', body },
        t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.JsonPatch),
      );
      expect(patched.spec?.replicas).toBe(5);
      const failed = await statusOf(
        t.apps.patchNamespacedDeployment(
          {
            name: 'patched',
            namespace: 'default',
            body: [{ op: 'test', path: '/spec/replicas', value: 1 }],
          },
          t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.JsonPatch),
        ),
      );
      expect(failed).toMatchObject({ reason: 'BadRequest', code: 400 });
    });
  });

  describe('server-side apply', () => {
    const applied = (replicas: number, extra: Record<string, unknown> = {}) =>
      ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'applied', namespace: 'default' },
        spec: {
          replicas,
          selector: { matchLabels: { app: 'applied' } },
          template: {
            metadata: { labels: { app: 'applied' } },
            spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
          },
          ...extra,
        },
      } as any);

    const apply = (object: any, manager: string, force = false) =>
      t.objects.patch(
        object,
        undefined,
        undefined,
        manager,
        force,
        t.k8s.PatchStrategy.ServerSideApply,
      );

    it('creates the object and records the manager in managedFields', async () => {
      const created = await apply(applied(2), 'cocktail');
      expect(created.spec.replicas).toBe(2);
      const entry = created.metadata.managedFields.find(
        (f: any) => f.manager === 'cocktail',
      );
      expect(entry).toMatchObject({
        operation: 'Apply',
        apiVersion: 'apps/v1',
        fieldsType: 'FieldsV1',
      });
      expect(entry.fieldsV1['f:spec']['f:replicas']).toEqual({});
    });

    it('reports a conflict with another manager as 409 naming the manager and field', async () => {
      const status = await statusOf(apply(applied(5), 'kubectl'));
      expect(status).toMatchObject({
        kind: 'Status',
        reason: 'Conflict',
        code: 409,
      });
      expect(status.details.causes).toEqual([
        expect.objectContaining({
          reason: 'FieldManagerConflict',
          message: 'conflict with "cocktail"',
          field: '.spec.replicas',
        }),
      ]);
    });

    it('takes the field over with force', async () => {
      const forced = await apply(applied(5), 'kubectl', true);
      expect(forced.spec.replicas).toBe(5);
      const cocktail = forced.metadata.managedFields.find(
        (f: any) => f.manager === 'cocktail',
      );
      expect(cocktail.fieldsV1['f:spec']['f:replicas']).toBeUndefined();
    });

    it('requires a fieldManager', async () => {
      const status = await statusOf(
        t.objects.patch(
          applied(1),
          undefined,
          undefined,
          undefined,
          undefined,
          t.k8s.PatchStrategy.ServerSideApply,
        ),
      );
      expect(status).toMatchObject({ reason: 'BadRequest', code: 400 });
    });

    it('persists nothing on a dry-run apply', async () => {
      await t.objects.patch(
        applied(9),
        undefined,
        'All',
        'kubectl',
        true,
        t.k8s.PatchStrategy.ServerSideApply,
      );
      const read: any = await t.objects.read({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'applied', namespace: 'default' },
      });
      expect(read.spec.replicas).toBe(5);
    });
  });
});
