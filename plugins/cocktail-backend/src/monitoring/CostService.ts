import {
  CostItem,
  CostPeriod,
  CostPrices,
  CostResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import { COST_QUERIES, CostQueryName, fillCostQuery } from './costQueries';
import { CostSettings, pricesOf } from './costSettings';
import { MonitoringEndpoints } from './MonitoringEndpoints';
import { OpenCostClient } from './OpenCostClient';
import { PrometheusClient } from './PrometheusClient';

const INSTALL =
  'Give the cluster a Prometheus with kube-state-metrics and cAdvisor (cocktail.clusters[].prometheus or the cocktailcloud.io/prometheus-url annotation), or an OpenCost (cocktail.clusters[].opencost or cocktailcloud.io/opencost-url).';

const PERIOD_HOURS: Record<CostPeriod, number> = {
  '24h': 24,
  '7d': 168,
  '30d': 720,
};
const HOURS_PER_MONTH = 730;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A ServiceMap (or namespace) whose cost is asked for, named as its line is. */
export interface CostTarget {
  name: string;
  cluster: string;
  namespace: string;
}

type ClusterCost = {
  items: CostItem[];
  prices?: CostPrices;
  coveredHours?: number;
};

/**
 * What ServiceMaps, Services and clusters cost over a period: from OpenCost's allocations where
 * a cluster has OpenCost, else from Prometheus (CPU and memory charged on requests, or use where
 * higher; GPUs and storage on requests) × the configured prices of the cluster.
 */
export class CostService {
  constructor(
    private readonly options: {
      endpoints: MonitoringEndpoints;
      prometheus: PrometheusClient;
      opencost: OpenCostClient;
      settings: CostSettings;
    },
  ) {}

  /** Each target's cost; targets on clusters without a source are listed as missing. */
  async forTargets(
    targets: CostTarget[],
    period: CostPeriod,
  ): Promise<CostResponse> {
    const byCluster = new Map<string, CostTarget[]>();
    for (const target of targets) {
      byCluster.set(target.cluster, [
        ...(byCluster.get(target.cluster) ?? []),
        target,
      ]);
    }
    const answers = await Promise.all(
      [...byCluster].map(async ([cluster, clusterTargets]) => ({
        cluster,
        targets: clusterTargets,
        cost: await this.clusterCost(
          cluster,
          clusterTargets.map(t => t.namespace),
          period,
        ),
      })),
    );
    const missing = answers.flatMap(answer =>
      typeof answer.cost === 'string'
        ? answer.targets.map(t => ({
            name: t.name,
            reason: answer.cost as string,
          }))
        : [],
    );
    const items = answers.flatMap(answer => {
      if (typeof answer.cost === 'string') {
        return [];
      }
      const found = answer.cost.items;
      return answer.targets.map(
        target =>
          ({
            ...(found.find(item => item.namespace === target.namespace) ??
              emptyItem(
                target.cluster,
                target.namespace,
                answer.cost as ClusterCost,
              )),
            name: target.name,
          } as CostItem),
      );
    });
    return this.answer(period, answers, items, missing, targets.length);
  }

  /** Every namespace of a cluster, as cost items named by namespace. */
  async forCluster(cluster: string, period: CostPeriod): Promise<CostResponse> {
    const cost = await this.clusterCost(cluster, [], period);
    if (typeof cost === 'string') {
      return { available: false, reason: cost, install: INSTALL };
    }
    return this.answer(period, [{ cluster, cost }], cost.items, [], 1);
  }

  private answer(
    period: CostPeriod,
    answers: Array<{ cluster: string; cost: ClusterCost | string }>,
    items: CostItem[],
    missing: Array<{ name: string; reason: string }>,
    asked: number,
  ): CostResponse {
    if (asked > 0 && missing.length === asked) {
      return {
        available: false,
        reason: [...new Set(missing.map(m => m.reason))].join('; '),
        install: INSTALL,
      };
    }
    const prices: Record<string, CostPrices> = {};
    const coveredHours: Record<string, number> = {};
    for (const { cluster, cost } of answers) {
      if (typeof cost !== 'string') {
        if (cost.prices) prices[cluster] = cost.prices;
        coveredHours[cluster] = round(
          cost.coveredHours ?? PERIOD_HOURS[period],
        );
      }
    }
    const sorted = [...items].sort((a, b) => b.cost.total - a.cost.total);
    return {
      available: true,
      period,
      currency: this.options.settings.currency,
      total: round(sorted.reduce((sum, item) => sum + item.cost.total, 0)),
      items: sorted,
      prices,
      coveredHours,
      ...(missing.length && { missing }),
    };
  }

  /** The cluster's namespaces' cost (all of them when `namespaces` is empty), or why none. */
  private async clusterCost(
    cluster: string,
    namespaces: string[],
    period: CostPeriod,
  ): Promise<ClusterCost | string> {
    const { prometheus, opencost, problems } =
      await this.options.endpoints.forCluster(cluster);
    if (opencost) {
      const allocations = await this.options.opencost.namespaceAllocations(
        opencost,
        period,
      );
      return {
        items: allocations
          .filter(a => !namespaces.length || namespaces.includes(a.namespace))
          .map(a => ({
            name: a.namespace,
            cluster,
            namespace: a.namespace,
            cpuCoreHours: round(a.cpuCoreHours),
            memoryGiBHours: round(a.ramByteHours / 2 ** 30),
            gpuHours: round(a.gpuHours),
            storageGiBHours: round(a.pvByteHours / 2 ** 30),
            cost: {
              cpu: round(a.cpuCost),
              memory: round(a.ramCost),
              gpu: round(a.gpuCost),
              storage: round(a.pvCost),
              total: round(a.totalCost),
            },
            method: 'opencost',
          })),
      };
    }
    if (!prometheus) {
      return problems.length
        ? `The monitoring of cluster ${cluster} is not used: ${problems.join(
            '; ',
          )}`
        : `Neither Prometheus nor OpenCost is configured for cluster ${cluster}`;
    }
    const step = this.options.settings.resolutionSeconds;
    const end = Math.floor(Date.now() / 1000 / step) * step;
    const run = async (name: CostQueryName) =>
      this.options.prometheus.queryInstant(
        prometheus,
        fillCostQuery(COST_QUERIES[name], {
          labels: prometheus.labels,
          namespaces,
          period,
          stepSeconds: step,
        }),
        end,
      );
    const [cpu, memory, gpu, storage, covered] = await Promise.all([
      run('cpuCoreHours'),
      run('memoryGiBHours'),
      run('gpuHours'),
      run('storageGiBHours'),
      run('coveredHours'),
    ]);
    const prices = pricesOf(this.options.settings, cluster);
    const valueOf = (
      samples: Array<{ metric: Record<string, string>; value: number }>,
      namespace: string,
    ) => samples.find(s => s.metric.namespace === namespace)?.value ?? 0;
    const names = namespaces.length
      ? namespaces
      : [
          ...new Set(
            [...cpu, ...memory, ...storage].map(s => s.metric.namespace),
          ),
        ].filter(Boolean);
    return {
      prices,
      coveredHours: covered[0]?.value ?? 0,
      items: names.map(namespace =>
        priced(
          {
            cluster,
            namespace,
            cpuCoreHours: valueOf(cpu, namespace),
            memoryGiBHours: valueOf(memory, namespace),
            gpuHours: valueOf(gpu, namespace),
            storageGiBHours: valueOf(storage, namespace),
          },
          prices,
        ),
      ),
    };
  }
}

/** Hours × prices, for one namespace. */
export function priced(
  usage: Omit<CostItem, 'name' | 'cost' | 'method'>,
  prices: CostPrices,
): CostItem {
  const cost = {
    cpu: round(usage.cpuCoreHours * prices.cpuCoreHour),
    memory: round(usage.memoryGiBHours * prices.memoryGiBHour),
    gpu: round(usage.gpuHours * prices.gpuHour),
    storage: round(
      (usage.storageGiBHours * prices.storageGiBMonth) / HOURS_PER_MONTH,
    ),
  };
  return {
    name: usage.namespace,
    ...usage,
    cpuCoreHours: round(usage.cpuCoreHours),
    memoryGiBHours: round(usage.memoryGiBHours),
    gpuHours: round(usage.gpuHours),
    storageGiBHours: round(usage.storageGiBHours),
    cost: {
      ...cost,
      total: round(cost.cpu + cost.memory + cost.gpu + cost.storage),
    },
    method: 'prometheus',
  };
}

function emptyItem(
  cluster: string,
  namespace: string,
  cost: ClusterCost,
): CostItem {
  return priced(
    {
      cluster,
      namespace,
      cpuCoreHours: 0,
      memoryGiBHours: 0,
      gpuHours: 0,
      storageGiBHours: 0,
    },
    cost.prices ?? {
      cpuCoreHour: 0,
      memoryGiBHour: 0,
      gpuHour: 0,
      storageGiBMonth: 0,
    },
  );
}
