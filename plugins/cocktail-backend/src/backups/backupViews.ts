import {
  BackupScheduleView,
  BackupView,
  RestoreView,
} from '@cocktailcloud/plugin-cocktail-common';

const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';

export function backupView(backup: any): BackupView {
  const status = backup.status ?? {};
  return {
    name: backup.metadata.name,
    phase: status.phase ?? 'New',
    namespaces: backup.spec?.includedNamespaces ?? ['*'],
    items: status.progress?.totalItems,
    errors: status.errors,
    warnings: status.warnings,
    startedAt: status.startTimestamp,
    completedAt: status.completionTimestamp,
    expiresAt: status.expiration,
    schedule: backup.metadata.labels?.[SCHEDULE_NAME_LABEL],
    validationErrors: status.validationErrors,
  };
}

export function scheduleView(schedule: any): BackupScheduleView {
  return {
    name: schedule.metadata.name,
    schedule: schedule.spec?.schedule,
    phase: schedule.status?.phase,
    paused: Boolean(schedule.spec?.paused),
    ttl: schedule.spec?.template?.ttl,
    lastBackupAt: schedule.status?.lastBackup,
    namespaces: schedule.spec?.template?.includedNamespaces ?? ['*'],
  };
}

export function restoreView(restore: any): RestoreView {
  const status = restore.status ?? {};
  const mapping: Record<string, string> = restore.spec?.namespaceMapping ?? {};
  return {
    name: restore.metadata.name,
    backup: restore.spec?.backupName,
    phase: status.phase ?? 'New',
    targetNamespace: Object.values(mapping)[0],
    itemsRestored: status.progress?.itemsRestored,
    totalItems: status.progress?.totalItems,
    errors: status.errors,
    warnings: status.warnings,
    startedAt: status.startTimestamp,
    completedAt: status.completionTimestamp,
    validationErrors: status.validationErrors,
  };
}

/** Whether a backup's or schedule's namespaces hold `namespace` (a whole-cluster one does). */
export function holdsNamespace(
  namespaces: string[],
  namespace: string,
): boolean {
  return namespaces.includes('*') || namespaces.includes(namespace);
}

/** Whether a restore restores `namespace`, or restores into it. */
export function restoresNamespace(restore: any, namespace: string): boolean {
  const included: string[] = restore.spec?.includedNamespaces ?? ['*'];
  const mapping: Record<string, string> = restore.spec?.namespaceMapping ?? {};
  return (
    included.includes(namespace) || Object.values(mapping).includes(namespace)
  );
}

export const newestFirst = <T extends { startedAt?: string; name: string }>(
  a: T,
  b: T,
) =>
  String(b.startedAt ?? '9').localeCompare(String(a.startedAt ?? '9')) ||
  a.name.localeCompare(b.name);
