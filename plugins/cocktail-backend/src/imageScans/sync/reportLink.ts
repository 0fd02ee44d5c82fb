/** A VulnerabilityReport as the list returns it; only the fields the sync reads are typed. */
export interface VulnerabilityReportObject {
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
  };
  report?: { updateTimestamp?: string };
}

/** The workload and container Trivy Operator scanned, from the labels it sets on the report. */
export interface ScannedWorkload {
  kind: string;
  name: string;
  namespace: string;
  container?: string;
}

/** `cluster/namespace/name`: what the sync remembers a report by. */
export function reportKey(
  cluster: string,
  report: VulnerabilityReportObject,
): string {
  return `${cluster}/${report.metadata?.namespace ?? ''}/${
    report.metadata?.name ?? ''
  }`;
}

/**
 * What changes when Trivy Operator rewrites a report: its resourceVersion (any write) and its
 * updateTimestamp (a new scan).
 */
export function reportFingerprint(report: VulnerabilityReportObject): string {
  return `${report.metadata?.resourceVersion ?? ''}|${
    report.report?.updateTimestamp ?? ''
  }`;
}

/**
 * The workload a report is about, from the `trivy-operator.resource.*` and
 * `trivy-operator.container.name` labels; undefined when they are missing.
 */
export function scannedWorkloadOf(
  report: VulnerabilityReportObject,
): ScannedWorkload | undefined {
  const labels = report.metadata?.labels ?? {};
  const kind = labels['trivy-operator.resource.kind'];
  const name = labels['trivy-operator.resource.name'];
  if (!kind || !name) {
    return undefined;
  }
  return {
    kind,
    name,
    namespace:
      labels['trivy-operator.resource.namespace'] ??
      report.metadata?.namespace ??
      '',
    container: labels['trivy-operator.container.name'],
  };
}

/** `Deployment payments-prod/payments-api, container api`, for logs. */
export function describeWorkload(workload: ScannedWorkload | undefined) {
  if (!workload) {
    return 'no workload labels';
  }
  const container = workload.container
    ? `, container ${workload.container}`
    : '';
  return `${workload.kind} ${workload.namespace}/${workload.name}${container}`;
}
