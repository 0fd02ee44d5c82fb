import { Manifest } from '../rendering/types';

/**
 * Velero's API version.
 *
 * @public
 */
export const VELERO_API_VERSION = 'velero.io/v1';
/**
 * The namespace Velero runs in, where backups, schedules and restores live.
 *
 * @public
 */
export const VELERO_NAMESPACE = 'velero';
/**
 * The label the suite puts on backups and schedules naming the namespace they cover (`all` for a whole cluster).
 *
 * @public
 */
export const BACKUP_NAMESPACE_LABEL = 'cocktailcloud.io/backup-namespace';

/**
 * What to back up: one namespace (a ServiceMap's) or, without one, every namespace and the
 * cluster-scoped objects.
 *
 * @public
 */
export interface BackupRequest {
  name: string;
  /** The namespace to back up; the whole cluster when not given. */
  namespace?: string;
  /** How long Velero keeps the backup, a Go duration such as `720h0m0s`. */
  ttl?: string;
  /** The BackupStorageLocation; Velero's default when not given. */
  storageLocation?: string;
  /** Extra labels, such as who asked. */
  labels?: Record<string, string>;
}

/**
 * A request issue: which field, and what was wrong.
 *
 * @public
 */
export interface BackupIssue {
  field: string;
  message: string;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const GO_DURATION = /^(\d+(\.\d+)?(h|m|s|ms))+$/;
const CRON_FIELD = /^[0-9*,/\-A-Za-z?LW#]+$/;
const DESCRIPTORS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
];

/**
 * Every problem with a backup request, naming its field.
 *
 * @public
 */
export function backupRequestIssues(
  request: Partial<BackupRequest> & { schedule?: string },
): BackupIssue[] {
  const issues: BackupIssue[] = [];
  if (!request.name || !DNS_SUBDOMAIN.test(request.name)) {
    issues.push({
      field: 'name',
      message: `expected a lower-case DNS name such as payments-dev-manual, got ${JSON.stringify(
        request.name ?? '',
      )}`,
    });
  }
  if (request.namespace !== undefined && !DNS_LABEL.test(request.namespace)) {
    issues.push({
      field: 'namespace',
      message: `expected a namespace name (DNS-1123 label), got ${JSON.stringify(
        request.namespace,
      )}`,
    });
  }
  if (request.ttl !== undefined && !GO_DURATION.test(request.ttl)) {
    issues.push({
      field: 'ttl',
      message: `expected a duration such as 720h0m0s, 24h or 90m, got ${JSON.stringify(
        request.ttl,
      )}`,
    });
  }
  if (
    request.storageLocation !== undefined &&
    !DNS_SUBDOMAIN.test(request.storageLocation)
  ) {
    issues.push({
      field: 'storageLocation',
      message: `expected the name of a BackupStorageLocation, got ${JSON.stringify(
        request.storageLocation,
      )}`,
    });
  }
  if (request.schedule !== undefined) {
    const schedule = request.schedule.trim();
    const fields = schedule.split(/\s+/);
    const valid =
      DESCRIPTORS.includes(schedule) ||
      (fields.length === 5 && fields.every(f => CRON_FIELD.test(f)));
    if (!valid) {
      issues.push({
        field: 'schedule',
        message: `expected a cron schedule of 5 fields (minute hour day-of-month month day-of-week) such as "0 3 * * *", or @daily, got ${JSON.stringify(
          request.schedule,
        )}`,
      });
    }
  }
  return issues;
}

function backupSpec(request: BackupRequest) {
  return {
    includedNamespaces: [request.namespace ?? '*'],
    ...(!request.namespace && { includeClusterResources: true }),
    ...(request.ttl && { ttl: request.ttl }),
    ...(request.storageLocation && {
      storageLocation: request.storageLocation,
    }),
    snapshotVolumes: false,
  };
}

function metadataOf(request: BackupRequest) {
  return {
    name: request.name,
    namespace: VELERO_NAMESPACE,
    labels: {
      'app.kubernetes.io/managed-by': 'cocktail',
      [BACKUP_NAMESPACE_LABEL]: request.namespace ?? 'all',
      ...request.labels,
    },
  };
}

/**
 * A Velero Backup of a namespace or the whole cluster, to run now.
 *
 * @public
 */
export function renderBackup(request: BackupRequest): Manifest {
  return {
    apiVersion: VELERO_API_VERSION,
    kind: 'Backup',
    metadata: metadataOf(request),
    spec: backupSpec(request),
  };
}

/**
 * A Velero Schedule that backs up a namespace or the whole cluster on a cron schedule (UTC).
 *
 * @public
 */
export function renderSchedule(
  request: BackupRequest & { schedule: string },
): Manifest {
  return {
    apiVersion: VELERO_API_VERSION,
    kind: 'Schedule',
    metadata: metadataOf(request),
    spec: {
      schedule: request.schedule.trim(),
      template: backupSpec(request),
      useOwnerReferencesInBackup: false,
    },
  };
}

/**
 * What to restore: a backup, into the namespace it came from or a new one.
 *
 * @public
 */
export interface RestoreRequest {
  name: string;
  backupName: string;
  /** The namespace to restore from the backup; every namespace it holds when not given. */
  namespace?: string;
  /** Restore `namespace` under this name instead. */
  targetNamespace?: string;
  labels?: Record<string, string>;
}

/**
 * A Velero Restore; objects that still exist are left as they are (`existingResourcePolicy: none`).
 *
 * @public
 */
export function renderRestore(request: RestoreRequest): Manifest {
  return {
    apiVersion: VELERO_API_VERSION,
    kind: 'Restore',
    metadata: {
      name: request.name,
      namespace: VELERO_NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': 'cocktail',
        [BACKUP_NAMESPACE_LABEL]:
          request.targetNamespace ?? request.namespace ?? 'all',
        ...request.labels,
      },
    },
    spec: {
      backupName: request.backupName,
      ...(request.namespace && { includedNamespaces: [request.namespace] }),
      ...(request.namespace &&
        request.targetNamespace &&
        request.targetNamespace !== request.namespace && {
          namespaceMapping: { [request.namespace]: request.targetNamespace },
        }),
      existingResourcePolicy: 'none',
      restorePVs: false,
    },
  };
}
