import { KubernetesManifest as Manifest } from './provisioning';

/**
 * A Velero Backup, as the Backups tab lists it.
 *
 * @public
 */
export interface BackupView {
  name: string;
  /** New, InProgress, Completed, PartiallyFailed, Failed, FailedValidation … */
  phase: string;
  /** The namespaces it holds; `*` for the whole cluster. */
  namespaces: string[];
  items?: number;
  errors?: number;
  warnings?: number;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  /** The Schedule that made it. */
  schedule?: string;
  validationErrors?: string[];
}

/**
 * A Velero Schedule.
 *
 * @public
 */
export interface BackupScheduleView {
  name: string;
  schedule: string;
  phase?: string;
  paused: boolean;
  ttl?: string;
  lastBackupAt?: string;
  namespaces: string[];
}

/**
 * A Velero Restore.
 *
 * @public
 */
export interface RestoreView {
  name: string;
  backup?: string;
  phase: string;
  /** Where the namespace was restored, when it was renamed. */
  targetNamespace?: string;
  itemsRestored?: number;
  totalItems?: number;
  errors?: number;
  warnings?: number;
  startedAt?: string;
  completedAt?: string;
  validationErrors?: string[];
}

/**
 * `GET /servicemaps/:namespace/:name/backups` and `GET /clusters/:name/backups`.
 *
 * @public
 */
export interface BackupsResponse {
  cluster: string;
  /** The namespace covered; absent for a whole cluster. */
  namespace?: string;
  /** False when the cluster has no Velero, with the reason. */
  available: boolean;
  reason?: string;
  backups: BackupView[];
  schedules: BackupScheduleView[];
  restores: RestoreView[];
}

/**
 * The body of `POST …/backups`: back up now, or with `schedule` on a cron schedule.
 *
 * @public
 */
export interface BackupCreateRequest {
  /** The Backup's or Schedule's name; from the namespace and the time when not given. */
  name?: string;
  /** Cron (UTC), such as `0 3 * * *`; a one-off backup when absent. */
  schedule?: string;
  /** How long each backup is kept, such as `720h0m0s`. */
  ttl?: string;
  /** For a cluster: one namespace; the whole cluster when absent. */
  namespace?: string;
  dryRun?: boolean;
}

/**
 * The body of `POST /servicemaps/:namespace/:name/restores`.
 *
 * @public
 */
export interface RestoreCreateRequest {
  backup: string;
  /** The Restore's name; from the backup and the time when not given. */
  name?: string;
  /** Restore into this namespace instead of the ServiceMap's own; it must be unclaimed. */
  targetNamespace?: string;
  dryRun?: boolean;
}

/**
 * What a backup, schedule or restore request did, or in a dry run would do.
 *
 * @public
 */
export interface BackupChangeResult {
  dryRun: boolean;
  changes: string[];
  manifest: Manifest;
}
