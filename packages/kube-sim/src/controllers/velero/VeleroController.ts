import { KubeObject, ResourceType } from '../../api/types';
import { VELERO_GROUP, VELERO_VERSION } from '../../crds/veleroResources';
import { StoredEvent } from '../../store/ObjectStore';
import { ControllerContext } from '../ControllerContext';
import { cronFiresAt, cronScheduleError } from '../cronSchedule';
import { BackedUpItem, collectBackupItems } from './backupContents';
import { parseGoDuration } from './goDuration';
import { restoreItems } from './restoreItems';

const DEFAULT_TTL = '720h0m0s';
const VELERO_NAMESPACE = 'velero';
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';

interface VeleroTypes {
  backups: ResourceType;
  restores: ResourceType;
  schedules: ResourceType;
  locations: ResourceType;
}

/** `20261206231500`: how Velero names a scheduled backup after its time. */
function timestampSuffix(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function isNew(object: KubeObject) {
  return !object.status?.phase || object.status.phase === 'New';
}

/**
 * Plays Velero's server in a simulated cluster, installed in the `velero` namespace with an
 * available `default` BackupStorageLocation: a new Backup goes InProgress and then
 * Completed, holding a copy of what it selected (kept in memory, as object storage would keep
 * it); a Restore recreates what its backup holds; a Schedule makes a Backup when it is created
 * (unless `skipImmediately`) and whenever its cron schedule fires; expired Backups go.
 */
export class VeleroController {
  private readonly contents = new Map<string, BackedUpItem[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribe: () => void;
  private readonly syncTimer: NodeJS.Timeout;

  static start(ctx: ControllerContext): VeleroController | undefined {
    const find = (plural: string) =>
      ctx.registry.find(VELERO_GROUP, VELERO_VERSION, plural);
    const types = {
      backups: find('backups'),
      restores: find('restores'),
      schedules: find('schedules'),
      locations: find('backupstoragelocations'),
    };
    return Object.values(types).every(Boolean)
      ? new VeleroController(ctx, types as VeleroTypes)
      : undefined;
  }

  private constructor(
    private readonly ctx: ControllerContext,
    private readonly types: VeleroTypes,
  ) {
    this.install();
    this.unsubscribe = ctx.store.subscribe(event => this.onEvent(event));
    this.syncTimer = setInterval(
      () => this.sync(new Date()),
      ctx.settings.syncPeriodMs,
    );
    this.syncTimer.unref();
  }

  /** What installing Velero leaves: its namespace and an available `default` storage location. */
  private install() {
    const { namespaces } = this.ctx.types;
    if (!this.ctx.store.get(namespaces, undefined, VELERO_NAMESPACE)) {
      this.ctx.store.create(namespaces, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: VELERO_NAMESPACE,
          labels: { 'kubernetes.io/metadata.name': VELERO_NAMESPACE },
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
    }
    this.ctx.store.create(this.types.locations, {
      apiVersion: `${VELERO_GROUP}/${VELERO_VERSION}`,
      kind: 'BackupStorageLocation',
      metadata: { name: 'default', namespace: VELERO_NAMESPACE },
      spec: {
        provider: 'kube-sim',
        default: true,
        objectStorage: { bucket: 'kube-sim-backups' },
      },
      status: { phase: 'Available' },
    });
  }

  stop() {
    this.unsubscribe();
    clearInterval(this.syncTimer);
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private later(fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, this.ctx.settings.syncPeriodMs);
    this.timers.add(timer);
  }

  private onEvent(event: StoredEvent) {
    const object = event.object;
    if (object.apiVersion?.split('/')[0] !== VELERO_GROUP) {
      return;
    }
    if (event.type === 'DELETED') {
      if (object.kind === 'Backup') {
        this.contents.delete(object.metadata.uid!);
      }
      return;
    }
    if (object.kind === 'Backup' && isNew(object)) {
      this.startBackup(object);
    } else if (object.kind === 'Restore' && isNew(object)) {
      this.startRestore(object);
    } else if (object.kind === 'Schedule') {
      this.checkSchedule(object);
    }
  }

  private current(type: ResourceType, object: KubeObject) {
    return this.ctx.store.get(
      type,
      object.metadata.namespace,
      object.metadata.name!,
    );
  }

  private setStatus(type: ResourceType, object: KubeObject, status: object) {
    const current = this.current(type, object);
    if (current) {
      this.ctx.setStatus(type, current, { ...current.status, ...status });
    }
  }

  private locationError(backup: KubeObject): string | undefined {
    const name = backup.spec?.storageLocation;
    if (
      name &&
      !this.ctx.store.get(this.types.locations, backup.metadata.namespace, name)
    ) {
      return `an existing backup storage location was not specified at backup creation time and the server default ${name} does not exist`;
    }
    return undefined;
  }

  private startBackup(backup: KubeObject) {
    const { backups } = this.types;
    const problem = this.locationError(backup);
    const started = new Date();
    if (problem) {
      this.setStatus(backups, backup, {
        phase: 'FailedValidation',
        validationErrors: [problem],
        version: 1,
      });
      return;
    }
    this.setStatus(backups, backup, {
      phase: 'InProgress',
      startTimestamp: started.toISOString(),
      version: 1,
      formatVersion: '1.1.0',
    });
    this.later(() => this.completeBackup(backup, started));
  }

  private completeBackup(backup: KubeObject, started: Date) {
    const current = this.current(this.types.backups, backup);
    if (!current) {
      return;
    }
    const items = collectBackupItems(this.ctx, current.spec ?? {});
    this.contents.set(current.metadata.uid!, items);
    const ttl =
      parseGoDuration(current.spec?.ttl ?? DEFAULT_TTL) ??
      parseGoDuration(DEFAULT_TTL)!;
    this.setStatus(this.types.backups, current, {
      phase: 'Completed',
      completionTimestamp: new Date().toISOString(),
      expiration: new Date(started.getTime() + ttl).toISOString(),
      progress: { totalItems: items.length, itemsBackedUp: items.length },
      errors: 0,
      warnings: 0,
    });
    this.ctx.emitEvent(
      current,
      this.types.backups,
      'BackupCompleted',
      `backed up ${items.length} items`,
    );
  }

  /** The Backup a Restore names, or the latest completed one of the Schedule it names. */
  private backupFor(restore: KubeObject): KubeObject | undefined {
    const { backups } = this.types;
    const namespace = restore.metadata.namespace;
    if (restore.spec?.backupName) {
      return this.ctx.store.get(backups, namespace, restore.spec.backupName);
    }
    return this.ctx.store
      .list(backups, namespace)
      .filter(
        b =>
          b.metadata.labels?.[SCHEDULE_NAME_LABEL] ===
            restore.spec?.scheduleName && b.status?.phase === 'Completed',
      )
      .sort((a, b) =>
        String(b.status.startTimestamp).localeCompare(
          String(a.status.startTimestamp),
        ),
      )[0];
  }

  private startRestore(restore: KubeObject) {
    const { restores } = this.types;
    const backup = this.backupFor(restore);
    const items = backup && this.contents.get(backup.metadata.uid!);
    if (!backup || backup.status?.phase !== 'Completed' || !items) {
      const which = restore.spec?.backupName
        ? `backup ${restore.spec.backupName}`
        : `a completed backup of schedule ${restore.spec?.scheduleName}`;
      this.setStatus(restores, restore, {
        phase: 'FailedValidation',
        validationErrors: [
          backup
            ? `${which} is ${backup.status?.phase ?? 'New'}, not Completed`
            : `${which} was not found`,
        ],
      });
      return;
    }
    this.setStatus(restores, restore, {
      phase: 'InProgress',
      startTimestamp: new Date().toISOString(),
    });
    this.later(() => {
      const current = this.current(restores, restore);
      if (!current) {
        return;
      }
      const result = restoreItems(this.ctx, items, {
        ...current,
        spec: { ...current.spec, backupName: backup.metadata.name },
      });
      this.setStatus(restores, current, {
        phase: result.errors.length ? 'PartiallyFailed' : 'Completed',
        completionTimestamp: new Date().toISOString(),
        progress: {
          totalItems: result.totalItems,
          itemsRestored: result.itemsRestored,
        },
        warnings: result.warnings.length,
        errors: result.errors.length,
      });
      this.ctx.emitEvent(
        current,
        restores,
        'RestoreCompleted',
        `restored ${result.itemsRestored} of ${
          result.totalItems
        } items from backup ${backup.metadata.name}${
          result.warnings.length ? `; ${result.warnings.join('; ')}` : ''
        }`,
        result.errors.length ? 'Warning' : 'Normal',
      );
    });
  }

  private checkSchedule(schedule: KubeObject) {
    const problem = cronScheduleError(String(schedule.spec?.schedule ?? ''));
    if (problem) {
      this.setStatus(this.types.schedules, schedule, {
        phase: 'FailedValidation',
        validationErrors: [`invalid schedule: ${problem}`],
      });
      return;
    }
    if (schedule.status?.phase !== 'Enabled') {
      this.setStatus(this.types.schedules, schedule, {
        phase: 'Enabled',
        validationErrors: undefined,
      });
      if (
        !schedule.status?.lastBackup &&
        !schedule.spec?.skipImmediately &&
        !schedule.spec?.paused
      ) {
        this.runSchedule(schedule, new Date());
      }
    }
  }

  private runSchedule(schedule: KubeObject, at: Date) {
    const { backups, schedules } = this.types;
    const name = `${schedule.metadata.name}-${timestampSuffix(at)}`;
    if (this.ctx.store.get(backups, schedule.metadata.namespace, name)) {
      return;
    }
    this.ctx.store.create(backups, {
      apiVersion: `${VELERO_GROUP}/${VELERO_VERSION}`,
      kind: 'Backup',
      metadata: {
        name,
        namespace: schedule.metadata.namespace,
        labels: { [SCHEDULE_NAME_LABEL]: schedule.metadata.name! },
      },
      spec: schedule.spec?.template ?? {},
    });
    this.setStatus(schedules, schedule, { lastBackup: at.toISOString() });
  }

  private sync(now: Date) {
    const { backups, schedules } = this.types;
    for (const schedule of this.ctx.store.list(schedules)) {
      const last = schedule.status?.lastBackup
        ? Date.parse(schedule.status.lastBackup)
        : 0;
      const sameMinute =
        Math.floor(last / 60_000) === Math.floor(now.getTime() / 60_000);
      if (
        schedule.status?.phase === 'Enabled' &&
        !schedule.spec?.paused &&
        !sameMinute &&
        cronFiresAt(schedule.spec.schedule, now)
      ) {
        this.runSchedule(schedule, now);
      }
    }
    for (const backup of this.ctx.store.list(backups)) {
      const expiration = backup.status?.expiration;
      if (expiration && Date.parse(expiration) <= now.getTime()) {
        this.ctx.store.delete(
          backups,
          backup.metadata.namespace,
          backup.metadata.name!,
        );
      }
    }
  }
}
