import { KubeObject } from '../api/types';
import { ObjectStore, StoredEvent } from '../store/ObjectStore';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ControllerContext, ControllerSettings } from './ControllerContext';
import { runCronJob, syncCronJobs } from './cronJobController';
import { reconcileDaemonSet } from './daemonSetController';
import { reconcileDeployment } from './deploymentController';
import { restartCrashingContainers } from './crashingContainers';
import { syncHorizontalPodAutoscalers } from './hpaController';
import { reconcileJob } from './jobController';
import { syncDisruptionBudgets } from './disruptionBudgets';
import { SimulatedKubelet } from './kubelet';
import { reconcileReplicaSet } from './replicaSetController';
import { affectsQuotas, syncResourceQuotas } from './resourceQuotaController';
import { reconcileStatefulSet } from './statefulSetController';
import { reconcileClaim, reconcileNamespace } from './storageAndNamespaces';
import { VeleroController } from './velero/VeleroController';

type Reconciler = (ctx: ControllerContext, object: KubeObject) => void;

const RECONCILERS: Record<string, Reconciler> = {
  Deployment: reconcileDeployment,
  ReplicaSet: reconcileReplicaSet,
  StatefulSet: reconcileStatefulSet,
  DaemonSet: reconcileDaemonSet,
  Job: reconcileJob,
  PersistentVolumeClaim: reconcileClaim,
  Namespace: reconcileNamespace,
};

/**
 * Runs the simulated controllers: every change queues the objects it concerns (the object
 * itself and its controlling owner, and the quotas of its namespace), and the queue is worked
 * off on the next tick, so a burst of changes reconciles each object once.
 */
export class ControllerManager {
  readonly ctx: ControllerContext;
  private readonly kubelet: SimulatedKubelet;
  /** Velero's server, when the cluster serves Velero's kinds. */
  readonly velero?: VeleroController;
  private readonly queue = new Map<
    string,
    { kind: string; namespace?: string; name: string }
  >();
  /** Namespaces whose ResourceQuotas need their usage counted again. */
  private readonly quotaNamespaces = new Set<string>();
  /** Namespaces whose PodDisruptionBudgets need their healthy pods counted again. */
  private readonly budgetNamespaces = new Set<string>();
  private flushScheduled = false;
  private readonly unsubscribe: () => void;
  private readonly syncTimer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    store: ObjectStore,
    registry: ResourceRegistry,
    settings: ControllerSettings,
    load: ControllerContext['load'],
  ) {
    this.ctx = new ControllerContext(store, registry, settings, load);
    this.kubelet = new SimulatedKubelet(this.ctx);
    this.velero = VeleroController.start(this.ctx);
    this.unsubscribe = store.subscribe(event => this.onEvent(event));
    this.syncTimer = setInterval(
      () => this.periodicSync(),
      settings.syncPeriodMs,
    );
    this.syncTimer.unref();
  }

  /** Changes timings while running: a Cluster API that stops making progress, for one. */
  tune(
    settings: Partial<
      Pick<ControllerSettings, 'clusterApiProvisionMs' | 'clusterApiStallAt'>
    >,
  ) {
    Object.assign(this.ctx.settings, settings);
  }

  stop() {
    this.stopped = true;
    this.unsubscribe();
    clearInterval(this.syncTimer);
    this.kubelet.stop();
    this.velero?.stop();
  }

  /** Starts a CronJob's Job now, for tests and demos that cannot wait for its schedule. */
  triggerCronJob(namespace: string, name: string): KubeObject {
    const cronJob = this.ctx.store.get(
      this.ctx.types.cronjobs,
      namespace,
      name,
    );
    if (!cronJob) {
      throw new Error(`cronjob ${namespace}/${name} not found`);
    }
    return runCronJob(this.ctx, cronJob);
  }

  private onEvent(event: StoredEvent) {
    const object = event.object;
    if (object.kind === 'Event') {
      return;
    }
    if (object.kind === 'Pod' && event.type !== 'DELETED') {
      this.kubelet.onPod(object);
    }
    if (event.type !== 'DELETED' && RECONCILERS[object.kind]) {
      this.enqueue(
        object.kind,
        object.metadata.namespace,
        object.metadata.name!,
      );
    }
    const owner = object.metadata.ownerReferences?.find(r => r.controller);
    if (owner && RECONCILERS[owner.kind]) {
      this.enqueue(owner.kind, object.metadata.namespace, owner.name);
    }
    if (affectsQuotas(this.ctx, object, event.previous)) {
      this.quotaNamespaces.add(object.metadata.namespace!);
      this.scheduleFlush();
    }
    if (
      (object.kind === 'Pod' || object.kind === 'PodDisruptionBudget') &&
      object.metadata.namespace
    ) {
      this.budgetNamespaces.add(object.metadata.namespace);
      this.scheduleFlush();
    }
    if (object.kind === 'Node') {
      this.kubelet.scheduleWaiting();
      for (const daemonSet of this.ctx.store.list(this.ctx.types.daemonsets)) {
        this.enqueue(
          'DaemonSet',
          daemonSet.metadata.namespace,
          daemonSet.metadata.name!,
        );
      }
    }
  }

  private enqueue(kind: string, namespace: string | undefined, name: string) {
    this.queue.set(`${kind}/${namespace ?? ''}/${name}`, {
      kind,
      namespace,
      name,
    });
    this.scheduleFlush();
  }

  private scheduleFlush() {
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush() {
    this.flushScheduled = false;
    if (this.stopped) {
      return;
    }
    const items = [...this.queue.values()];
    this.queue.clear();
    for (const { kind, namespace, name } of items) {
      const type = Object.values(this.ctx.types).find(t => t.kind === kind)!;
      const object = this.ctx.store.get(type, namespace, name);
      if (object) {
        try {
          RECONCILERS[kind](this.ctx, object);
        } catch (error) {
          // A reconcile that loses a race (409) is simply retried on the next change.
          if ((error as { code?: number }).code !== 409) {
            throw error;
          }
        }
      }
    }
    const namespaces = [...this.quotaNamespaces];
    this.quotaNamespaces.clear();
    for (const namespace of namespaces) {
      syncResourceQuotas(this.ctx, namespace);
    }
    const budgetNamespaces = [...this.budgetNamespaces];
    this.budgetNamespaces.clear();
    for (const namespace of budgetNamespaces) {
      syncDisruptionBudgets(
        this.ctx.store,
        this.ctx.registry,
        this.ctx.types.pods,
        namespace,
      );
    }
  }

  private periodicSync() {
    if (this.stopped) {
      return;
    }
    syncHorizontalPodAutoscalers(this.ctx);
    restartCrashingContainers(this.ctx);
    syncCronJobs(this.ctx);
    for (const job of this.ctx.store.list(this.ctx.types.jobs)) {
      this.enqueue('Job', job.metadata.namespace, job.metadata.name!);
    }
  }
}
