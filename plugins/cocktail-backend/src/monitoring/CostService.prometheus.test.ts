import { mockServices } from '@backstage/backend-test-utils';
import {
  prometheusAvailable,
  RunningPrometheus,
  startPrometheus,
} from '@cocktailcloud/kube-sim';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CostService } from './CostService';
import { DEFAULT_PRICES } from './costSettings';
import { ClusterMonitoring } from './monitoringSettings';
import { MonitoringEndpoints } from './MonitoringEndpoints';
import { OpenCostClient } from './OpenCostClient';
import { PrometheusClient } from './PrometheusClient';

jest.setTimeout(60_000);

const describeWithPrometheus =
  prometheusAvailable && existsSync('/usr/bin/promtool')
    ? describe
    : describe.skip;

/**
 * 25 hours of two namespaces' series at a 60 s scrape, as cAdvisor and kube-state-metrics give
 * them: payments-dev requests 0.5 cores and 1 GiB and uses less, with a 10 GiB claim;
 * search-dev requests 1 core but uses 2, and 512 MiB of memory.
 */
function openMetrics(end: number): string {
  const start = end - 25 * 3600;
  const lines: string[] = [];
  const series = (
    name: string,
    labels: string,
    valueAt: (t: number) => number,
  ) => {
    lines.push(`# TYPE ${name} gauge`);
    for (let t = start; t <= end; t += 60) {
      lines.push(`${name}{cluster="dev",${labels}} ${valueAt(t)} ${t}`);
    }
  };
  const pod = (ns: string) => `namespace="${ns}",pod="${ns}-api-1"`;
  series('kube_node_info', 'node="dev-node-1"', () => 1);
  series(
    'kube_pod_status_phase',
    `${pod('payments-dev')},phase="Running"`,
    () => 1,
  );
  series(
    'kube_pod_status_phase',
    `${pod('search-dev')},phase="Running"`,
    () => 1,
  );
  for (const [ns, cores, bytes] of [
    ['payments-dev', 0.5, 2 ** 30],
    ['search-dev', 1, 2 ** 29],
  ] as const) {
    series(
      'kube_pod_container_resource_requests',
      `${pod(ns)},container="api",resource="cpu",unit="core"`,
      () => cores,
    );
    series(
      'kube_pod_container_resource_requests',
      `${pod(ns)},container="api",resource="memory",unit="byte"`,
      () => bytes,
    );
  }
  // Cumulative CPU seconds: 0.2 cores in payments-dev, 2 cores in search-dev.
  series(
    'container_cpu_usage_seconds_total',
    `${pod('payments-dev')},container="api"`,
    t => 0.2 * (t - start),
  );
  series(
    'container_cpu_usage_seconds_total',
    `${pod('search-dev')},container="api"`,
    t => 2 * (t - start),
  );
  series(
    'container_memory_working_set_bytes',
    `${pod('payments-dev')},container="api"`,
    () => 2 ** 28,
  );
  series(
    'container_memory_working_set_bytes',
    `${pod('search-dev')},container="api"`,
    () => 2 ** 28,
  );
  series(
    'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    'namespace="payments-dev",persistentvolumeclaim="data"',
    () => 10 * 2 ** 30,
  );
  return `${lines.join('\n')}\n# EOF\n`;
}

function costServiceFor(monitoring: ClusterMonitoring) {
  return new CostService({
    endpoints: new MonitoringEndpoints({
      configured: new Map([['dev', monitoring]]),
      catalog: {
        getEntityByRef: async () => undefined,
        getEntities: async () => ({ items: [] }),
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      entityRefOf: async () => undefined,
      catalogHostAllowed: () => false,
    }),
    prometheus: new PrometheusClient({ timeoutMs: 10_000 }),
    opencost: new OpenCostClient({ timeoutMs: 10_000 }),
    settings: {
      currency: 'USD',
      resolutionSeconds: 300,
      prices: DEFAULT_PRICES,
      clusterPrices: new Map([['dev', { cpuCoreHour: 0.05 }]]),
    },
  });
}

describeWithPrometheus(
  'cost from a real Prometheus (24 h backfilled with promtool)',
  () => {
    let prometheus: RunningPrometheus;
    const dir = mkdtempSync(join(tmpdir(), 'cocktail-cost-'));

    beforeAll(async () => {
      const end = Math.floor(Date.now() / 1000 / 60) * 60;
      writeFileSync(join(dir, 'series.om'), openMetrics(end));
      execFileSync('promtool', [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        join(dir, 'series.om'),
        join(dir, 'data'),
      ]);
      prometheus = await startPrometheus('global:\n  scrape_interval: 15s\n', {
        storagePath: join(dir, 'data'),
      });
    });

    afterAll(async () => {
      await prometheus?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const endpoint = () => ({
      url: prometheus.url,
      headers: {},
      labels: { cluster: 'dev' },
      source: 'test',
    });

    it('charges requests, or use where higher, hour by hour, at the cluster’s prices', async () => {
      const answer = await costServiceFor({
        prometheus: endpoint(),
      }).forTargets(
        [
          {
            name: 'payments (development)',
            cluster: 'dev',
            namespace: 'payments-dev',
          },
          {
            name: 'search (development)',
            cluster: 'dev',
            namespace: 'search-dev',
          },
        ],
        '24h',
      );
      if (!answer.available) throw new Error(answer.reason);
      const [search, payments] = answer.items;
      // search-dev uses 2 cores for 24 h against 1 requested: 48 core-hours at dev's $0.05.
      expect(search.name).toBe('search (development)');
      expect(search.cpuCoreHours).toBeCloseTo(48, 0);
      expect(search.cost.cpu).toBeCloseTo(48 * 0.05, 1);
      // …and 512 MiB requested against 256 MiB used: 12 GiB-hours.
      expect(search.memoryGiBHours).toBeCloseTo(12, 0);
      // payments-dev requests 0.5 cores (uses 0.2) and 1 GiB, and claims 10 GiB of storage.
      expect(payments.cpuCoreHours).toBeCloseTo(12, 0);
      expect(payments.memoryGiBHours).toBeCloseTo(24, 0);
      expect(payments.storageGiBHours).toBeCloseTo(240, -1);
      expect(payments.cost.storage).toBeCloseTo((240 * 0.04) / 730, 2);
      expect(payments.cost.total).toBeCloseTo(
        payments.cost.cpu +
          payments.cost.memory +
          payments.cost.gpu +
          payments.cost.storage,
        3,
      );
      expect(payments.method).toBe('prometheus');
      expect(answer.total).toBeCloseTo(
        search.cost.total + payments.cost.total,
        3,
      );
      expect(answer.prices.dev).toEqual({
        ...DEFAULT_PRICES,
        cpuCoreHour: 0.05,
      });
      expect(answer.coveredHours.dev).toBeCloseTo(24, 0);
    });

    it('lists every namespace of a cluster, the most expensive first', async () => {
      const answer = await costServiceFor({
        prometheus: endpoint(),
      }).forCluster('dev', '7d');
      if (!answer.available) throw new Error(answer.reason);
      expect(answer.items.map(item => item.namespace)).toEqual([
        'search-dev',
        'payments-dev',
      ]);
      // The data covers 25 of the week's hours.
      expect(answer.coveredHours.dev).toBeGreaterThan(24);
      expect(answer.coveredHours.dev).toBeLessThan(26);
    });
  },
);

describe('cost from OpenCost', () => {
  // OpenCost cannot run here: this HTTP server answers /allocation as OpenCost's API documents it.
  let fakeOpenCost: Server;
  let url = '';
  let asked: URLSearchParams | undefined;

  beforeAll(async () => {
    fakeOpenCost = createServer((request, response) => {
      const requestUrl = new URL(request.url ?? '/', 'http://opencost');
      asked = requestUrl.searchParams;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          code: 200,
          data: [
            {
              'payments-dev': {
                name: 'payments-dev',
                cpuCoreHours: 84,
                ramByteHours: 168 * 2 ** 30,
                gpuHours: 0,
                pvByteHours: 1680 * 2 ** 30,
                cpuCost: 2.655,
                ramCost: 0.712,
                gpuCost: 0,
                pvCost: 0.092,
                totalCost: 3.459,
              },
              __idle__: { name: '__idle__', totalCost: 12 },
            },
          ],
        }),
      );
    });
    await new Promise<void>(resolve =>
      fakeOpenCost.listen(0, '127.0.0.1', resolve),
    );
    url = `http://127.0.0.1:${
      (fakeOpenCost.address() as { port: number }).port
    }`;
  });

  afterAll(async () => {
    await new Promise(resolve => fakeOpenCost.close(resolve));
  });

  it('takes its allocations where a cluster has OpenCost', async () => {
    const answer = await costServiceFor({
      opencost: { url, headers: {}, labels: {}, source: 'test' },
    }).forTargets(
      [{ name: 'development', cluster: 'dev', namespace: 'payments-dev' }],
      '7d',
    );
    expect(asked?.get('window')).toBe('7d');
    expect(asked?.get('aggregate')).toBe('namespace');
    if (!answer.available) throw new Error(answer.reason);
    expect(answer.items).toEqual([
      {
        name: 'development',
        cluster: 'dev',
        namespace: 'payments-dev',
        cpuCoreHours: 84,
        memoryGiBHours: 168,
        gpuHours: 0,
        storageGiBHours: 1680,
        cost: {
          cpu: 2.655,
          memory: 0.712,
          gpu: 0,
          storage: 0.092,
          total: 3.459,
        },
        method: 'opencost',
      },
    ]);
    expect(answer.total).toBe(3.459);
  });

  it('says when a cluster has neither', async () => {
    await expect(
      costServiceFor({}).forTargets(
        [{ name: 'development', cluster: 'dev', namespace: 'payments-dev' }],
        '7d',
      ),
    ).resolves.toEqual({
      available: false,
      reason: 'Neither Prometheus nor OpenCost is configured for cluster dev',
      install: expect.stringContaining('OpenCost'),
    });
  });
});
