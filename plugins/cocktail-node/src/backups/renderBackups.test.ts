import {
  backupRequestIssues,
  renderBackup,
  renderRestore,
  renderSchedule,
} from './renderBackups';

describe('renderBackups', () => {
  it('backs up one namespace in the velero namespace, labelled with the namespace it covers', () => {
    expect(
      renderBackup({ name: 'b1', namespace: 'payments-dev', ttl: '24h' }),
    ).toEqual({
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: {
        name: 'b1',
        namespace: 'velero',
        labels: {
          'app.kubernetes.io/managed-by': 'cocktail',
          'cocktailcloud.io/backup-namespace': 'payments-dev',
        },
      },
      spec: {
        includedNamespaces: ['payments-dev'],
        ttl: '24h',
        snapshotVolumes: false,
      },
    });
  });

  it('backs up every namespace and the cluster-scoped objects when no namespace is given', () => {
    const backup = renderBackup({ name: 'all' });
    expect(backup.spec).toMatchObject({
      includedNamespaces: ['*'],
      includeClusterResources: true,
    });
    expect(backup.metadata.labels!['cocktailcloud.io/backup-namespace']).toBe(
      'all',
    );
  });

  it('puts the backup spec in a schedule template', () => {
    const schedule = renderSchedule({
      name: 's',
      namespace: 'shop',
      schedule: ' 0 3 * * * ',
    });
    expect(schedule.spec).toMatchObject({
      schedule: '0 3 * * *',
      template: { includedNamespaces: ['shop'] },
    });
  });

  it('maps the namespace only when the restore goes to another one', () => {
    expect(
      renderRestore({
        name: 'r',
        backupName: 'b',
        namespace: 'a',
        targetNamespace: 'b',
      }).spec,
    ).toMatchObject({
      includedNamespaces: ['a'],
      namespaceMapping: { a: 'b' },
    });
    expect(
      renderRestore({
        name: 'r',
        backupName: 'b',
        namespace: 'a',
        targetNamespace: 'a',
      }).spec,
    ).not.toHaveProperty('namespaceMapping');
  });

  it('names every field at fault', () => {
    expect(
      backupRequestIssues({
        name: 'Bad_Name',
        namespace: 'x_y',
        ttl: '3 days',
        schedule: 'every day',
      }).map(i => i.field),
    ).toEqual(['name', 'namespace', 'ttl', 'schedule']);
    expect(
      backupRequestIssues({
        name: 'ok',
        namespace: 'ns',
        ttl: '720h0m0s',
        schedule: '@daily',
      }),
    ).toEqual([]);
  });
});
