import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunningBinary, runMonitoringBinary } from './runMonitoringBinary';

/** Debian's Alertmanager 0.25 (`apt-get install prometheus-alertmanager`), or ALERTMANAGER_PATH. */
export const ALERTMANAGER_PATH =
  process.env.ALERTMANAGER_PATH ?? '/usr/bin/prometheus-alertmanager';

export const alertmanagerAvailable = existsSync(ALERTMANAGER_PATH);

/** A real Alertmanager with `configYaml` (a null receiver when not given), without clustering. */
export function startAlertmanager(
  configYaml = 'route:\n  receiver: none\nreceivers:\n  - name: none\n',
): Promise<RunningBinary> {
  return runMonitoringBinary({
    name: 'alertmanager',
    path: ALERTMANAGER_PATH,
    configYaml,
    args: ({ config, dir, address }) => [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=${address}`,
      '--cluster.listen-address=',
    ],
  });
}
