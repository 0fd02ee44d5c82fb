import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import {
  serverEntity,
  serverMetrics,
  serverStatus,
} from '../../__testUtils__/fixtures';
import { EntityServerMonitoringContent } from './EntityServerMonitoringContent';

const server = createBackendServer();
registerMswTestHooks(server);

const serverUrl = `${COCKTAIL_URL}/servers/default/payments-worker`;

function givenBackend(answers: {
  status?: () => Response;
  metrics?: () => Response;
}) {
  server.use(
    http.get(
      `${serverUrl}/status`,
      answers.status ?? (() => HttpResponse.json(serverStatus())),
    ),
    http.get(
      `${serverUrl}/metrics`,
      answers.metrics ?? (() => HttpResponse.json(serverMetrics())),
    ),
  );
}

function backendError(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/** The text of each cell of each body row of the table with the given title. */
describe('EntityServerMonitoringContent', () => {
  it('lists every pod with its phase, readiness, restarts, node, revision and age', async () => {
    givenBackend({
      status: () =>
        HttpResponse.json(
          serverStatus({
            pods: [
              {
                name: 'payments-worker-7d9f-a1',
                phase: 'Running',
                ready: true,
                restarts: 0,
                node: 'prod-node-1',
                ageSeconds: 3700,
                revision: '2',
                containers: [{ name: 'worker', ready: true, state: 'running' }],
              },
              {
                name: 'payments-worker-7d9f-b2',
                phase: 'Running',
                ready: false,
                restarts: 7,
                node: 'prod-node-2',
                ageSeconds: 95000,
                revision: '2',
                containers: [
                  {
                    name: 'worker',
                    ready: false,
                    state: 'waiting',
                    reason: 'CrashLoopBackOff',
                  },
                ],
              },
            ],
          }),
        ),
    });
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(await rowsOfTable('Pods (2)')).toEqual([
      [
        'payments-worker-7d9f-a1',
        'Running',
        '1/1',
        '0',
        'prod-node-1',
        '2',
        '1h 1m',
      ],
      [
        'payments-worker-7d9f-b2',
        'Running (worker: CrashLoopBackOff)',
        '0/1',
        '7',
        'prod-node-2',
        '2',
        '1d 2h',
      ],
    ]);
    expect(
      screen.getByText('2 of 2 ready · 2 updated · 2 running · revision 2'),
    ).toBeInTheDocument();
  });

  it('shows the events the cluster reported about the server', async () => {
    givenBackend({});
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(await rowsOfTable('Events')).toEqual([
      [
        new Date('2026-11-23T10:00:00Z').toLocaleString(),
        'Normal',
        'ScalingReplicaSet',
        'Deployment/payments-worker',
        'Scaled up replica set payments-worker-7d9f to 2',
        '1',
      ],
    ]);
  });

  it('shows what each container uses now against its limit, with its requests and limits', async () => {
    givenBackend({});
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(await screen.findAllByText('250m of 1 core (25%)')).toHaveLength(2);
    expect(await rowsOfTable('CPU and memory now')).toEqual([
      [
        'payments-worker-7d9f-a1',
        'worker',
        '250m of 1 core (25%)',
        '500m / 1 core',
        '300 MiB of 1.0 GiB (29%)',
        '512 MiB / 1.0 GiB',
      ],
      [
        'payments-worker-7d9f-b2',
        'worker',
        '250m of 1 core (25%)',
        '500m / 1 core',
        '300 MiB of 1.0 GiB (29%)',
        '512 MiB / 1.0 GiB',
      ],
    ]);
  });

  it('says why current usage is not available when the cluster serves no metrics', async () => {
    givenBackend({
      metrics: () =>
        HttpResponse.json({
          available: false,
          error:
            'the server could not find the requested resource (metrics.k8s.io)',
          pods: [],
        }),
    });
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        'Current usage is not available: the server could not find the requested resource (metrics.k8s.io)',
      ),
    ).toBeInTheDocument();
    expect(await rowsOfTable('Pods (2)')).toHaveLength(2);
  });

  it('says there are no pods and no events when nothing of the server runs', async () => {
    givenBackend({
      status: () =>
        HttpResponse.json(
          serverStatus({
            replicas: {
              desired: 0,
              current: 0,
              ready: 0,
              updated: 0,
              available: 0,
            },
            pods: [],
            events: [],
          }),
        ),
      metrics: () => HttpResponse.json(serverMetrics({ pods: [] })),
    });
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        'No pods: the server is not deployed, scaled to zero, or waiting for its schedule.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No recent events for this server.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No running pods to measure.')).toBeInTheDocument();
    expect(screen.getByText('Scaled to zero')).toBeInTheDocument();
  });

  it('says what to do when the cluster cannot be asked for the live status', async () => {
    givenBackend({
      status: () =>
        backendError(
          503,
          'ServiceUnavailableError',
          'cluster prod is not reachable',
        ),
    });
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        'Error: Live status: The cluster is unavailable right now',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "cluster prod is not reachable. Wait a moment and retry; if it persists, check the cluster's health on the Clusters page.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Pods \(/)).not.toBeInTheDocument();
  });

  it('still shows the pods when only the usage cannot be read', async () => {
    givenBackend({
      metrics: () =>
        backendError(
          403,
          'NotAllowedError',
          'you are not allowed to cocktail.server.read on cocktailserver:default/payments-worker',
        ),
    });
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText('Error: Usage: You do not have permission'),
    ).toBeInTheDocument();
    expect(await rowsOfTable('Pods (2)')).toHaveLength(2);
  });
});
