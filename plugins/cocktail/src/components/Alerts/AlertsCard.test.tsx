import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import {
  serverEntity,
  serverMetrics,
  serverStatus,
} from '../../__testUtils__/fixtures';
import { EntityServerMonitoringContent } from '../ServerMonitoring/EntityServerMonitoringContent';

const server = createBackendServer();
registerMswTestHooks(server);

const serverUrl = `${COCKTAIL_URL}/servers/default/payments-worker`;
const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000).toISOString();

function givenAlerts() {
  const silenced: unknown[] = [];
  let silences: unknown[] = [];
  server.use(
    http.get(`${serverUrl}/status`, () => HttpResponse.json(serverStatus())),
    http.get(`${serverUrl}/metrics`, () => HttpResponse.json(serverMetrics())),
    http.get(`${serverUrl}/alerts`, () =>
      HttpResponse.json({
        available: true,
        alerts: [
          {
            fingerprint: 'a1',
            name: 'CocktailPodRestarting',
            severity: 'critical',
            summary:
              'Pod payments-worker-1 of payments-worker restarted 3 times in 10 minutes',
            startsAt: tenMinutesAgo(),
            state: 'firing',
            silencedBy: [],
            labels: {},
          },
          {
            fingerprint: 'a2',
            name: 'CocktailServerCpuNearLimit',
            severity: 'warning',
            summary: 'Server payments-worker uses 97% of its CPU limit',
            startsAt: tenMinutesAgo(),
            state: 'silenced',
            silencedBy: ['s1'],
            labels: {},
          },
        ],
        silences,
      }),
    ),
    http.post(`${serverUrl}/alerts/silences`, async ({ request }) => {
      const body = await request.json();
      silenced.push(body);
      silences = [
        {
          id: '3f0c0c1e-0000-4000-8000-000000000001',
          matchers: [
            { name: 'namespace', value: 'payments-prod' },
            { name: 'server', value: 'payments-worker' },
            { name: 'alertname', value: 'CocktailPodRestarting' },
          ],
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
          createdBy: 'user:default/bob',
          comment: 'INC-42 restarts known',
          state: 'active',
        },
      ];
      return HttpResponse.json({ result: silences[0] }, { status: 201 });
    }),
  );
  return silenced;
}

describe('alerts on the Monitoring tab', () => {
  it('lists the alerts with their severity, how long they have fired and whether silenced', async () => {
    givenAlerts();
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(await screen.findByText('Alerts (2)')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Pod payments-worker-1 of payments-worker restarted 3 times in 10 minutes',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getAllByText('10m ago')).toHaveLength(2);
    expect(screen.getByText('silenced')).toBeInTheDocument();
    expect(screen.getByText('firing')).toBeInTheDocument();
  });

  it('silences one rule with a duration and a reason', async () => {
    const silenced = givenAlerts();
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Silence CocktailPodRestarting',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Silence CocktailPodRestarting on payments-worker',
    );
    const submit = within(dialog).getByRole('button', { name: 'Silence' });
    expect(submit).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'INC-42 restarts known' },
    });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(silenced).toEqual([
        {
          durationMinutes: 60,
          comment: 'INC-42 restarts known',
          alertname: 'CocktailPodRestarting',
        },
      ]),
    );
    expect(await screen.findByText('Silences (1)')).toBeInTheDocument();
    expect(screen.getByText('INC-42 restarts known')).toBeInTheDocument();
    expect(
      screen.getByText(
        'namespace=payments-prod, server=payments-worker, alertname=CocktailPodRestarting',
      ),
    ).toBeInTheDocument();
  });

  it('disables silencing for a viewer and says why', async () => {
    givenAlerts();
    server.use(
      accessHandler({ role: 'viewer', deny: ['cocktail.alert.silence'] }),
    );
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        /Silencing alerts needs the developer role on Payments/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Silence CocktailPodRestarting' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('button', {
        name: 'Silence every alert of payments-worker',
      }),
    ).toBeDisabled();
  });
});
