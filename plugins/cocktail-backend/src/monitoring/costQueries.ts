/**
 * What a namespace was allocated over a period, by namespace, from Prometheus: each query is a
 * subquery at a resolution of `{{step}}` seconds (5 minutes unless configured) summed and
 * turned into hours. `{{labels}}` are the cluster's matchers, `{{namespaces}}` a regex of the
 * namespaces, `{{period}}` e.g. `7d`.
 */
const RUNNING_PODS =
  'max by (namespace, pod) (kube_pod_status_phase{{{labels}}phase="Running"} == 1)';
const requested = (resource: string) =>
  `sum by (namespace) (kube_pod_container_resource_requests{{{labels}}namespace=~"{{namespaces}}",resource="${resource}"} * on (namespace, pod) group_left () ${RUNNING_PODS})`;
const STEP_HOURS = '({{step}} / 3600)';
/** The higher of two per-namespace series, step by step; either alone where the other is absent. */
const higher = (a: string, b: string) => `((${a} > ${b}) or ${b} or ${a})`;
const hoursOf = (perStep: string) =>
  `sum by (namespace) (sum_over_time((${perStep})[{{period}}:{{step}}s])) * ${STEP_HOURS}`;

export const COST_QUERIES = {
  cpuCoreHours: hoursOf(
    higher(
      `sum by (namespace) (rate(container_cpu_usage_seconds_total{{{labels}}namespace=~"{{namespaces}}",container!=""}[5m]))`,
      requested('cpu'),
    ),
  ),
  memoryGiBHours: hoursOf(
    `${higher(
      `sum by (namespace) (container_memory_working_set_bytes{{{labels}}namespace=~"{{namespaces}}",container!=""})`,
      requested('memory'),
    )} / 2^30`,
  ),
  gpuHours: hoursOf(requested('nvidia_com_gpu')),
  storageGiBHours: hoursOf(
    `sum by (namespace) (kube_persistentvolumeclaim_resource_requests_storage_bytes{{{labels}}namespace=~"{{namespaces}}"}) / 2^30`,
  ),
  /** Hours of the period in which Prometheus had the cluster's series. */
  coveredHours: `sum_over_time((max(kube_node_info{{{labels}}}) > bool 0)[{{period}}:{{step}}s]) * ${STEP_HOURS}`,
};

export type CostQueryName = keyof typeof COST_QUERIES;

const regexEscape = (value: string) =>
  value.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');

/** Fills a cost query for the namespaces (exact names) of one cluster over `period`. */
export function fillCostQuery(
  template: string,
  values: {
    labels: Record<string, string>;
    namespaces: string[];
    period: string;
    stepSeconds: number;
  },
): string {
  const labels = Object.entries(values.labels)
    .map(
      ([name, value]) =>
        `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}",`,
    )
    .join('');
  return template
    .replace(/\{\{labels\}\}/g, labels)
    .replace(
      /\{\{namespaces\}\}/g,
      values.namespaces.map(regexEscape).join('|') || '.+',
    )
    .replace(/\{\{period\}\}/g, values.period)
    .replace(/\{\{step\}\}/g, String(values.stepSeconds));
}
