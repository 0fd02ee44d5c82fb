import {
  backupRequestIssues,
  renderBackup,
  renderSchedule,
} from '@cocktailcloud/plugin-cocktail-node';
import { formatManifests, ManifestFormat } from '../cluster/formatManifests';

export interface BackupRenderOptions {
  namespace?: string;
  allNamespaces?: boolean;
  schedule?: string;
  name?: string;
  ttl?: string;
  storageLocation?: string;
  output: ManifestFormat;
}

/** `payments-dev-20261206-231500`, or `payments-dev-daily` for a schedule. */
function defaultName(options: BackupRenderOptions, now: Date): string {
  const what = options.namespace ?? 'cluster';
  if (options.schedule) {
    return `${what}-scheduled`;
  }
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .slice(0, 15);
  return `${what}-${stamp}`;
}

/**
 * `cocktail backup render`: prints a Velero Backup (or, with --schedule, a Schedule) of a
 * namespace or of the whole cluster; 1 with every problem when the input is wrong.
 */
export function backupRenderCommand(
  options: BackupRenderOptions,
  write: (text: string) => void,
  writeError: (text: string) => void,
  now = new Date(),
): number {
  if (Boolean(options.namespace) === Boolean(options.allNamespaces)) {
    writeError(
      '--namespace: name the namespace to back up, or give --all-namespaces for the whole cluster (one of them)',
    );
    return 1;
  }
  const request = {
    name: options.name ?? defaultName(options, now),
    namespace: options.namespace,
    ttl: options.ttl,
    storageLocation: options.storageLocation,
  };
  const issues = backupRequestIssues({
    ...request,
    schedule: options.schedule,
  });
  if (issues.length) {
    writeError(
      issues
        .map(
          issue =>
            `--${
              issue.field === 'storageLocation'
                ? 'storage-location'
                : issue.field
            }: ${issue.message}`,
        )
        .join('\n'),
    );
    return 1;
  }
  const manifest = options.schedule
    ? renderSchedule({ ...request, schedule: options.schedule })
    : renderBackup(request);
  write(formatManifests([manifest], options.output));
  return 0;
}
