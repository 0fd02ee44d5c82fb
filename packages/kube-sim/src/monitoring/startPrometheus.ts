import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunningBinary, runMonitoringBinary } from './runMonitoringBinary';

/** Debian's Prometheus 2.42 (`apt-get install prometheus`), or PROMETHEUS_PATH. */
export const PROMETHEUS_PATH =
  process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';

/** Whether the real Prometheus binary is here; tests that need it are skipped otherwise. */
export const prometheusAvailable = existsSync(PROMETHEUS_PATH);

export type RunningPrometheus = RunningBinary;

/** Starts a real Prometheus with `configYaml` and a throwaway TSDB (or `storagePath`). */
export function startPrometheus(
  configYaml: string,
  options: { storagePath?: string; extraArgs?: string[] } = {},
): Promise<RunningPrometheus> {
  return runMonitoringBinary({
    name: 'prometheus',
    path: PROMETHEUS_PATH,
    configYaml,
    args: ({ config, dir, address }) => [
      `--config.file=${config}`,
      `--storage.tsdb.path=${options.storagePath ?? join(dir, 'data')}`,
      `--web.listen-address=${address}`,
      '--storage.tsdb.retention.time=3650d',
      ...(options.extraArgs ?? []),
    ],
  });
}
