import { MetricChart } from '@cocktailcloud/plugin-cocktail-common';

/** One row per time for recharts: `{ time, [line name]: value }`. */
export type ChartRow = { time: number } & Record<string, number>;

/** The key of the total line, kept apart from any pod or node called "total". */
export const TOTAL_KEY = '__total';

/** The chart's lines (and its total, when it has more than one line) as rows by time. */
export function chartRows(chart: MetricChart): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const add = (key: string, points: Array<[number, number]>) => {
    for (const [time, value] of points) {
      const row = rows.get(time) ?? ({ time } as ChartRow);
      row[key] = value;
      rows.set(time, row);
    }
  };
  chart.series.forEach(series => add(series.name, series.points));
  if (chart.total && chart.series.length > 1) {
    add(TOTAL_KEY, chart.total.points);
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

/** Whether any line has a point to draw. */
export function hasPoints(chart: MetricChart): boolean {
  return chart.series.some(series => series.points.length > 0);
}
