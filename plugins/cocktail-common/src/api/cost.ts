/**
 * The periods cost is reported over, ending now.
 *
 * @public
 */
export type CostPeriod = '24h' | '7d' | '30d';

/**
 * What one ServiceMap (or namespace) was allocated over the period, and what that cost.
 *
 * @public
 */
export interface CostItem {
  /** The environment, ServiceMap or namespace. */
  name: string;
  cluster: string;
  namespace: string;
  /** CPU cores × hours charged: requests, or use where it was higher. */
  cpuCoreHours: number;
  /** Memory GiB × hours charged: requests, or the working set where it was higher. */
  memoryGiBHours: number;
  gpuHours: number;
  /** Persistent volume claims' GiB × hours. */
  storageGiBHours: number;
  cost: {
    cpu: number;
    memory: number;
    gpu: number;
    storage: number;
    total: number;
  };
  /** `prometheus` (usage × prices) or `opencost` (its allocation API). */
  method: 'prometheus' | 'opencost';
}

/**
 * The prices cost is computed with (Prometheus method), per cluster after overrides.
 *
 * @public
 */
export interface CostPrices {
  cpuCoreHour: number;
  memoryGiBHour: number;
  gpuHour: number;
  storageGiBMonth: number;
}

/**
 * Cost over a period, or why there is none.
 *
 * @public
 */
export type CostResponse =
  | {
      available: true;
      period: CostPeriod;
      currency: string;
      total: number;
      items: CostItem[];
      /** The prices of each cluster in the answer, by cluster name. */
      prices: Record<string, CostPrices>;
      /** Hours of the period with data, per cluster (less than the period on a young Prometheus). */
      coveredHours: Record<string, number>;
      /** Parts without data, such as a ServiceMap on a cluster without Prometheus. */
      missing?: Array<{ name: string; reason: string }>;
    }
  | { available: false; reason: string; install: string };
