import { KubeObject, ResourceType } from '../../api/types';
import { CLUSTER_API_GROUP } from '../../crds/clusterApiResources';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { StoredEvent } from '../../store/ObjectStore';
import { ControllerContext } from '../ControllerContext';
import {
  CLUSTER_API_GROUPS,
  CLUSTER_FINALIZER,
  clusterNameOf,
  clustersReferencing,
  typeOf,
  typeOfObject,
} from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import { clusterStatus } from './clusterApiStatus';
import { clusterKey, ClusterState, newClusterState } from './ClusterState';
import { beginDeletion } from './deleteCluster';
import { HelmAddonController } from './helmAddons';
import { deleteKubeconfigSecret } from './kubeconfigSecret';
import { deleteMachines, replaceDeletedMachine } from './machines';
import { startProvisioning } from './provisionCluster';
import { syncProvisionedCluster } from './syncProvisionedCluster';
import { WorkloadClusterHost } from './WorkloadClusterHost';

/**
 * Plays Cluster API's controllers on a management cluster. A new Cluster goes Pending →
 * Provisioning → Provisioned; once provisioned a new simulated cluster runs its machines
 * (control plane replicas plus those of its MachineDeployments and MachinePools) and a
 * `<name>-kubeconfig` Secret reaches it. Scaling, version upgrades and deletion follow the
 * objects, one step at a time; a deleted Machine is replaced. HelmChartProxies install their
 * charts as CAAPH does ({@link HelmAddonController}).
 */
export class ClusterApiController {
  private readonly states = new Map<string, ClusterState>();
  private readonly queue = new Set<string>();
  private readonly unsubscribe: () => void;
  private readonly clusterType: ResourceType;
  private readonly scope: ClusterApiScope;
  private readonly addons: HelmAddonController;
  private flushScheduled = false;
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly host: WorkloadClusterHost,
  ) {
    const clusterType = typeOf(ctx, CLUSTER_API_GROUP, 'Cluster');
    if (!clusterType) {
      throw new Error('the Cluster API controller needs the Cluster resource');
    }
    this.clusterType = clusterType;
    this.scope = this.createScope();
    this.addons = new HelmAddonController(ctx, this.scope.stepMs);
    this.unsubscribe = ctx.store.subscribe(event => this.onEvent(event));
    for (const cluster of ctx.store.list(clusterType)) {
      this.enqueue(cluster.metadata.namespace, cluster.metadata.name!);
    }
  }

  /** The simulated cluster a Cluster runs as, once provisioned. */
  workloadCluster(
    namespace: string,
    name: string,
  ): SimulatedCluster | undefined {
    return this.states.get(clusterKey(namespace, name))?.workload;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.addons.stop();
    const workloads: SimulatedCluster[] = [];
    for (const state of this.states.values()) {
      state.timers.forEach(clearTimeout);
      state.timers.clear();
      if (state.workload) {
        workloads.push(state.workload);
      }
    }
    this.states.clear();
    await Promise.all(workloads.map(w => this.host.stop(w).catch(() => {})));
  }

  private createScope(): ClusterApiScope {
    const { ctx, host, clusterType } = this;
    const provisionMs = () => ctx.settings.clusterApiProvisionMs;
    return {
      ctx,
      host,
      clusterType,
      provisionMs,
      stepMs: () => Math.max(20, Math.round(provisionMs() / 6)),
      isStopped: () => this.stopped,
      later: (state, ms, fn) => this.later(state, ms, fn),
      current: (namespace, name, state) => this.current(namespace, name, state),
      enqueue: (namespace, name) => this.enqueue(namespace, name),
      forget: (namespace, name, state) => this.forget(namespace, name, state),
      setStatus: (cluster, status) =>
        ctx.setStatus(clusterType, cluster, status),
      event: (object, reason, message) =>
        ctx.emitEvent(
          object,
          typeOfObject(ctx, object) ?? clusterType,
          reason,
          message,
        ),
      warn: (namespace, name, reason, message) => {
        const cluster = ctx.store.get(clusterType, namespace, name);
        if (cluster) {
          ctx.emitEvent(cluster, clusterType, reason, message, 'Warning');
        }
      },
    };
  }

  private onEvent(event: StoredEvent) {
    const object = event.object;
    const group = event.typeKey.split('/')[0];
    if (!CLUSTER_API_GROUPS.has(group)) {
      return;
    }
    const namespace = object.metadata.namespace;
    if (group === CLUSTER_API_GROUP && object.kind === 'Cluster') {
      this.enqueue(namespace, object.metadata.name!);
      return;
    }
    const clusterName = clusterNameOf(object);
    if (clusterName) {
      if (object.kind === 'Machine' && event.type === 'DELETED') {
        const state = this.states.get(clusterKey(namespace, clusterName));
        if (state?.workload) {
          replaceDeletedMachine(this.scope, state.workload, object);
        }
      }
      this.enqueue(namespace, clusterName);
    }
    for (const cluster of clustersReferencing(
      this.ctx,
      this.clusterType,
      object,
    )) {
      this.enqueue(namespace, cluster.metadata.name!);
    }
  }

  private enqueue(namespace: string | undefined, name: string) {
    this.queue.add(clusterKey(namespace, name));
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
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const [namespace, name] = key.split('/');
      try {
        this.reconcile(namespace, name);
      } catch (error) {
        // A write that loses a race (409) is retried on the next change.
        if ((error as { code?: number }).code !== 409) {
          this.scope.warn(namespace, name, 'ReconcileError', String(error));
        }
      }
    }
  }

  private later(state: ClusterState, ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      if (!this.stopped) {
        fn();
      }
    }, ms);
    state.timers.add(timer);
  }

  private current(namespace: string, name: string, state: ClusterState) {
    const cluster = this.ctx.store.get(this.clusterType, namespace, name);
    return cluster?.metadata.uid === state.uid &&
      this.states.get(clusterKey(namespace, name)) === state
      ? cluster
      : undefined;
  }

  private reconcile(namespace: string, name: string) {
    const key = clusterKey(namespace, name);
    const cluster = this.ctx.store.get(this.clusterType, namespace, name);
    let state = this.states.get(key);
    if (state && state.uid !== cluster?.metadata.uid) {
      this.forget(namespace, name, state);
      state = undefined;
    }
    if (!cluster) {
      return;
    }
    if (!state) {
      state = newClusterState(cluster.metadata.uid!);
      this.states.set(key, state);
      if (!cluster.metadata.deletionTimestamp) {
        startProvisioning(this.scope, cluster, state);
      }
    }
    if (cluster.metadata.deletionTimestamp) {
      beginDeletion(this.scope, cluster, state);
      return;
    }
    if (!cluster.metadata.finalizers?.includes(CLUSTER_FINALIZER)) {
      this.addFinalizer(cluster);
      return; // the update reconciles again
    }
    if (state.stage === 'Provisioned') {
      syncProvisionedCluster(this.scope, cluster, state);
    } else {
      this.scope.setStatus(cluster, clusterStatus(cluster, state.stage));
    }
  }

  private addFinalizer(cluster: KubeObject) {
    this.ctx.update(this.clusterType, {
      ...cluster,
      metadata: {
        ...cluster.metadata,
        finalizers: [...(cluster.metadata.finalizers ?? []), CLUSTER_FINALIZER],
      },
    });
  }

  /** Stops a Cluster's simulated cluster and removes its Secret and Machines. */
  private forget(namespace: string, name: string, state: ClusterState) {
    state.timers.forEach(clearTimeout);
    state.timers.clear();
    this.states.delete(clusterKey(namespace, name));
    if (state.workload) {
      const workload = state.workload;
      state.workload = undefined;
      this.host.stop(workload).catch(() => {});
    }
    deleteKubeconfigSecret(this.ctx, namespace, name, state.uid);
    deleteMachines(this.ctx, namespace, name);
  }
}
