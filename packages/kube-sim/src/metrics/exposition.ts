/** One series' value at scrape time. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** A metric family of Prometheus' text exposition format (version 0.0.4). */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: Sample[];
}

function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+Inf' : '-Inf';
  }
  return String(value);
}

function formatLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}="${escapeLabelValue(value)}"`,
  );
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

/** The families as Prometheus scrapes them (`text/plain; version=0.0.4`). */
export function renderExposition(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      lines.push(
        `${family.name}${formatLabels(sample.labels)} ${formatValue(
          sample.value,
        )}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A Kubernetes label or resource name as kube-state-metrics writes it into a Prometheus label
 * name: every character other than letters, digits and `_` becomes `_`.
 */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}
