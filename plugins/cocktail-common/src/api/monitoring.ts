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

/**
 * An alert from the cluster's Alertmanager, as the portal shows it.
 *
 * @public
 */
export interface AlertView {
  fingerprint: string;
  /** The alert rule's name, e.g. `CocktailServerCpuNearLimit`. */
  name: string;
  /** The `severity` label: `critical`, `warning`, `info`, or what the rule says. */
  severity: string;
  summary: string;
  description?: string;
  /** ISO 8601. */
  startsAt: string;
  /** `silenced` while a silence (or an inhibition) holds its notifications back. */
  state: 'firing' | 'silenced';
  silencedBy: string[];
  labels: Record<string, string>;
}

/**
 * A silence of the entity's alerts.
 *
 * @public
 */
export interface SilenceView {
  id: string;
  matchers: Array<{ name: string; value: string }>;
  /** ISO 8601. */
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  state: 'active' | 'pending' | 'expired';
}

/**
 * The entity's active alerts and silences, or why there are none to show.
 *
 * @public
 */
export type AlertsResponse =
  | { available: true; alerts: AlertView[]; silences: SilenceView[] }
  | { available: false; reason: string; install: string };

/**
 * Holds back an entity's alerts (all of them, or one rule's) for a while.
 *
 * @public
 */
export interface SilenceRequest {
  durationMinutes: number;
  comment: string;
  /** Only this alert rule's alerts; all of the entity's when absent. */
  alertname?: string;
}
