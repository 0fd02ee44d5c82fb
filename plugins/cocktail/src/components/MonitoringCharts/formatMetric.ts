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

/** An axis tick: as short as the axis allows ("550m", "1.65" cores; "858 MiB"; "3"). */
export function formatAxisTick(unit: MetricUnit, value: number): string {
  if (unit === 'cores') {
    if (value === 0) {
      return '0';
    }
    return value < 1
      ? `${Math.round(value * 1000)}m`
      : `${Number(value.toFixed(2))}`;
  }
  return formatMetric(unit, value);
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

/** The next round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), for the axis end. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(
    multiple => multiple * power >= value,
  )!;
  return step * power;
}
