/**
 * The ranges monitoring charts offer.
 *
 * @public
 */
export type MonitoringRange = '1h' | '6h' | '24h' | '7d';

/**
 * What a chart's values count.
 *
 * @public
 */
export type MetricUnit = 'cores' | 'bytes' | 'bytesPerSecond' | 'count';

/**
 * One line of a chart: a pod, a node, an environment or the total, with `[unix seconds, value]`
 * points.
 *
 * @public
 */
export interface MetricSeries {
  name: string;
  points: Array<[number, number]>;
}

/**
 * One chart: its lines, and the request and limit (or quota and allocatable) it is measured
 * against, drawn as reference lines.
 *
 * @public
 */
export interface MetricChart {
  id: string;
  title: string;
  unit: MetricUnit;
  series: MetricSeries[];
  /** The sum of `series`, when adding them up means something. */
  total?: MetricSeries;
  /** The requests (or a quota's requests.*) in `unit`. */
  request?: number;
  /** The limits (or a quota's limits.*, or what the nodes offer) in `unit`. */
  limit?: number;
  /** What the reference lines are called when not "request" and "limit", e.g. "allocatable". */
  referenceLabels?: { request?: string; limit?: string };
}

/**
 * Charts over time from a cluster's Prometheus, or why there are none.
 *
 * @public
 */
export type MonitoringSeriesResponse =
  | {
      available: true;
      range: MonitoringRange;
      /** Unix seconds. */
      start: number;
      end: number;
      step: number;
      charts: MetricChart[];
      /** Parts without data, such as a ServiceMap on a cluster without Prometheus. */
      missing?: Array<{ name: string; reason: string }>;
    }
  | {
      available: false;
      /** Why there is no history, e.g. "No Prometheus is configured for cluster dev". */
      reason: string;
      /** What to install or configure to get it. */
      install: string;
    };
