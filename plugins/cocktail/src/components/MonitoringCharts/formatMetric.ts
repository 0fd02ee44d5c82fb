import {
  MetricUnit,
  MonitoringRange,
} from '@cocktailcloud/plugin-cocktail-common';
import { formatBytes, formatMillicores } from '../common/formatting';

/** A chart value with its unit: "250m" or "1.50 cores", "312 MiB", "4.2 KiB/s", "3". */
export function formatMetric(
  unit: MetricUnit,
  value: number | undefined,
): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  switch (unit) {
    case 'cores':
      return formatMillicores(value * 1000);
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

/** A time axis tick: hours and minutes within a day, else the day and hour. */
export function formatTick(
  range: MonitoringRange,
  unixSeconds: number,
): string {
  const date = new Date(unixSeconds * 1000);
  return range === '7d'
    ? date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit' })
    : date.toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
      });
}
