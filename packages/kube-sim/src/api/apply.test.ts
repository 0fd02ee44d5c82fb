import { fieldSetOf, recordUpdate, serverSideApply } from './apply';
import { KubeObject, ManagedFieldsEntry } from './types';

const now = '2024-05-01T10:00:00Z';
const later = '2024-05-01T11:00:00Z';

function deployment(
  spec: Record<string, unknown> | undefined,
  metadata: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', ...metadata },
    ...(spec ? { spec } : {}),
  };
}

function podTemplate(containers: Array<Record<string, unknown>>) {
  return { template: { spec: { containers } } };
}

function applyEntry(
  manager: string,
  fieldsV1: Record<string, unknown>,
  time = now,
): ManagedFieldsEntry {
  return {
    manager,
    operation: 'Apply',
    apiVersion: 'apps/v1',
    time,
    fieldsType: 'FieldsV1',
    fieldsV1,
  };
}

function updateEntry(
  manager: string,
  fieldsV1: Record<string, unknown>,
  time = now,
): ManagedFieldsEntry {
  return { ...applyEntry(manager, fieldsV1, time), operation: 'Update' };
}

/** Applies and returns the object as the store would keep it, managedFields included. */
function apply(
  live: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  options: { force?: boolean; time?: string } = {},
): KubeObject {
  const result = serverSideApply({
    live,
    applied,
    manager,
    force: options.force ?? false,
    now: options.time ?? now,
  });
  if ('conflicts' in result) {
    throw new Error(
      `unexpected conflicts: ${JSON.stringify(result.conflicts)}`,
    );
  }
  return {
    ...result.object,
    metadata: {
      ...result.object.metadata,
      managedFields: result.managedFields,
    },
  };
}

const replicasField = { 'f:spec': { 'f:replicas': {} } };
const appLabelField = { 'f:metadata': { 'f:labels': { 'f:app': {} } } };

describe('fieldSetOf', () => {
  it('lists every applied field except identity, server-set fields and status', () => {
    expect(
      fieldSetOf({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          namespace: 'default',
          uid: 'u1',
          resourceVersion: '7',
          generation: 2,
          creationTimestamp: now,
          managedFields: [],
          labels: { app: 'web' },
        },
        spec: { replicas: 2 },
        status: { replicas: 2 },
      }),
    ).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:replicas': {} },
    });
  });

  it('names keyed list items by their merge key and marks each item with a dot', () => {
    expect(
      fieldSetOf(deployment(podTemplate([{ name: 'api', image: 'api:1' }]))),
    ).toEqual({
      'f:spec': {
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"api"}': { '.': {}, 'f:image': {}, 'f:name': {} },
            },
          },
        },
      },
    });
  });

  it("keys a Service's ports by port", () => {
    expect(
      fieldSetOf({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 80, protocol: 'TCP' }] },
      }),
    ).toEqual({
      'f:spec': {
        'f:ports': {
          'k:{"port":80}': { '.': {}, 'f:port': {}, 'f:protocol': {} },
        },
      },
    });
  });

  it('names finalizers by their value', () => {
    expect(
      fieldSetOf({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c', finalizers: ['example.com/cleanup'] },
      }),
    ).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"example.com/cleanup"': {} } },
    });
  });

  it('treats unknown lists of objects and lists of scalars as single fields', () => {
    expect(
      fieldSetOf(
        deployment({
          tolerations: [{ key: 'a', operator: 'Exists' }],
          args: ['--verbose'],
        }),
      ),
    ).toEqual({ 'f:spec': { 'f:tolerations': {}, 'f:args': {} } });
  });
});

describe('serverSideApply', () => {
  it('creates the object with the applied fields and an Apply entry for the manager', () => {
    const result = serverSideApply({
      live: undefined,
      applied: deployment({ replicas: 2 }, { labels: { app: 'web' } }),
      manager: 'kubectl',
      force: false,
      now,
    });
    expect(result).toEqual({
      object: deployment({ replicas: 2 }, { labels: { app: 'web' } }),
      managedFields: [
        applyEntry('kubectl', {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': { 'f:replicas': {} },
        }),
      ],
    });
  });

  it('leaves managedFields out of the returned object', () => {
    const live = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    const result = serverSideApply({
      live,
      applied: deployment({ replicas: 3 }),
      manager: 'kubectl',
      force: false,
      now,
    });
    expect(result).toStrictEqual({
      object: deployment({ replicas: 3 }),
      managedFields: [applyEntry('kubectl', replicasField)],
    });
  });

  it('keeps live fields that no manager owns', () => {
    const live = {
      ...deployment({ replicas: 1, revisionHistoryLimit: 10 }),
      status: { replicas: 1 },
    };
    expect(apply(live, deployment({ replicas: 2 }), 'kubectl')).toEqual({
      ...deployment(
        { replicas: 2, revisionHistoryLimit: 10 },
        { managedFields: [applyEntry('kubectl', replicasField)] },
      ),
      status: { replicas: 1 },
    });
  });

  it('removes a field the manager applied before and no longer applies', () => {
    const live = apply(
      undefined,
      deployment({ replicas: 2, paused: true }),
      'kubectl',
    );
    expect(
      apply(live, deployment({ replicas: 2 }), 'kubectl', { time: later }),
    ).toEqual(
      deployment(
        { replicas: 2 },
        { managedFields: [applyEntry('kubectl', replicasField, later)] },
      ),
    );
  });

  it('removes a map that becomes empty when its last applied key is dropped', () => {
    const live = apply(
      undefined,
      deployment({ replicas: 2 }, { labels: { app: 'web' } }),
      'kubectl',
    );
    expect(apply(live, deployment({ replicas: 2 }), 'kubectl')).toEqual(
      deployment(
        { replicas: 2 },
        { managedFields: [applyEntry('kubectl', replicasField)] },
      ),
    );
  });

  it('keeps a dropped field that another manager also owns', () => {
    const first = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    const shared = apply(first, deployment({ replicas: 2 }), 'helm');
    expect(
      apply(shared, deployment(undefined), 'kubectl', { time: later }),
    ).toEqual(
      deployment(
        { replicas: 2 },
        {
          managedFields: [
            applyEntry('kubectl', {}, later),
            applyEntry('helm', replicasField),
          ],
        },
      ),
    );
  });

  it('lets two managers own different fields of one object', () => {
    const first = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    expect(
      apply(
        first,
        deployment(undefined, { labels: { app: 'web' } }),
        'labeler',
      ),
    ).toEqual(
      deployment(
        { replicas: 2 },
        {
          labels: { app: 'web' },
          managedFields: [
            applyEntry('kubectl', replicasField),
            applyEntry('labeler', appLabelField),
          ],
        },
      ),
    );
  });

  it('reports a conflict with the owning manager and the field path', () => {
    const live = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    expect(
      serverSideApply({
        live,
        applied: deployment({ replicas: 5 }),
        manager: 'autoscaler',
        force: false,
        now,
      }),
    ).toEqual({ conflicts: [{ manager: 'kubectl', field: '.spec.replicas' }] });
  });

  it('words a conflict inside a keyed list item with its merge key', () => {
    const live = apply(
      undefined,
      deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
      'kubectl',
    );
    expect(
      serverSideApply({
        live,
        applied: deployment(podTemplate([{ name: 'api', image: 'api:2' }])),
        manager: 'deployer',
        force: false,
        now,
      }),
    ).toEqual({
      conflicts: [
        {
          manager: 'kubectl',
          field: '.spec.template.spec.containers[name="api"].image',
        },
      ],
    });
  });

  it('reports a conflict with a manager that changed the field by update', () => {
    const applied = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    const scaled = deployment({ replicas: 5 });
    scaled.metadata.managedFields = recordUpdate({
      before: applied,
      after: scaled,
      manager: 'kube-controller-manager',
      now: later,
    });
    expect(
      serverSideApply({
        live: scaled,
        applied: deployment({ replicas: 2 }),
        manager: 'kubectl',
        force: false,
        now: later,
      }),
    ).toEqual({
      conflicts: [
        { manager: 'kube-controller-manager', field: '.spec.replicas' },
      ],
    });
  });

  it('shares ownership without a conflict when the values agree', () => {
    const first = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    expect(apply(first, deployment({ replicas: 2 }), 'helm')).toEqual(
      deployment(
        { replicas: 2 },
        {
          managedFields: [
            applyEntry('kubectl', replicasField),
            applyEntry('helm', replicasField),
          ],
        },
      ),
    );
  });

  it('takes ownership of the conflicting fields when forced', () => {
    const live = apply(
      undefined,
      deployment({ replicas: 2 }, { labels: { app: 'web' } }),
      'kubectl',
    );
    expect(
      apply(live, deployment({ replicas: 5 }), 'autoscaler', { force: true }),
    ).toEqual(
      deployment(
        { replicas: 5 },
        {
          labels: { app: 'web' },
          managedFields: [
            applyEntry('kubectl', appLabelField),
            applyEntry('autoscaler', replicasField),
          ],
        },
      ),
    );
  });

  it('drops the entry of a manager that loses all its fields to a forced apply', () => {
    const live = apply(undefined, deployment({ replicas: 2 }), 'kubectl');
    expect(
      apply(live, deployment({ replicas: 5 }), 'autoscaler', { force: true }),
    ).toEqual(
      deployment(
        { replicas: 5 },
        { managedFields: [applyEntry('autoscaler', replicasField)] },
      ),
    );
  });

  it('gives each manager ownership of its own items in a keyed list', () => {
    const first = apply(
      undefined,
      deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
      'kubectl',
    );
    const withSidecar = apply(
      first,
      deployment(podTemplate([{ name: 'proxy', image: 'envoy:1' }])),
      'mesh-injector',
    );
    expect(withSidecar).toEqual(
      deployment(
        podTemplate([
          { name: 'api', image: 'api:1' },
          { name: 'proxy', image: 'envoy:1' },
        ]),
        {
          managedFields: [
            applyEntry(
              'kubectl',
              fieldSetOf(
                deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
              ),
            ),
            applyEntry('mesh-injector', {
              'f:spec': {
                'f:template': {
                  'f:spec': {
                    'f:containers': {
                      'k:{"name":"proxy"}': {
                        '.': {},
                        'f:image': {},
                        'f:name': {},
                      },
                    },
                  },
                },
              },
            }),
          ],
        },
      ),
    );
  });

  it("changes one item of a keyed list without touching another manager's item", () => {
    const first = apply(
      undefined,
      deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
      'kubectl',
    );
    const withSidecar = apply(
      first,
      deployment(podTemplate([{ name: 'proxy', image: 'envoy:1' }])),
      'mesh-injector',
    );
    const updated = apply(
      withSidecar,
      deployment(podTemplate([{ name: 'api', image: 'api:2' }])),
      'kubectl',
    );
    expect(updated.spec.template.spec.containers).toEqual([
      { name: 'api', image: 'api:2' },
      { name: 'proxy', image: 'envoy:1' },
    ]);
  });

  it('removes a keyed list item the manager stops applying', () => {
    const live = apply(
      undefined,
      deployment(
        podTemplate([
          { name: 'api', image: 'api:1' },
          { name: 'debug', image: 'busybox' },
        ]),
      ),
      'kubectl',
    );
    const updated = apply(
      live,
      deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
      'kubectl',
    );
    expect(updated.spec.template.spec.containers).toEqual([
      { name: 'api', image: 'api:1' },
    ]);
  });

  it('keeps a dropped list item while another manager owns a field inside it', () => {
    const live = apply(
      undefined,
      deployment(
        podTemplate([
          { name: 'api', image: 'api:1' },
          { name: 'debug', image: 'busybox', tty: true },
        ]),
      ),
      'kubectl',
    );
    const retagged = deployment(
      podTemplate([
        { name: 'api', image: 'api:1' },
        { name: 'debug', image: 'busybox:2', tty: true },
      ]),
    );
    retagged.metadata.managedFields = recordUpdate({
      before: live,
      after: retagged,
      manager: 'kubectl-edit',
      now,
    });
    const updated = apply(
      retagged,
      deployment(podTemplate([{ name: 'api', image: 'api:1' }])),
      'kubectl',
    );
    expect(updated.spec.template.spec.containers).toEqual([
      { name: 'api', image: 'api:1' },
      { name: 'debug', image: 'busybox:2' },
    ]);
  });
});

describe('recordUpdate', () => {
  it('gives the creating manager an Update entry for every field', () => {
    expect(
      recordUpdate({
        before: undefined,
        after: deployment({ replicas: 1 }, { labels: { app: 'web' } }),
        manager: 'kubectl-create',
        now,
      }),
    ).toEqual([
      updateEntry('kubectl-create', {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:replicas': {} },
      }),
    ]);
  });

  it('moves ownership of a changed field from its applier to the updater', () => {
    const live = apply(
      undefined,
      deployment({ replicas: 2 }, { labels: { app: 'web' } }),
      'kubectl',
    );
    expect(
      recordUpdate({
        before: live,
        after: deployment({ replicas: 5 }, { labels: { app: 'web' } }),
        manager: 'kube-controller-manager',
        now: later,
      }),
    ).toEqual([
      applyEntry('kubectl', appLabelField),
      updateEntry('kube-controller-manager', replicasField, later),
    ]);
  });

  it("adds newly changed fields to the updater's earlier fields", () => {
    const before = deployment(
      { replicas: 2 },
      { managedFields: [updateEntry('editor', replicasField)] },
    );
    expect(
      recordUpdate({
        before,
        after: deployment({ replicas: 2 }, { labels: { app: 'web' } }),
        manager: 'editor',
        now: later,
      }),
    ).toEqual([
      updateEntry(
        'editor',
        {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': { 'f:replicas': {} },
        },
        later,
      ),
    ]);
  });

  it('leaves the entries unchanged when nothing changed', () => {
    const entries = [applyEntry('kubectl', replicasField)];
    expect(
      recordUpdate({
        before: deployment({ replicas: 2 }, { managedFields: entries }),
        after: deployment({ replicas: 2 }),
        manager: 'editor',
        now: later,
      }),
    ).toEqual(entries);
  });

  it('removes fields the update deleted from every manager', () => {
    const before = deployment(
      { replicas: 2 },
      {
        labels: { app: 'web' },
        managedFields: [applyEntry('kubectl', appLabelField)],
      },
    );
    expect(
      recordUpdate({
        before,
        after: deployment({ replicas: 2 }),
        manager: 'editor',
        now: later,
      }),
    ).toEqual([]);
  });
});
