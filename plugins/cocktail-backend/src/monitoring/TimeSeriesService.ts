import {
  MetricChart,
  MonitoringRange,
  MonitoringSeriesResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import { latestValue, namedSeries, sumSeries } from './chartSeries';
import { MonitoringEndpoint } from './monitoringSettings';
import { MonitoringEndpoints } from './MonitoringEndpoints';
import { PrometheusClient, RangeSeries } from './PrometheusClient';
import { RangeQueryCache } from './RangeQueryCache';
import { fillQuery, SeriesQueryName } from './seriesQueries';
import { SeriesWindow, seriesWindow } from './seriesRanges';

const INSTALL_PROMETHEUS =
  "Install Prometheus with cAdvisor and kube-state-metrics scrape jobs in the cluster (kube-prometheus-stack has both; run kube-state-metrics with --metric-labels-allowlist=pods=[cocktailcloud.io/server]) and give its URL in cocktail.clusters[].prometheus.url or the cluster Resource's cocktailcloud.io/prometheus-url annotation.";

/** One environment of a Service, as its chart lines are named. */
export interface EnvironmentTarget {
  name: string;
  cluster: string;
  namespace: string;
}

type Available = Extract<MonitoringSeriesResponse, { available: true }>;

/** Unavailable answers say why and what to install; other failures are thrown. */
class NoPrometheus extends Error {}

/**
 * Charts over time for servers, ServiceMaps, Services and clusters, from each cluster's
 * Prometheus, with the suite's queries (DEFAULT_SERIES_QUERIES, overridable in config).
 */
export class TimeSeriesService {
  private readonly cache: RangeQueryCache;

  constructor(
    private readonly options: {
      endpoints: MonitoringEndpoints;
      client: PrometheusClient;
      queries: Record<SeriesQueryName, string>;
      cacheSeconds: number;
    },
  ) {
    this.cache = new RangeQueryCache(options.cacheSeconds * 1000);
  }

  async server(
    target: { cluster: string; namespace: string; server: string },
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.answer(range, async window => {
      const run = await this.runnerFor(target.cluster, window, target);
      const [cpu, memory, received, transmitted, restarts, requests, limits] =
        await Promise.all([
          run('serverCpu'),
          run('serverMemory'),
          run('serverNetworkReceive'),
          run('serverNetworkTransmit'),
          run('serverRestarts'),
          run('serverRequests'),
          run('serverLimits'),
        ]);
      const perPod = (
        id: string,
        title: string,
        unit: MetricChart['unit'],
        series: RangeSeries[],
        resource?: string,
      ): MetricChart => {
        const named = namedSeries(series, 'pod');
        return {
          id,
          title,
          unit,
          series: named,
          total: sumSeries(named),
          ...(resource && {
            request: latestValue(requests, 'resource', resource),
            limit: latestValue(limits, 'resource', resource),
          }),
        };
      };
      return {
        charts: [
          perPod('cpu', 'CPU', 'cores', cpu, 'cpu'),
          perPod('memory', 'Memory (working set)', 'bytes', memory, 'memory'),
          perPod('networkReceive', 'Network in', 'bytesPerSecond', received),
          perPod(
            'networkTransmit',
            'Network out',
            'bytesPerSecond',
            transmitted,
          ),
          perPod('restarts', 'Restarts', 'count', restarts),
        ],
      };
    });
  }

  async serviceMap(
    target: { cluster: string; namespace: string },
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.answer(range, async window => {
      const run = await this.runnerFor(target.cluster, window, target);
      const [cpu, memory, quota] = await Promise.all([
        run('namespaceCpu'),
        run('namespaceMemory'),
        run('namespaceQuota'),
      ]);
      const chart = (
        id: string,
        title: string,
        unit: MetricChart['unit'],
        series: RangeSeries[],
        resource: string,
      ): MetricChart => ({
        id,
        title,
        unit,
        series: namedSeries(series, 'namespace', target.namespace),
        request: latestValue(quota, 'resource', `requests.${resource}`),
        limit: latestValue(quota, 'resource', `limits.${resource}`),
        referenceLabels: { request: 'requests quota', limit: 'limits quota' },
      });
      return {
        charts: [
          chart('cpu', 'CPU against the quota', 'cores', cpu, 'cpu'),
          chart(
            'memory',
            'Memory against the quota',
            'bytes',
            memory,
            'memory',
          ),
        ],
      };
    });
  }

  /** One line per environment; environments on clusters without Prometheus are listed as missing. */
  async service(
    environments: EnvironmentTarget[],
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.answer(range, async window => {
      const missing: Array<{ name: string; reason: string }> = [];
      const lines = await Promise.all(
        environments.map(async environment => {
          try {
            const run = await this.runnerFor(
              environment.cluster,
              window,
              environment,
            );
            const [cpu, memory] = await Promise.all([
              run('namespaceCpu'),
              run('namespaceMemory'),
            ]);
            const points = (series: RangeSeries[]) => ({
              name: environment.name,
              points: series[0]?.points ?? [],
            });
            return { cpu: points(cpu), memory: points(memory) };
          } catch (error) {
            if (!(error instanceof NoPrometheus)) {
              throw error;
            }
            missing.push({ name: environment.name, reason: error.message });
            return undefined;
          }
        }),
      );
      const present = lines.filter(line => line !== undefined);
      if (environments.length && !present.length) {
        throw new NoPrometheus(missing.map(m => m.reason).join('; '));
      }
      return {
        charts: [
          {
            id: 'cpu',
            title: 'CPU by environment',
            unit: 'cores',
            series: present.map(line => line!.cpu),
          },
          {
            id: 'memory',
            title: 'Memory by environment',
            unit: 'bytes',
            series: present.map(line => line!.memory),
          },
        ],
        ...(missing.length && { missing }),
      };
    });
  }

  async cluster(
    cluster: string,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.answer(range, async window => {
      const run = await this.runnerFor(cluster, window, {});
      const [cpu, memory, allocatable, pods] = await Promise.all([
        run('clusterNodeCpu'),
        run('clusterNodeMemory'),
        run('clusterAllocatable'),
        run('clusterRunningPods'),
      ]);
      const perNode = namedSeries(cpu, 'node');
      const memoryPerNode = namedSeries(memory, 'node');
      return {
        charts: [
          {
            id: 'cpu',
            title: 'Node CPU',
            unit: 'cores',
            series: perNode,
            total: sumSeries(perNode),
            limit: latestValue(allocatable, 'resource', 'cpu'),
            referenceLabels: { limit: 'allocatable' },
          },
          {
            id: 'memory',
            title: 'Node memory',
            unit: 'bytes',
            series: memoryPerNode,
            total: sumSeries(memoryPerNode),
            limit: latestValue(allocatable, 'resource', 'memory'),
            referenceLabels: { limit: 'allocatable' },
          },
          {
            id: 'pods',
            title: 'Running pods',
            unit: 'count',
            series: namedSeries(pods, 'pods', 'running pods'),
          },
        ],
      };
    });
  }

  private async answer(
    range: MonitoringRange,
    build: (
      window: SeriesWindow,
    ) => Promise<Pick<Available, 'charts' | 'missing'>>,
  ): Promise<MonitoringSeriesResponse> {
    const window = seriesWindow(range);
    try {
      const { charts, missing } = await build(window);
      return {
        available: true,
        range,
        start: window.start,
        end: window.end,
        step: window.step,
        charts,
        ...(missing && { missing }),
      };
    } catch (error) {
      if (error instanceof NoPrometheus) {
        return {
          available: false,
          reason: error.message,
          install: INSTALL_PROMETHEUS,
        };
      }
      throw error;
    }
  }

  private async runnerFor(
    cluster: string,
    window: SeriesWindow,
    values: { namespace?: string; server?: string },
  ) {
    const { prometheus, problems } = await this.options.endpoints.forCluster(
      cluster,
    );
    if (!prometheus) {
      throw new NoPrometheus(
        problems.length
          ? `The Prometheus of cluster ${cluster} is not used: ${problems.join(
              '; ',
            )}`
          : `No Prometheus is configured for cluster ${cluster}`,
      );
    }
    return (name: SeriesQueryName) =>
      this.query(
        prometheus,
        window,
        fillQuery(this.options.queries[name], {
          ...values,
          labels: prometheus.labels,
          window: window.rateWindow,
        }),
      );
  }

  private query(
    endpoint: MonitoringEndpoint,
    window: SeriesWindow,
    query: string,
  ) {
    const key = JSON.stringify([
      endpoint.url,
      query,
      window.start,
      window.end,
      window.step,
    ]);
    return this.cache.get(key, () =>
      this.options.client.queryRange(endpoint, query, window),
    );
  }
}
