import {
  deployment,
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

const VELERO = 'velero.io/v1';

describe('Velero: backups, schedules and restores', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
    await t.core.createNamespace({ body: { metadata: { name: 'shop' } } });
    await t.apps.createNamespacedDeployment({
      namespace: 'shop',
      body: {
        ...deployment('cart', 'nginx:1.27', 2),
        metadata: { name: 'cart', namespace: 'shop', labels: { app: 'cart' } },
      },
    });
    await t.core.createNamespacedConfigMap({
      namespace: 'shop',
      body: { metadata: { name: 'cart-settings' }, data: { currency: 'EUR' } },
    });
    await t.core.createNamespacedService({
      namespace: 'shop',
      body: {
        metadata: { name: 'cart' },
        spec: { selector: { app: 'cart' }, ports: [{ port: 80 }] },
      },
    });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  const read = (kind: string, name: string) =>
    t.objects.read<any>({
      apiVersion: VELERO,
      kind,
      metadata: { name, namespace: 'velero' },
    });

  const finished = (kind: string, name: string) =>
    eventually(async () => {
      const object = await read(kind, name);
      return ['Completed', 'PartiallyFailed', 'FailedValidation'].includes(
        object.status?.phase,
      )
        ? object
        : undefined;
    }, `${kind} ${name} to finish`);

  const create = (kind: string, name: string, spec: object) =>
    t.objects.create({
      apiVersion: VELERO,
      kind,
      metadata: { name, namespace: 'velero' },
      spec,
    } as any);

  it('backs up a namespace: InProgress, then Completed with its items counted and an expiry', async () => {
    const phases: string[] = [];
    const watch = await new t.k8s.Watch(t.config).watch(
      '/apis/velero.io/v1/namespaces/velero/backups',
      {},
      (_type, object) => {
        const phase = object.status?.phase;
        if (phase && phases[phases.length - 1] !== phase) {
          phases.push(phase);
        }
      },
      () => {},
    );
    await create('Backup', 'shop-1', {
      includedNamespaces: ['shop'],
      ttl: '24h0m0s',
    });
    const backup = await finished('Backup', 'shop-1');
    watch.abort();

    expect(phases).toEqual(['InProgress', 'Completed']);
    // the namespace, the Deployment, the ConfigMap, the Service, and the default ServiceAccount
    // and root CA ConfigMap every namespace has; not the pods or the ReplicaSet
    expect(backup.status.progress.totalItems).toBeGreaterThanOrEqual(4);
    expect(backup.status).toMatchObject({
      errors: 0,
      warnings: 0,
      progress: { itemsBackedUp: backup.status.progress.totalItems },
    });
    const ttlMs =
      Date.parse(backup.status.expiration) -
      Date.parse(backup.status.startTimestamp);
    expect(ttlMs).toBe(24 * 3_600_000);
  });

  it('comes installed: the velero namespace and an available default storage location', async () => {
    const location = await t.objects.read<any>({
      apiVersion: VELERO,
      kind: 'BackupStorageLocation',
      metadata: { name: 'default', namespace: 'velero' },
    });
    expect(location.status.phase).toBe('Available');
  });

  it('refuses a backup to a storage location that does not exist', async () => {
    await create('Backup', 'nowhere', {
      includedNamespaces: ['shop'],
      storageLocation: 'missing',
    });
    const backup = await finished('Backup', 'nowhere');
    expect(backup.status.phase).toBe('FailedValidation');
    expect(backup.status.validationErrors[0]).toContain('missing');
  });

  it('restores a deleted Deployment, which runs its pods again, and leaves what still exists', async () => {
    await t.apps.deleteNamespacedDeployment({
      name: 'cart',
      namespace: 'shop',
    });
    await create('Restore', 'shop-1-restore', { backupName: 'shop-1' });
    const restore = await finished('Restore', 'shop-1-restore');

    expect(restore.status.phase).toBe('Completed');
    expect(restore.status.warnings).toBeGreaterThan(0); // the namespace and the ConfigMap were still there
    const cart = await t.apps.readNamespacedDeployment({
      name: 'cart',
      namespace: 'shop',
    });
    expect(cart.metadata?.labels).toMatchObject({
      'velero.io/backup-name': 'shop-1',
      'velero.io/restore-name': 'shop-1-restore',
    });
    await eventually(async () => {
      const pods = await t.core.listNamespacedPod({
        namespace: 'shop',
        labelSelector: 'app=cart',
      });
      return pods.items.filter(p => p.status?.phase === 'Running').length === 2;
    }, 'the restored Deployment to run 2 pods');
  });

  it('restores into a new namespace through namespaceMapping', async () => {
    await create('Restore', 'shop-copy', {
      backupName: 'shop-1',
      namespaceMapping: { shop: 'shop-copy' },
    });
    const restore = await finished('Restore', 'shop-copy');
    expect(restore.status.phase).toBe('Completed');
    const settings = await t.core.readNamespacedConfigMap({
      name: 'cart-settings',
      namespace: 'shop-copy',
    });
    expect(settings.data).toEqual({ currency: 'EUR' });
    const copy = await t.core.readNamespace({ name: 'shop-copy' });
    expect(copy.metadata?.labels?.['kubernetes.io/metadata.name']).toBe(
      'shop-copy',
    );
    await t.apps.readNamespacedDeployment({
      name: 'cart',
      namespace: 'shop-copy',
    });
  });

  it('fails a restore whose backup does not exist, naming it', async () => {
    await create('Restore', 'from-nothing', { backupName: 'no-such-backup' });
    const restore = await finished('Restore', 'from-nothing');
    expect(restore.status).toMatchObject({
      phase: 'FailedValidation',
      validationErrors: ['backup no-such-backup was not found'],
    });
  });

  it('makes a backup when a Schedule is created, named after the schedule and its time', async () => {
    await create('Schedule', 'shop-daily', {
      schedule: '0 3 * * *',
      template: { includedNamespaces: ['shop'], ttl: '168h0m0s' },
    });
    const schedule = await eventually(async () => {
      const s = await read('Schedule', 'shop-daily');
      return s.status?.lastBackup ? s : undefined;
    }, 'the first scheduled backup');
    expect(schedule.status.phase).toBe('Enabled');
    const backups = await t.objects.list<any>(
      VELERO,
      'Backup',
      'velero',
      undefined,
      undefined,
      undefined,
      undefined,
      'velero.io/schedule-name=shop-daily',
    );
    expect(backups.items).toHaveLength(1);
    expect(backups.items[0].metadata.name).toMatch(/^shop-daily-\d{14}$/);
    expect(backups.items[0].spec).toEqual({
      includedNamespaces: ['shop'],
      ttl: '168h0m0s',
    });
  });

  it('marks a Schedule whose cron expression does not parse as FailedValidation', async () => {
    await create('Schedule', 'broken', {
      schedule: 'every day',
      template: {},
    });
    const schedule = await eventually(async () => {
      const s = await read('Schedule', 'broken');
      return s.status?.phase ? s : undefined;
    }, 'the schedule to be checked');
    expect(schedule.status.phase).toBe('FailedValidation');
    expect(schedule.status.validationErrors[0]).toContain('5 fields');
  });
});
