import { randomBytes } from 'node:crypto';
import { KubeObject, ResourceType } from '../../api/types';
import { CLUSTER_API_GROUP } from '../../crds/clusterApiResources';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { StoredEvent } from '../../store/ObjectStore';
import { ControllerContext } from '../ControllerContext';
import {
  CLUSTER_API_GROUPS,
  CLUSTER_FINALIZER,
  CLUSTER_NAME_LABEL,
  clusterNameOf,
  clustersReferencing,
  desiredNodePools,
  NodePool,
  resolveRef,
  typeOf,
  typeOfObject,
} from './clusterApiObjects';
import {
  ClusterStage,
  clusterStatus,
  controlPlaneStatus,
  infrastructureStatus,
  workerPoolStatus,
} from './clusterApiStatus';
import {
  kubeconfigSecret,
  kubeconfigSecretName,
  workloadKubeconfig,
} from './kubeconfigSecret';
import { machinesOf, syncMachines } from './machines';
import {
  countsOf,
  kubeletVersionOf,
  nodesByPool,
  nodesConverged,
  PoolChange,
  stepNodes,
  sumCounts,
} from './workloadNodes';
import { WorkloadClusterHost } from './WorkloadClusterHost';

/** What the controller knows of one Cluster between reconciles. */
interface ClusterState {
  uid: string;
  stage: ClusterStage;
  token: string;
  timers: Set<NodeJS.Timeout>;
  workload?: SimulatedCluster;
  starting?: boolean;
  stepScheduled?: boolean;
  nodeIndex: number;
}

function keyOf(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

/**
 * Plays Cluster API's controllers on a management cluster. A new Cluster goes Pending →
 * Provisioning → Provisioned; once provisioned a new simulated cluster runs its machines
 * (control plane replicas plus those of its MachineDeployments and MachinePools) and a
 * `<name>-kubeconfig` Secret reaches it. Scaling, version upgrades and deletion follow the
 * objects, one step at a time.
 */
export class ClusterApiController {
  private readonly states = new Map<string, ClusterState>();
  private readonly queue = new Set<string>();
  private readonly unsubscribe: () => void;
  private readonly clusterType: ResourceType;
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
    this.unsubscribe = ctx.store.subscribe(event => this.onEvent(event));
    for (const cluster of ctx.store.list(clusterType)) {
      this.enqueue(cluster.metadata.namespace, cluster.metadata.name!);
    }
  }

  private get provisionMs() {
    return this.ctx.settings.clusterApiProvisionMs;
  }

  /** Scaling and upgrade steps, and the wait before a deleted Cluster goes. */
  private get stepMs() {
    return Math.max(20, Math.round(this.provisionMs / 6));
  }

  /** The simulated cluster a Cluster runs as, once provisioned. */
  workloadCluster(
    namespace: string,
    name: string,
  ): SimulatedCluster | undefined {
    return this.states.get(keyOf(namespace, name))?.workload;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
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
    this.queue.add(keyOf(namespace, name));
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
          this.warn(namespace, name, 'ReconcileError', String(error));
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
      this.states.get(keyOf(namespace, name)) === state
      ? cluster
      : undefined;
  }

  private reconcile(namespace: string, name: string) {
    const key = keyOf(namespace, name);
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
      state = {
        uid: cluster.metadata.uid!,
        stage: 'Pending',
        token: `kube-sim-capi.${randomBytes(18).toString('base64url')}`,
        timers: new Set(),
        nodeIndex: 0,
      };
      this.states.set(key, state);
      if (!cluster.metadata.deletionTimestamp) {
        this.startProvisioning(cluster, state);
      }
    }
    if (cluster.metadata.deletionTimestamp) {
      this.beginDeletion(cluster, state);
      return;
    }
    if (!cluster.metadata.finalizers?.includes(CLUSTER_FINALIZER)) {
      this.ctx.update(this.clusterType, {
        ...cluster,
        metadata: {
          ...cluster.metadata,
          finalizers: [
            ...(cluster.metadata.finalizers ?? []),
            CLUSTER_FINALIZER,
          ],
        },
      });
      return; // the update reconciles again
    }
    if (state.stage === 'Provisioned') {
      this.syncProvisioned(cluster, state);
    } else {
      this.setStatus(cluster, clusterStatus(cluster, state.stage));
    }
  }

  private startProvisioning(cluster: KubeObject, state: ClusterState) {
    const { namespace, name } = cluster.metadata as {
      namespace: string;
      name: string;
    };
    this.event(
      cluster,
      'Pending',
      `Cluster ${name} is waiting for its infrastructure`,
    );
    this.later(state, Math.round(this.provisionMs / 3), () => {
      const current = this.current(namespace, name, state);
      if (!current || current.metadata.deletionTimestamp) {
        return;
      }
      state.stage = 'Provisioning';
      const infrastructure = resolveRef(
        this.ctx,
        current.spec?.infrastructureRef,
        namespace,
      );
      if (infrastructure) {
        this.ctx.setStatus(
          infrastructure.type,
          infrastructure.object,
          infrastructureStatus(infrastructure.object),
        );
      }
      this.event(
        current,
        'Provisioning',
        `Infrastructure of cluster ${name} is provisioned; initializing its control plane`,
      );
      this.enqueue(namespace, name);
      this.later(
        state,
        this.provisionMs - Math.round(this.provisionMs / 3),
        () => this.startWorkload(namespace, name, state),
      );
    });
  }

  private async startWorkload(
    namespace: string,
    name: string,
    state: ClusterState,
  ) {
    const cluster = this.current(namespace, name, state);
    if (!cluster || cluster.metadata.deletionTimestamp || state.starting) {
      return;
    }
    if (this.ctx.settings.clusterApiStallAt === 'Provisioning') {
      this.later(state, this.stepMs, () =>
        this.startWorkload(namespace, name, state),
      );
      return;
    }
    // As Cluster API waits for the control plane it names before initializing it.
    if (
      cluster.spec?.controlPlaneRef &&
      !resolveRef(this.ctx, cluster.spec.controlPlaneRef, namespace)
    ) {
      this.later(state, this.stepMs, () =>
        this.startWorkload(namespace, name, state),
      );
      return;
    }
    state.starting = true;
    const pools = desiredNodePools(this.ctx, cluster);
    let workload: SimulatedCluster;
    try {
      workload = await this.host.start({
        name,
        namespace,
        token: state.token,
        kubernetesVersion: pools[0].version,
      });
    } catch (error) {
      state.starting = false;
      this.warn(
        namespace,
        name,
        'ProvisioningFailed',
        `Could not start the simulated cluster: ${error}; retrying`,
      );
      this.later(state, this.provisionMs, () =>
        this.startWorkload(namespace, name, state),
      );
      return;
    }
    state.starting = false;
    const now = this.current(namespace, name, state);
    if (this.stopped || !now || now.metadata.deletionTimestamp) {
      await this.host.stop(workload).catch(() => {});
      return;
    }
    state.workload = workload;
    stepNodes(workload, now, pools, () => ++state.nodeIndex);
    state.stage = 'Provisioned';
    this.writeKubeconfigSecret(now, state);
    this.event(
      now,
      'Provisioned',
      `Cluster ${name} is provisioned: simulated cluster ${workload.name} at ${workload.url}`,
    );
    this.enqueue(namespace, name);
  }

  private writeKubeconfigSecret(cluster: KubeObject, state: ClusterState) {
    const secrets = this.ctx.registry.find('', 'v1', 'secrets')!;
    const name = kubeconfigSecretName(cluster.metadata.name!);
    if (this.ctx.store.get(secrets, cluster.metadata.namespace, name)) {
      return;
    }
    this.ctx.store.create(
      secrets,
      kubeconfigSecret(
        cluster,
        this.ctx.ownerReference(cluster, this.clusterType),
        workloadKubeconfig(
          cluster.metadata.name!,
          state.workload!.url,
          state.token,
        ),
      ),
    );
  }

  /** Statuses from the nodes that run, and a step scheduled when they differ from the spec. */
  private syncProvisioned(cluster: KubeObject, state: ClusterState) {
    const workload = state.workload!;
    const pools = desiredNodePools(this.ctx, cluster);
    const { byPool } = nodesByPool(workload, pools);
    const controlPlanePool = pools[0];
    const controlPlaneCounts = countsOf(
      controlPlanePool,
      byPool.get(controlPlanePool)!,
    );
    const workerPools = pools.slice(1);
    const workerCounts = workerPools.map(p => countsOf(p, byPool.get(p)!));

    this.writeKubeconfigSecret(cluster, state);
    syncMachines(this.ctx, cluster, byPool);
    if (controlPlanePool.owner) {
      this.ctx.setStatus(
        controlPlanePool.owner.type,
        controlPlanePool.owner.object,
        controlPlaneStatus(
          controlPlanePool.owner.object,
          controlPlaneCounts,
          this.runningControlPlaneVersion(controlPlanePool, byPool, workload),
        ),
      );
    }
    workerPools.forEach((pool, index) => {
      if (pool.owner) {
        this.ctx.setStatus(
          pool.owner.type,
          pool.owner.object,
          workerPoolStatus(pool.owner.object, workerCounts[index]),
        );
      }
    });
    this.setStatus(
      cluster,
      clusterStatus(cluster, 'Provisioned', {
        controlPlane: controlPlaneCounts,
        ...(workerPools.length && { workers: sumCounts(workerCounts) }),
      }),
    );

    const versionPending =
      workload.kubernetesVersion !== controlPlanePool.version;
    if (
      !state.stepScheduled &&
      (versionPending || !nodesConverged(workload, pools))
    ) {
      state.stepScheduled = true;
      this.later(state, this.stepMs, () => {
        state.stepScheduled = false;
        this.step(cluster.metadata.namespace!, cluster.metadata.name!, state);
      });
    }
  }

  /** The oldest kubelet of the control plane: what a control plane reports while it rolls. */
  private runningControlPlaneVersion(
    pool: NodePool,
    byPool: Map<NodePool, KubeObject[]>,
    workload: SimulatedCluster,
  ): string {
    const versions = byPool
      .get(pool)!
      .map(kubeletVersionOf)
      .filter((v): v is string => Boolean(v));
    return (
      versions.sort(compareKubernetesVersions)[0] ?? workload.kubernetesVersion
    );
  }

  private step(namespace: string, name: string, state: ClusterState) {
    const cluster = this.current(namespace, name, state);
    const workload = state.workload;
    if (!cluster || cluster.metadata.deletionTimestamp || !workload) {
      return;
    }
    const pools = desiredNodePools(this.ctx, cluster);
    const changes = stepNodes(
      workload,
      cluster,
      pools,
      () => ++state.nodeIndex,
    );
    changes.forEach(change => this.reportChange(cluster, change));
    const controlPlane = pools[0];
    const controlPlaneNodes = nodesByPool(workload, [controlPlane]).byPool.get(
      controlPlane,
    )!;
    // The API server reports the new version once a control plane machine runs it.
    if (
      workload.kubernetesVersion !== controlPlane.version &&
      (controlPlane.replicas === 0 ||
        controlPlaneNodes.some(
          n => kubeletVersionOf(n) === controlPlane.version,
        ))
    ) {
      const from = workload.kubernetesVersion;
      workload.setKubernetesVersion(controlPlane.version);
      this.event(
        cluster,
        'ControlPlaneUpgraded',
        `The API server of cluster ${name} now runs ${controlPlane.version} (was ${from})`,
      );
    }
    this.enqueue(namespace, name);
  }

  private reportChange(cluster: KubeObject, change: PoolChange) {
    const { pool } = change;
    const target = pool.owner?.object ?? cluster;
    if (change.added || change.removed) {
      this.event(
        target,
        change.added ? 'SuccessfulScaleUp' : 'SuccessfulScaleDown',
        `Scaled ${pool.ownerKind} ${pool.ownerName} to ${
          pool.replicas
        } machines (${
          change.added ? `+${change.added}` : `-${change.removed}`
        })`,
      );
    }
    if (change.upgraded) {
      this.event(
        target,
        'MachineUpgraded',
        `Rolled a machine of ${pool.ownerKind} ${pool.ownerName} to ${pool.version}`,
      );
    }
  }

  private beginDeletion(cluster: KubeObject, state: ClusterState) {
    if (state.stage === 'Deleting') {
      return;
    }
    state.stage = 'Deleting';
    state.timers.forEach(clearTimeout);
    state.timers.clear();
    state.stepScheduled = false;
    const { namespace, name } = cluster.metadata as {
      namespace: string;
      name: string;
    };
    this.setStatus(cluster, clusterStatus(cluster, 'Deleting'));
    this.event(
      cluster,
      'Deleting',
      `Deleting cluster ${name} and its machines`,
    );
    this.later(state, this.stepMs, () =>
      this.finishDeletion(namespace, name, state),
    );
  }

  private finishDeletion(namespace: string, name: string, state: ClusterState) {
    const cluster = this.current(namespace, name, state);
    if (!cluster) {
      return;
    }
    this.deleteDescendants(cluster);
    this.forget(namespace, name, state);
    this.ctx.update(this.clusterType, {
      ...cluster,
      metadata: {
        ...cluster.metadata,
        finalizers: (cluster.metadata.finalizers ?? []).filter(
          f => f !== CLUSTER_FINALIZER,
        ),
      },
    });
    this.event(cluster, 'Deleted', `Cluster ${name} is deleted`);
  }

  /** What Cluster API removes with a Cluster: its pools, control plane and infrastructure. */
  private deleteDescendants(cluster: KubeObject) {
    const namespace = cluster.metadata.namespace;
    const resolveType = (typeKey: string) =>
      this.ctx.registry.byTypeKey(typeKey);
    const remove = (type: ResourceType, object: KubeObject) => {
      if (this.ctx.store.get(type, namespace, object.metadata.name!)) {
        this.ctx.store.delete(type, namespace, object.metadata.name!, {
          resolveType,
        });
      }
    };
    for (const kind of ['MachineDeployment', 'MachinePool']) {
      const type = typeOf(this.ctx, CLUSTER_API_GROUP, kind);
      for (const pool of type ? this.ctx.store.list(type, namespace) : []) {
        if (clusterNameOf(pool) === cluster.metadata.name) {
          remove(type!, pool);
        }
      }
    }
    for (const field of ['controlPlaneRef', 'infrastructureRef']) {
      const ref = resolveRef(this.ctx, cluster.spec?.[field], namespace);
      if (ref) {
        remove(ref.type, ref.object);
      }
    }
  }

  /** Stops a Cluster's simulated cluster and removes its Secret and Machines. */
  private forget(namespace: string, name: string, state: ClusterState) {
    state.timers.forEach(clearTimeout);
    state.timers.clear();
    this.states.delete(keyOf(namespace, name));
    if (state.workload) {
      const workload = state.workload;
      state.workload = undefined;
      this.host.stop(workload).catch(() => {});
    }
    const secrets = this.ctx.registry.find('', 'v1', 'secrets')!;
    const secret = this.ctx.store.get(
      secrets,
      namespace,
      kubeconfigSecretName(name),
    );
    if (
      secret?.metadata.labels?.[CLUSTER_NAME_LABEL] === name &&
      secret.metadata.ownerReferences?.some(r => r.uid === state.uid)
    ) {
      this.ctx.store.delete(secrets, namespace, secret.metadata.name!);
    }
    const machineType = typeOf(this.ctx, CLUSTER_API_GROUP, 'Machine');
    for (const machine of machineType
      ? machinesOf(this.ctx, {
          metadata: { name, namespace },
        } as KubeObject)
      : []) {
      this.ctx.store.delete(machineType!, namespace, machine.metadata.name!);
    }
  }

  private setStatus(cluster: KubeObject, status: Record<string, unknown>) {
    this.ctx.setStatus(this.clusterType, cluster, status);
  }

  private event(object: KubeObject, reason: string, message: string) {
    const type = typeOfObject(this.ctx, object) ?? this.clusterType;
    this.ctx.emitEvent(object, type, reason, message);
  }

  private warn(
    namespace: string,
    name: string,
    reason: string,
    message: string,
  ) {
    const cluster = this.ctx.store.get(this.clusterType, namespace, name);
    if (cluster) {
      this.ctx.emitEvent(cluster, this.clusterType, reason, message, 'Warning');
    }
  }
}

/** Orders `v1.30.2` before `v1.31.0`: numerically by major, minor and patch. */
function compareKubernetesVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}
