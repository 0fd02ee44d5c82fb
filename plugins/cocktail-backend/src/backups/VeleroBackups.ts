import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  BackupChangeResult,
  BackupsResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  backupRequestIssues,
  Manifest,
  renderBackup,
  renderRestore,
  renderSchedule,
  VELERO_API_VERSION,
  VELERO_NAMESPACE,
} from '@cocktailcloud/plugin-cocktail-node';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import {
  backupView,
  holdsNamespace,
  newestFirst,
  restoresNamespace,
  restoreView,
  scheduleView,
} from './backupViews';

const REQUESTED_BY_ANNOTATION = 'cocktailcloud.io/requested-by';

/** `20261206-231500`: when a backup or restore was asked for, for its name. */
export function timestampSuffix(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function withRequester(manifest: Manifest, actor: string): Manifest {
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      annotations: {
        ...manifest.metadata.annotations,
        [REQUESTED_BY_ANNOTATION]: actor,
      },
    },
  };
}

function refuseIssues(issues: Array<{ field: string; message: string }>) {
  if (issues.length) {
    throw new InputError(
      issues.map(i => `${i.field}: ${i.message}`).join('; '),
    );
  }
}

/**
 * Velero's Backups, Schedules and Restores in one cluster's `velero` namespace: what the
 * Backups tab lists (for one namespace, or the whole cluster), and the requests it makes.
 */
export class VeleroBackups {
  constructor(private readonly ops: KubernetesOperations) {}

  private async listKind(kind: string) {
    return this.ops.list(VELERO_API_VERSION, kind, VELERO_NAMESPACE, '');
  }

  /** Why Velero cannot be used here, or undefined when its kinds are served. */
  async unavailableReason(): Promise<string | undefined> {
    try {
      await this.listKind('Backup');
      return undefined;
    } catch (error) {
      if (
        error instanceof NotFoundError ||
        /not found|unrecognized|404/i.test(String(error))
      ) {
        return `Velero is not installed on cluster ${this.ops.cluster} (it does not serve velero.io/v1 Backups): install the velero add-on`;
      }
      throw error;
    }
  }

  async list(namespace?: string): Promise<BackupsResponse> {
    const base = { cluster: this.ops.cluster, ...(namespace && { namespace }) };
    const reason = await this.unavailableReason();
    if (reason) {
      return {
        ...base,
        available: false,
        reason,
        backups: [],
        schedules: [],
        restores: [],
      };
    }
    const [backups, schedules, restores] = await Promise.all([
      this.listKind('Backup'),
      this.listKind('Schedule'),
      this.listKind('Restore'),
    ]);
    const forNamespace = <T extends { namespaces: string[] }>(view: T) =>
      !namespace || holdsNamespace(view.namespaces, namespace);
    return {
      ...base,
      available: true,
      backups: backups.map(backupView).filter(forNamespace).sort(newestFirst),
      schedules: schedules
        .map(scheduleView)
        .filter(s => !namespace || s.namespaces.includes(namespace))
        .sort((a, b) => a.name.localeCompare(b.name)),
      restores: restores
        .filter(r => !namespace || restoresNamespace(r, namespace))
        .map(restoreView)
        .sort(newestFirst),
    };
  }

  private async requireVelero() {
    const reason = await this.unavailableReason();
    if (reason) {
      throw new ConflictError(reason);
    }
  }

  private async apply(
    manifest: Manifest,
    dryRun: boolean,
    changes: string[],
  ): Promise<BackupChangeResult> {
    await this.requireVelero();
    const existing = await this.ops.read({
      apiVersion: manifest.apiVersion,
      kind: manifest.kind,
      namespace: VELERO_NAMESPACE,
      name: manifest.metadata.name!,
    });
    if (existing) {
      throw new ConflictError(
        `name: a ${manifest.kind} named ${manifest.metadata.name} already exists in ${VELERO_NAMESPACE} on ${this.ops.cluster}; choose another name`,
      );
    }
    await this.ops.apply(manifest, { dryRun: true });
    if (!dryRun) {
      await this.ops.apply(manifest, { dryRun: false });
    }
    return { dryRun, changes, manifest };
  }

  /** A Backup now, or a Schedule: of one namespace, or of the whole cluster without one. */
  async backUp(
    request: {
      name: string;
      namespace?: string;
      schedule?: string;
      ttl?: string;
      dryRun: boolean;
    },
    actor: string,
  ): Promise<BackupChangeResult> {
    refuseIssues(backupRequestIssues(request));
    const what = request.namespace
      ? `namespace ${request.namespace}`
      : 'every namespace and the cluster-scoped objects';
    const manifest = withRequester(
      request.schedule
        ? renderSchedule({ ...request, schedule: request.schedule })
        : renderBackup(request),
      actor,
    );
    const keep = request.ttl
      ? `, kept for ${request.ttl}`
      : ", kept for Velero's default of 30 days";
    const changes = request.schedule
      ? [
          `Create Schedule ${VELERO_NAMESPACE}/${request.name} on ${this.ops.cluster}: back up ${what} on "${request.schedule}" (UTC)${keep}; the first backup runs now`,
        ]
      : [
          `Create Backup ${VELERO_NAMESPACE}/${request.name} on ${this.ops.cluster}: back up ${what} now${keep}`,
        ];
    return this.apply(manifest, request.dryRun, changes);
  }

  /** A Restore of one namespace from a completed backup that holds it, into it or a new one. */
  async restore(
    request: {
      name: string;
      backup: string;
      namespace: string;
      targetNamespace?: string;
      dryRun: boolean;
    },
    actor: string,
  ): Promise<BackupChangeResult> {
    await this.requireVelero();
    const backup = await this.ops.read({
      apiVersion: VELERO_API_VERSION,
      kind: 'Backup',
      namespace: VELERO_NAMESPACE,
      name: request.backup,
    });
    if (
      !backup ||
      !holdsNamespace(backupView(backup).namespaces, request.namespace)
    ) {
      throw new NotFoundError(
        `backup: no backup ${request.backup} of namespace ${request.namespace} on ${this.ops.cluster}`,
      );
    }
    if (backup.status?.phase !== 'Completed') {
      throw new ConflictError(
        `backup: ${request.backup} is ${
          backup.status?.phase ?? 'New'
        }; only a Completed backup can be restored`,
      );
    }
    const target = request.targetNamespace ?? request.namespace;
    const manifest = withRequester(
      renderRestore({
        name: request.name,
        backupName: request.backup,
        namespace: request.namespace,
        targetNamespace: target,
      }),
      actor,
    );
    return this.apply(manifest, request.dryRun, [
      `Create Restore ${VELERO_NAMESPACE}/${request.name} on ${
        this.ops.cluster
      }: restore namespace ${request.namespace} from backup ${request.backup}${
        target === request.namespace ? '' : ` into the new namespace ${target}`
      }`,
      'Objects that still exist are left as they are; what the backup holds and is missing is recreated',
    ]);
  }

  async deleteSchedule(
    name: string,
    namespace: string,
    dryRun: boolean,
  ): Promise<BackupChangeResult> {
    await this.requireVelero();
    const schedule = await this.ops.read({
      apiVersion: VELERO_API_VERSION,
      kind: 'Schedule',
      namespace: VELERO_NAMESPACE,
      name,
    });
    // Only a schedule of this namespace alone: one that also covers others is not the ServiceMap's to remove.
    const namespaces = schedule ? scheduleView(schedule).namespaces : [];
    if (namespaces.length !== 1 || namespaces[0] !== namespace) {
      throw new NotFoundError(
        `schedule: no backup schedule ${name} of namespace ${namespace} on ${this.ops.cluster}`,
      );
    }
    if (!dryRun) {
      await this.ops.delete({
        apiVersion: VELERO_API_VERSION,
        kind: 'Schedule',
        namespace: VELERO_NAMESPACE,
        name,
      });
    }
    return {
      dryRun,
      changes: [
        `Delete Schedule ${VELERO_NAMESPACE}/${name}: no more backups on "${schedule.spec?.schedule}"; the backups it made stay until they expire`,
      ],
      manifest: schedule,
    };
  }
}
