import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import {
  serverEntity,
  serverMetrics,
  serverMonitoring,
  serverStatus,
} from '../../__testUtils__/fixtures';
import { EntityServerMonitoringContent } from '../ServerMonitoring/EntityServerMonitoringContent';

const server = createBackendServer();
registerMswTestHooks(server);

const serverUrl = `${COCKTAIL_URL}/servers/default/payments-worker`;

function givenBackend(monitoring: (range: string) => Response) {
  const ranges: string[] = [];
  server.use(
    http.get(`${serverUrl}/status`, () => HttpResponse.json(serverStatus())),
    http.get(`${serverUrl}/metrics`, () => HttpResponse.json(serverMetrics())),
    http.get(`${serverUrl}/monitoring`, ({ request }) => {
      const range = new URL(request.url).searchParams.get('range')!;
      ranges.push(range);
      return monitoring(range);
    }),
  );
  return ranges;
}

describe('charts over time on the Monitoring tab', () => {
  it("draws each chart with its pods' lines, the total, and the request and limit", async () => {
    givenBackend(() => HttpResponse.json(serverMonitoring()));
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });

    expect(await screen.findByText('Usage over time')).toBeInTheDocument();
    expect(
      await screen.findByText('request 500m · limit 1 core'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('request 512 MiB · limit 1.0 GiB'),
    ).toBeInTheDocument();
    const cpu = screen.getByTestId('chart-cpu');
    // Two pods and their total, each a drawn line.
    await waitFor(() =>
      expect(cpu.querySelectorAll('path.recharts-line-curve')).toHaveLength(3),
    );
    for (const path of cpu.querySelectorAll('path.recharts-line-curve')) {
      expect(path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    expect(cpu).toHaveTextContent('payments-worker-7d9f-a1');
    expect(cpu).toHaveTextContent('total');
    expect(cpu).toHaveTextContent('limit 1 core');
    // A chart without samples says so instead of drawing an empty frame.
    expect(
      screen.getByText(/No samples in this range yet/),
    ).toBeInTheDocument();
  });

  it('asks for the range picked', async () => {
    const ranges = givenBackend(() => HttpResponse.json(serverMonitoring()));
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    await screen.findByTestId('chart-cpu');
    fireEvent.click(screen.getByRole('button', { name: '24h' }));
    await waitFor(() => expect(ranges).toContain('24h'));
    expect(ranges[0]).toBe('1h');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '24h' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
  });

  it('says why there is no history and keeps the current usage', async () => {
    givenBackend(() =>
      HttpResponse.json({
        available: false,
        reason: 'No Prometheus is configured for cluster prod',
        install: 'Install Prometheus with kube-state-metrics.',
      }),
    );
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        'No history: No Prometheus is configured for cluster prod.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('monitoring-unavailable')).toHaveTextContent(
      'Install Prometheus with kube-state-metrics.',
    );
    expect(screen.queryByTestId('chart-cpu')).not.toBeInTheDocument();
    // metrics-server's numbers, as before.
    expect(await screen.findByText('CPU and memory now')).toBeInTheDocument();
  });

  it('says when Prometheus does not answer', async () => {
    givenBackend(() =>
      HttpResponse.json(
        {
          error: {
            name: 'ServiceUnavailableError',
            message:
              'Prometheus at http://prometheus:9090/api/v1/query_range is unreachable: connect ECONNREFUSED',
          },
          response: { statusCode: 503 },
        },
        { status: 503 },
      ),
    );
    await renderCocktail(<EntityServerMonitoringContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        /Prometheus at http:\/\/prometheus:9090\/api\/v1\/query_range is unreachable/,
      ),
    ).toBeInTheDocument();
  });
});
