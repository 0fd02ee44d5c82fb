import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';
import { statusSignalRecipients } from './statusSignalRecipients';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

const directory = new ServiceRoleDirectory({
  catalog: catalogServiceMock({
    entities: [
      {
        apiVersion: API_VERSION,
        kind: 'Service',
        metadata: { name: 'payments', namespace: 'default' },
        spec: {
          owner: 'group:payments-team',
          members: [
            { ref: 'user:bob', role: 'developer' },
            { ref: 'group:payments-support', role: 'viewer' },
          ],
        },
      },
      {
        apiVersion: API_VERSION,
        kind: 'ServiceMap',
        metadata: { name: 'payments-prod', namespace: 'default' },
        spec: {
          service: 'payments',
          environment: 'production',
          cluster: 'resource:prod',
          namespace: 'payments',
        },
      },
    ],
  }),
  credentials: async () => mockCredentials.service(),
  platformAdmins: ['group:default/platform-team'],
  refreshMs: 10_000,
});

describe('statusSignalRecipients', () => {
  it('tells everyone while reads are open', async () => {
    const recipientsOf = statusSignalRecipients({ directory, openReads: true });
    expect(
      await recipientsOf({
        cluster: 'prod',
        namespace: 'payments',
        server: 'api',
      }),
    ).toEqual({ type: 'broadcast' });
  });

  it('tells the members of the Service whose ServiceMap owns the namespace, and the platform admins', async () => {
    const recipientsOf = statusSignalRecipients({
      directory,
      openReads: false,
    });
    const recipients = await recipientsOf({
      cluster: 'prod',
      namespace: 'payments',
      server: 'api',
    });
    expect(recipients.type).toBe('user');
    expect(
      recipients.type === 'user' ? [...recipients.entityRef].sort() : [],
    ).toEqual([
      'group:default/payments-support',
      'group:default/payments-team',
      'group:default/platform-team',
      'user:default/bob',
    ]);
  });

  it('tells only the platform admins of a namespace no ServiceMap owns, whatever its labels say', async () => {
    const recipientsOf = statusSignalRecipients({
      directory,
      openReads: false,
    });
    // The same namespace name on another cluster belongs to no ServiceMap.
    expect(
      await recipientsOf({
        cluster: 'dev',
        namespace: 'payments',
        server: 'api',
      }),
    ).toEqual({ type: 'user', entityRef: ['group:default/platform-team'] });
    expect(
      await recipientsOf({
        cluster: 'prod',
        namespace: 'stray',
        server: 'api',
      }),
    ).toEqual({ type: 'user', entityRef: ['group:default/platform-team'] });
  });
});
