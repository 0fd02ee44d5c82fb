import { mockServices } from '@backstage/backend-test-utils';
import { MonitoringSeriesResponse } from '@cocktailcloud/plugin-cocktail-common';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import {
  freePort,
  prometheusAvailable,
  RunningPrometheus,
  startPrometheus,
} from '@cocktailcloud/kube-sim';
import { MonitoringEndpoints } from './MonitoringEndpoints';
import { PrometheusClient } from './PrometheusClient';
import { DEFAULT_SERIES_QUERIES } from './seriesQueries';
import { TimeSeriesService } from './TimeSeriesService';

jest.setTimeout(60_000);

const NAMESPACE = 'payments-prod';
const describeWithPrometheus = prometheusAvailable ? describe : describe.skip;

function timeSeriesFor(prometheusUrl: string | undefined) {
  const endpoints = new MonitoringEndpoints({
    configured: new Map(
      prometheusUrl
        ? [
            [
              'prod',
              {
                prometheus: {
                  url: prometheusUrl,
                  headers: {},
                  labels: { cluster: 'prod' },
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
  });
  return new TimeSeriesService({
    endpoints,
    client: new PrometheusClient({ timeoutMs: 5_000 }),
    queries: DEFAULT_SERIES_QUERIES,
    cacheSeconds: 0.001,
  });
}

async function eventuallyAvailable(
  read: () => Promise<MonitoringSeriesResponse>,
  ready: (
    answer: Extract<MonitoringSeriesResponse, { available: true }>,
  ) => boolean,
) {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const answer = await read();
    if (answer.available && ready(answer)) {
      return answer;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no data in time: ${JSON.stringify(answer).slice(0, 500)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describeWithPrometheus(
  'charts from a real Prometheus scraping kube-sim',
  () => {
    let simulated: Awaited<ReturnType<typeof startSimulatedCluster>>;
    let prometheus: RunningPrometheus;
    let timeSeries: TimeSeriesService;

    beforeAll(async () => {
      simulated = await startSimulatedCluster({ namespace: NAMESPACE });
      const cluster = simulated.sim.cluster('prod');
      const labels = {
        'cocktailcloud.io/server': 'payments-api',
        'cocktailcloud.io/service-map': 'payments-prod',
        'cocktailcloud.io/service': 'payments',
      };
      cluster.store.create(
        cluster.registry.find('apps', 'v1', 'deployments')!,
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'payments-api', namespace: NAMESPACE, labels },
          spec: {
            replicas: 2,
            selector: {
              matchLabels: { 'cocktailcloud.io/server': 'payments-api' },
            },
            template: {
              metadata: { labels },
              spec: {
                containers: [
                  {
                    name: 'api',
                    image: 'ghcr.io/example/payments-api:1.4.2',
                    resources: {
                      requests: { cpu: '250m', memory: '256Mi' },
                      limits: { cpu: '500m', memory: '512Mi' },
                    },
                  },
                ],
              },
            },
          },
        },
      );
      cluster.store.create(cluster.registry.find('', 'v1', 'resourcequotas')!, {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'cocktail-quota', namespace: NAMESPACE },
        spec: {
          hard: {
            'requests.cpu': '2',
            'limits.cpu': '4',
            'requests.memory': '4Gi',
            'limits.memory': '8Gi',
          },
        },
      });
      const target = new URL(cluster.url).host;
      prometheus = await startPrometheus(`
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: kube-sim
    static_configs:
      - targets: ['${target}']
        labels:
          cluster: prod
`);
      timeSeries = timeSeriesFor(prometheus.url);
    });

    afterAll(async () => {
      await prometheus?.stop();
      await simulated?.sim.stop();
    });

    it("draws a server's CPU, memory, network and restarts per pod, with its requests and limits", async () => {
      const answer = await eventuallyAvailable(
        () =>
          timeSeries.server(
            { cluster: 'prod', namespace: NAMESPACE, server: 'payments-api' },
            '1h',
          ),
        a =>
          a.charts.every(
            chart =>
              chart.series.length === 2 &&
              chart.series.every(s => s.points.length > 0),
          ),
      );
      expect(answer.step).toBe(15);
      expect(answer.end - answer.start).toBe(3600);
      const chart = (id: string) => answer.charts.find(c => c.id === id)!;
      expect(chart('cpu').unit).toBe('cores');
      expect(chart('cpu').series.map(s => s.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^payments-api-/)]),
      );
      // Both pods' requests and limits added up.
      expect(chart('cpu').request).toBeCloseTo(0.5);
      expect(chart('cpu').limit).toBeCloseTo(1);
      expect(chart('memory').request).toBe(2 * 256 * 2 ** 20);
      expect(chart('memory').limit).toBe(2 * 512 * 2 ** 20);

      // The memory lines are what kube-sim's pods use: 20 % to 90 % of the request each.
      for (const pod of chart('memory').series) {
        const value = pod.points[pod.points.length - 1][1];
        expect(value).toBeGreaterThanOrEqual(0.2 * 256 * 2 ** 20 - 1);
        expect(value).toBeLessThanOrEqual(0.9 * 256 * 2 ** 20 + 1);
      }
      const total = chart('memory').total!;
      const lastTime = total.points[total.points.length - 1][0];
      const sumAtLast = chart('memory')
        .series.map(s => s.points.find(([t]) => t === lastTime)?.[1] ?? 0)
        .reduce((a, b) => a + b, 0);
      expect(total.points[total.points.length - 1][1]).toBeCloseTo(sumAtLast);
      expect(chart('networkReceive').unit).toBe('bytesPerSecond');
      expect(
        chart('restarts').series.every(s => s.points.every(([, v]) => v === 0)),
      ).toBe(true);
    });

    it("draws a ServiceMap's totals against its quota", async () => {
      const answer = await eventuallyAvailable(
        () =>
          timeSeries.serviceMap(
            { cluster: 'prod', namespace: NAMESPACE },
            '6h',
          ),
        a => a.charts[0].series[0]?.points.length > 0,
      );
      expect(answer.step).toBe(90);
      const cpu = answer.charts.find(c => c.id === 'cpu')!;
      expect(cpu.request).toBe(2);
      expect(cpu.limit).toBe(4);
      const memory = answer.charts.find(c => c.id === 'memory')!;
      expect(memory.limit).toBe(8 * 2 ** 30);
      const used =
        memory.series[0].points[memory.series[0].points.length - 1][1];
      expect(used).toBeGreaterThan(2 * 0.2 * 256 * 2 ** 20 - 1);
    });

    it('draws the nodes of a cluster and its running pods', async () => {
      const answer = await eventuallyAvailable(
        () => timeSeries.cluster('prod', '24h'),
        a => a.charts[2].series[0]?.points.length > 0,
      );
      const cpu = answer.charts.find(c => c.id === 'cpu')!;
      // kube-sim's three nodes, each with its pods' use and the node's own.
      expect(cpu.series).toHaveLength(3);
      expect(cpu.series.every(s => s.name.startsWith('prod-'))).toBe(true);
      expect(cpu.limit).toBeCloseTo(3 * 7.8);
      const pods = answer.charts.find(c => c.id === 'pods')!;
      expect(
        pods.series[0].points[pods.series[0].points.length - 1][1],
      ).toBeGreaterThanOrEqual(2);
    });

    it('lists the environments without Prometheus as missing, next to those with it', async () => {
      const answer = await eventuallyAvailable(
        () =>
          timeSeries.service(
            [
              { name: 'production', cluster: 'prod', namespace: NAMESPACE },
              {
                name: 'development',
                cluster: 'dev',
                namespace: 'payments-dev',
              },
            ],
            '1h',
          ),
        a => a.charts[0].series[0]?.points.length > 0,
      );
      expect(answer.charts[0].series.map(s => s.name)).toEqual(['production']);
      expect(answer.missing).toEqual([
        {
          name: 'development',
          reason: 'No Prometheus is configured for cluster dev',
        },
      ]);
    });
  },
);

describe('charts without Prometheus', () => {
  it('says a cluster has none, and what to install', async () => {
    const answer = await timeSeriesFor(undefined).server(
      { cluster: 'prod', namespace: NAMESPACE, server: 'payments-api' },
      '1h',
    );
    expect(answer).toEqual({
      available: false,
      reason: 'No Prometheus is configured for cluster prod',
      install: expect.stringContaining('kube-state-metrics'),
    });
  });

  it('answers 503 naming the Prometheus that does not answer', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await expect(
      timeSeriesFor(url).cluster('prod', '1h'),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        `Prometheus at ${url}/api/v1/query_range is unreachable`,
      ),
    });
  });
});
