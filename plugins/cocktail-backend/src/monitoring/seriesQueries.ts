/**
 * The PromQL the charts are drawn from, by name; `cocktail.monitoring.queries.<name>` replaces
 * one. Placeholders: `{{labels}}` (the cluster's label matchers, each followed by a comma, or
 * nothing), `{{namespace}}`, `{{server}}` and `{{window}}` (the rate window, such as `2m`).
 * Server queries answer one series per pod (`by (pod)`); the others say in their name what
 * they group by.
 */
export const DEFAULT_SERIES_QUERIES = {
  // The pods of one server, from kube-state-metrics' pod labels.
  serverCpu:
    'sum by (pod) (rate(container_cpu_usage_seconds_total{{{labels}}namespace="{{namespace}}",container!=""}[{{window}}]) * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  serverMemory:
    'sum by (pod) (container_memory_working_set_bytes{{{labels}}namespace="{{namespace}}",container!=""} * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  serverNetworkReceive:
    'sum by (pod) (rate(container_network_receive_bytes_total{{{labels}}namespace="{{namespace}}"}[{{window}}]) * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  serverNetworkTransmit:
    'sum by (pod) (rate(container_network_transmit_bytes_total{{{labels}}namespace="{{namespace}}"}[{{window}}]) * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  serverRestarts:
    'sum by (pod) (kube_pod_container_status_restarts_total{{{labels}}namespace="{{namespace}}"} * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  // Requests and limits of the server's pods, by resource (cpu, memory).
  serverRequests:
    'sum by (resource) (kube_pod_container_resource_requests{{{labels}}namespace="{{namespace}}",resource=~"cpu|memory"} * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  serverLimits:
    'sum by (resource) (kube_pod_container_resource_limits{{{labels}}namespace="{{namespace}}",resource=~"cpu|memory"} * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_labels{{{labels}}namespace="{{namespace}}",label_cocktailcloud_io_server="{{server}}"}))',
  // A ServiceMap's namespace in total, and its quota by resource (requests.cpu, limits.memory…).
  namespaceCpu:
    'sum(rate(container_cpu_usage_seconds_total{{{labels}}namespace="{{namespace}}",container!=""}[{{window}}]))',
  namespaceMemory:
    'sum(container_memory_working_set_bytes{{{labels}}namespace="{{namespace}}",container!=""})',
  namespaceQuota:
    'max by (resource) (kube_resourcequota{{{labels}}namespace="{{namespace}}",type="hard"})',
  // A cluster: each node's CPU and memory (the root cgroup), what nodes offer, running pods.
  clusterNodeCpu:
    'sum by (node) (rate(container_cpu_usage_seconds_total{{{labels}}id="/"}[{{window}}]))',
  clusterNodeMemory:
    'sum by (node) (container_memory_working_set_bytes{{{labels}}id="/"})',
  clusterAllocatable:
    'sum by (resource) (kube_node_status_allocatable{{{labels}}resource=~"cpu|memory"})',
  clusterRunningPods: 'sum(kube_pod_status_phase{{{labels}}phase="Running"})',
};

export type SeriesQueryName = keyof typeof DEFAULT_SERIES_QUERIES;

/** A label value inside double quotes in PromQL. */
function quoteLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** Fills a query's placeholders; the values are quoted where they stand inside a string. */
export function fillQuery(
  template: string,
  values: {
    labels: Record<string, string>;
    namespace?: string;
    server?: string;
    window: string;
  },
): string {
  const labels = Object.entries(values.labels)
    .map(([name, value]) => `${name}="${quoteLabelValue(value)}",`)
    .join('');
  return template
    .replace(/\{\{labels\}\}/g, labels)
    .replace(/\{\{namespace\}\}/g, quoteLabelValue(values.namespace ?? ''))
    .replace(/\{\{server\}\}/g, quoteLabelValue(values.server ?? ''))
    .replace(/\{\{window\}\}/g, values.window);
}
