import { mockServices } from '@backstage/backend-test-utils';
import { AlertmanagerClient } from './AlertmanagerClient';
import { AlertService } from './AlertService';
import {
  alertmanagerAvailable,
  startAlertmanager,
} from '@cocktailcloud/kube-sim';
import { MonitoringEndpoints } from './MonitoringEndpoints';

jest.setTimeout(30_000);

const describeWithAlertmanager = alertmanagerAvailable
  ? describe
  : describe.skip;

function alertServiceFor(alertmanagerUrl: string | undefined) {
  return new AlertService({
    endpoints: new MonitoringEndpoints({
      configured: new Map(
        alertmanagerUrl
          ? [
              [
                'dev',
                {
                  alertmanager: {
                    url: alertmanagerUrl,
                    headers: {},
                    labels: { cluster: 'dev' },
                    source: 'test',
                  },
                },
              ],
            ]
          : [],
      ),
      catalog: {
        getEntityByRef: async () => undefined,
        getEntities: async () => ({ items: [] }),
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      entityRefOf: async () => undefined,
      catalogHostAllowed: () => false,
    }),
    client: new AlertmanagerClient({ timeoutMs: 5_000 }),
  });
}

const alert = (
  labels: Record<string, string>,
  summary: string,
  startsAt = new Date(Date.now() - 60_000).toISOString(),
) => ({
  labels: { cluster: 'dev', namespace: 'payments-dev', ...labels },
  annotations: { summary },
  startsAt,
});

describeWithAlertmanager('alerts and silences in a real Alertmanager', () => {
  let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>;
  let alerts: AlertService;
  const api = {
    cluster: 'dev',
    namespace: 'payments-dev',
    server: 'payments-api',
  };

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert(
          {
            alertname: 'CocktailServerCpuNearLimit',
            severity: 'warning',
            server: 'payments-api',
          },
          'Server payments-api uses 97% of its CPU limit',
        ),
        alert(
          {
            alertname: 'CocktailPodRestarting',
            severity: 'critical',
            server: 'payments-api',
            pod: 'payments-api-1',
          },
          'Pod payments-api-1 of payments-api restarted 3 times in 10 minutes',
        ),
        alert(
          {
            alertname: 'CocktailPodRestarting',
            severity: 'critical',
            server: 'payments-web',
            pod: 'payments-web-1',
          },
          'Pod payments-web-1 of payments-web restarted 1 times in 10 minutes',
        ),
        alert(
          {
            alertname: 'CocktailServerCpuNearLimit',
            severity: 'warning',
            server: 'payments-api',
            cluster: 'prod',
            namespace: 'payments-prod',
          },
          'Server payments-api uses 95% of its CPU limit',
        ),
      ]),
    });
    if (response.status !== 200) {
      throw new Error(
        `posting alerts: ${response.status} ${await response.text()}`,
      );
    }
    alerts = alertServiceFor(alertmanager.url);
  });

  afterAll(async () => {
    await alertmanager?.stop();
  });

  it("lists a server's alerts only, the critical first", async () => {
    const answer = await alerts.list([api]);
    if (!answer.available) throw new Error(answer.reason);
    expect(
      answer.alerts.map(a => [a.name, a.severity, a.summary, a.state]),
    ).toEqual([
      [
        'CocktailPodRestarting',
        'critical',
        'Pod payments-api-1 of payments-api restarted 3 times in 10 minutes',
        'firing',
      ],
      [
        'CocktailServerCpuNearLimit',
        'warning',
        'Server payments-api uses 97% of its CPU limit',
        'firing',
      ],
    ]);
    expect(answer.silences).toEqual([]);
  });

  it("lists a ServiceMap's namespace's alerts, of every server there", async () => {
    const answer = await alerts.list([
      { cluster: 'dev', namespace: 'payments-dev' },
    ]);
    if (!answer.available) throw new Error(answer.reason);
    expect(answer.alerts.map(a => a.labels.server).sort()).toEqual([
      'payments-api',
      'payments-api',
      'payments-web',
    ]);
  });

  it('silences one rule of a server, and expires the silence only through that server', async () => {
    const silence = await alerts.silence(
      api,
      {
        durationMinutes: 30,
        comment: 'INC-7 load test',
        alertname: 'CocktailServerCpuNearLimit',
      },
      'user:default/bob',
    );
    expect(silence.matchers).toEqual([
      { name: 'cluster', value: 'dev' },
      { name: 'namespace', value: 'payments-dev' },
      { name: 'server', value: 'payments-api' },
      { name: 'alertname', value: 'CocktailServerCpuNearLimit' },
    ]);
    expect(Date.parse(silence.endsAt) - Date.parse(silence.startsAt)).toBe(
      30 * 60_000,
    );

    const silenced = await alerts.list([api]);
    if (!silenced.available) throw new Error(silenced.reason);
    expect(silenced.alerts.map(a => [a.name, a.state])).toEqual([
      ['CocktailPodRestarting', 'firing'],
      ['CocktailServerCpuNearLimit', 'silenced'],
    ]);
    expect(silenced.alerts[1].silencedBy).toEqual([silence.id]);
    expect(
      silenced.silences.map(s => [s.id, s.createdBy, s.comment, s.state]),
    ).toEqual([[silence.id, 'user:default/bob', 'INC-7 load test', 'active']]);

    await expect(
      alerts.expire({ ...api, server: 'payments-web' }, silence.id),
    ).rejects.toThrow(
      `silence ${silence.id} is not one of this entity's: it matches cluster="dev", namespace="payments-dev", server="payments-api", alertname="CocktailServerCpuNearLimit"`,
    );
    // The ServiceMap holds the server, so its page may end the server's silence.
    const expired = await alerts.expire(
      { cluster: 'dev', namespace: 'payments-dev' },
      silence.id,
    );
    expect(expired.state).toBe('expired');
    const after = await alerts.list([api]);
    if (!after.available) throw new Error(after.reason);
    expect(after.silences).toEqual([]);
    expect(after.alerts.every(a => a.state === 'firing')).toBe(true);
  });

  it('says when a silence does not exist', async () => {
    await expect(
      alerts.expire(api, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('alerts without Alertmanager', () => {
  it('says so, and what to install', async () => {
    await expect(
      alertServiceFor(undefined).list([
        { cluster: 'dev', namespace: 'payments-dev' },
      ]),
    ).resolves.toEqual({
      available: false,
      reason: 'No Alertmanager is configured for cluster dev',
      install: expect.stringContaining('cocktail.clusters[].alertmanager.url'),
    });
    await expect(
      alertServiceFor(undefined).silence(
        { cluster: 'dev', namespace: 'payments-dev' },
        { durationMinutes: 10, comment: 'nothing to silence' },
        'user:default/bob',
      ),
    ).rejects.toThrow(
      'No Alertmanager is configured for cluster dev, so there is nothing to silence',
    );
  });
});
