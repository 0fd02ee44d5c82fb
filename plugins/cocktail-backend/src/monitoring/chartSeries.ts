import { MetricSeries } from '@cocktailcloud/plugin-cocktail-common';
import { RangeSeries } from './PrometheusClient';

/** Each series named by one of its labels (`pod`, `node`), or by `fallback` when it has none. */
export function namedSeries(
  series: RangeSeries[],
  label: string,
  fallback = 'total',
): MetricSeries[] {
  return series
    .map(s => ({ name: s.metric[label] ?? fallback, points: s.points }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The point-by-point sum of several series (a missing point counts as nothing). */
export function sumSeries(
  series: MetricSeries[],
  name = 'total',
): MetricSeries {
  const sums = new Map<number, number>();
  for (const s of series) {
    for (const [time, value] of s.points) {
      sums.set(time, (sums.get(time) ?? 0) + value);
    }
  }
  return {
    name,
    points: [...sums.entries()].sort(([a], [b]) => a - b),
  };
}

/** The last value of the series whose `label` is `value` (a request or a limit, say). */
export function latestValue(
  series: RangeSeries[],
  label: string,
  value: string,
): number | undefined {
  const points = series.find(s => s.metric[label] === value)?.points;
  return points?.length ? points[points.length - 1][1] : undefined;
}
