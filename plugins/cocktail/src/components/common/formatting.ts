/** "45s", "12m", "3h 5m", "2d 4h": short enough for a table cell. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s}s`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)}m`;
  }
  if (s < 86400) {
    const minutes = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const hours = Math.floor((s % 86400) / 3600);
  return `${Math.floor(s / 86400)}d${hours ? ` ${hours}h` : ''}`;
}

/** Seconds since an ISO time, or undefined. */
export function secondsSince(iso: string | undefined, now = Date.now()) {
  if (!iso) {
    return undefined;
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : (now - time) / 1000;
}

export function formatMillicores(millicores: number | undefined): string {
  if (millicores === undefined) {
    return '—';
  }
  return millicores >= 1000
    ? `${(millicores / 1000).toFixed(millicores % 1000 ? 2 : 0)} ${
        millicores === 1000 ? 'core' : 'cores'
      }`
    : `${Math.round(millicores)}m`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return '—';
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${
    BYTE_UNITS[unit]
  }`;
}

export function formatCores(cores: number): string {
  return Number.isInteger(cores) ? `${cores}` : cores.toFixed(2);
}

/** A date and time in the user's locale, with seconds. */
export function formatTimestamp(iso: string | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
