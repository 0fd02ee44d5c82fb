import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { AlertNotifier } from './AlertNotifier';
import { alertWebhookRouter } from './alertWebhookRouter';
import { DEFAULT_ALERT_RECIPIENTS } from './alertRecipients';
import { DatabaseAlertNotificationStore } from './DatabaseAlertNotificationStore';

jest.setTimeout(60_000);

const SECRET = 'webhook-secret-for-tests-0123';

const payments = {
  ref: 'service:default/payments',
  roles: new Map([
    ['group:default/payments-team', 'admin' as const],
    ['user:default/alice', 'admin' as const],
    ['group:default/payments-devs', 'developer' as const],
    ['group:default/payments-support', 'viewer' as const],
  ]),
  admins: ['group:default/payments-team', 'user:default/alice'],
};

const firing = (overrides: Record<string, unknown> = {}, labels = {}) => ({
  status: 'firing',
  labels: {
    alertname: 'CocktailServerCpuNearLimit',
    severity: 'warning',
    cluster: 'dev',
    namespace: 'payments-dev',
    server: 'payments-api',
    ...labels,
  },
  annotations: {
    summary: 'Server payments-api uses 97% of its CPU limit',
    description: 'The pods of payments-api are being throttled.',
  },
  startsAt: '2026-12-06T10:00:00.000Z',
  endsAt: '0001-01-01T00:00:00Z',
  fingerprint: 'a1b2c3d4e5f60718',
  ...overrides,
});

const webhook = (...alerts: object[]) => ({
  version: '4',
  groupKey: '{}:{alertname="CocktailServerCpuNearLimit"}',
  status: 'firing',
  receiver: 'cocktail-portal',
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  truncatedAlerts: 0,
  alerts,
});

describe.each(TestDatabases.create().eachSupportedId())(
  'the Alertmanager webhook receiver (%s)',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });
    // Backstage's notification service is a plugin-to-plugin client: recorded here, by hand.
    let sent: NotificationSendOptions[];

    async function app(secret: string | null = SECRET) {
      sent = [];
      const knex = await databases.init(databaseId);
      const notifier = new AlertNotifier({
        notifications: {
          send: async options => {
            sent.push(options);
          },
        },
        store: await DatabaseAlertNotificationStore.create({
          database: mockServices.database({ knex }),
        }),
        directory: {
          service: async ref => (ref === payments.ref ? payments : undefined),
          serviceMaps: async () => [
            {
              ref: 'servicemap:default/payments-dev',
              service: payments.ref,
              cluster: 'dev',
              namespace: 'payments-dev',
            },
          ],
        },
        alertingClusters: async () => [
          { name: 'dev', labels: { cluster: 'dev' } },
          { name: 'prod', labels: { cluster: 'prod' } },
        ],
        serverOf: async (_map, server) =>
          server === 'payments-api'
            ? { kind: 'CocktailServer', namespace: 'default', name: server }
            : undefined,
        recipients: DEFAULT_ALERT_RECIPIENTS,
        logger: mockServices.logger.mock(),
      });
      const logger = mockServices.logger.mock();
      return express()
        .use(express.json())
        .use(
          alertWebhookRouter({ secret: secret ?? undefined, notifier, logger }),
        )
        .use(
          MiddlewareFactory.create({
            config: mockServices.rootConfig(),
            logger,
          }).error(),
        );
    }
    const post = (target: express.Express, body: unknown, secret = SECRET) =>
      request(target)
        .post('/alerts/webhook')
        .set('Authorization', `Bearer ${secret}`)
        .send(body as object);

    it("tells the Service's developers and admins of a warning, once, and updates it when resolved", async () => {
      const target = await app();
      const first = await post(target, webhook(firing()));
      expect(first.status).toBe(200);
      expect(first.body.deliveries).toEqual([
        {
          fingerprint: 'a1b2c3d4e5f60718',
          alertname: 'CocktailServerCpuNearLimit',
          outcome: 'notified',
          recipients: [
            'group:default/payments-devs',
            'group:default/payments-team',
            'user:default/alice',
          ],
        },
      ]);
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [
              'group:default/payments-devs',
              'group:default/payments-team',
              'user:default/alice',
            ],
          },
          payload: {
            title: '[warning] Server payments-api uses 97% of its CPU limit',
            description:
              'The pods of payments-api are being throttled.\nCocktailServerCpuNearLimit on cocktailserver:default/payments-api (cluster dev, namespace payments-dev), since 2026-12-06T10:00:00.000Z',
            link: '/catalog/default/cocktailserver/payments-api/cocktail-monitoring',
            severity: 'high',
            topic: 'Cocktail alerts',
            scope: 'cocktail-alert:a1b2c3d4e5f60718',
          },
        },
      ]);

      // Alertmanager's repeat of the same alert tells nobody again.
      const repeat = await post(target, webhook(firing()));
      expect(repeat.body.deliveries[0].outcome).toBe('unchanged');
      expect(sent).toHaveLength(1);

      const resolved = await post(
        target,
        webhook(
          firing({ status: 'resolved', endsAt: '2026-12-06T10:20:00.000Z' }),
        ),
      );
      expect(resolved.body.deliveries[0].outcome).toBe('notified');
      expect(sent[1].payload).toMatchObject({
        title: 'Resolved: Server payments-api uses 97% of its CPU limit',
        severity: 'low',
        scope: 'cocktail-alert:a1b2c3d4e5f60718',
      });
    });

    it('tells viewers of critical alerts too, and links a ServiceMap when no server matches', async () => {
      const target = await app();
      await post(
        target,
        webhook(
          firing(
            { fingerprint: 'ffff0000' },
            {
              alertname: 'CocktailServiceMapNearQuota',
              severity: 'critical',
              server: '',
            },
          ),
        ),
      );
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: [
          'group:default/payments-devs',
          'group:default/payments-support',
          'group:default/payments-team',
          'user:default/alice',
        ],
      });
      expect(sent[0].payload.link).toBe(
        '/catalog/default/servicemap/payments-dev/cocktail-servers',
      );
      expect(sent[0].payload.severity).toBe('critical');
    });

    it('says why an alert reaches nobody', async () => {
      const target = await app();
      const answer = await post(
        target,
        webhook(
          firing({ fingerprint: '01' }, { namespace: 'search-dev' }),
          firing({ fingerprint: '02' }, { cluster: 'staging' }),
        ),
      );
      expect(answer.body.deliveries.map((d: any) => d.reason)).toEqual([
        'no ServiceMap is bound to namespace search-dev of cluster dev',
        'its labels match no registered cluster with an Alertmanager (give it the labels of cocktail.clusters[].alertmanager.labels, or a cluster label)',
      ]);
      expect(sent).toEqual([]);
    });

    it('refuses callers without the secret before reading the body', async () => {
      const target = await app();
      const missing = await request(target).post('/alerts/webhook').send({});
      expect(missing.status).toBe(401);
      expect(missing.body.error.message).toBe(
        'the alert webhook needs Authorization: Bearer <cocktail.monitoring.webhookSecret>',
      );
      const wrong = await post(target, webhook(firing()), 'not-the-secret');
      expect(wrong.status).toBe(401);
      expect(sent).toEqual([]);
      const off = await post(await app(null), webhook(firing()));
      expect(off.status).toBe(404);
      expect(off.body.error.message).toContain(
        'set cocktail.monitoring.webhookSecret',
      );
    });

    it('names the field of a payload that is not what Alertmanager sends', async () => {
      const target = await app();
      const answer = await post(
        target,
        webhook(firing({ fingerprint: 'not hex!' })),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain('alerts[0].fingerprint');
      expect(answer.body.error.message).toContain(
        'expected a fingerprint (hexadecimal)',
      );
      const wrongVersion = await post(target, {
        ...webhook(firing()),
        version: '3',
      });
      expect(wrongVersion.status).toBe(400);
      expect(wrongVersion.body.error.message).toContain('version');
      expect(sent).toEqual([]);
    });
  },
);
