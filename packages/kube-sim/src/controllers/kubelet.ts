import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { runningPodStatus, succeededPodStatus } from './pods';

/**
 * Plays the scheduler and the kubelets: binds a new pod to the schedulable (not cordoned) node
 * with fewest pods, makes it Running and Ready after the configured delay, and finishes a Job's
 * pods after their run time.
 * A pod marked for deletion is removed at once (no grace period).
 */
export class SimulatedKubelet {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly ctx: ControllerContext) {}

  stop() {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  onPod(pod: KubeObject) {
    if (pod.metadata.deletionTimestamp) {
      return;
    }
    if (!pod.spec?.nodeName) {
      this.schedule(pod);
    } else if (pod.status?.phase === 'Pending') {
      this.later(this.ctx.settings.podReadyDelayMs, () => this.start(pod));
    }
  }

  private later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private current(pod: KubeObject) {
    return this.ctx.store.get(
      this.ctx.types.pods,
      pod.metadata.namespace,
      pod.metadata.name!,
    );
  }

  /** Binds the pods still waiting for a node, as when a cordoned node is uncordoned. */
  scheduleWaiting() {
    for (const pod of this.ctx.store.list(this.ctx.types.pods)) {
      if (!pod.spec?.nodeName && !pod.metadata.deletionTimestamp) {
        this.schedule(pod);
      }
    }
  }

  private schedule(pod: KubeObject) {
    const nodes = this.ctx.store
      .list(this.ctx.types.nodes)
      .filter(node => !node.spec?.unschedulable);
    if (!nodes.length) {
      return;
    }
    const podsPerNode = new Map(nodes.map(n => [n.metadata.name!, 0]));
    for (const other of this.ctx.store.list(this.ctx.types.pods)) {
      if (other.spec?.nodeName && podsPerNode.has(other.spec.nodeName)) {
        podsPerNode.set(
          other.spec.nodeName,
          podsPerNode.get(other.spec.nodeName)! + 1,
        );
      }
    }
    const nodeName = [...podsPerNode].sort(
      (a, b) => a[1] - b[1] || a[0].localeCompare(b[0]),
    )[0][0];
    this.ctx.update(this.ctx.types.pods, {
      ...pod,
      spec: { ...pod.spec, nodeName },
      status: {
        ...pod.status,
        conditions: [{ type: 'PodScheduled', status: 'True' }],
      },
    });
    this.ctx.emitEvent(
      pod,
      this.ctx.types.pods,
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
    );
  }

  private start(pod: KubeObject) {
    const current = this.current(pod);
    if (
      !current ||
      current.metadata.deletionTimestamp ||
      current.status?.phase !== 'Pending'
    ) {
      return;
    }
    const now = new Date().toISOString();
    for (const container of current.spec?.containers ?? []) {
      this.ctx.emitEvent(
        current,
        this.ctx.types.pods,
        'Pulled',
        `Container image "${container.image}" already present on machine`,
      );
      this.ctx.emitEvent(
        current,
        this.ctx.types.pods,
        'Started',
        `Started container ${container.name}`,
      );
    }
    this.ctx.setStatus(
      this.ctx.types.pods,
      current,
      runningPodStatus(current, now),
    );
    if (this.ctx.controllerOf(current)?.kind === 'Job') {
      this.later(this.ctx.settings.jobPodDurationMs, () =>
        this.finish(current),
      );
    }
  }

  private finish(pod: KubeObject) {
    const current = this.current(pod);
    if (current?.status?.phase === 'Running') {
      this.ctx.setStatus(
        this.ctx.types.pods,
        current,
        succeededPodStatus(current, new Date().toISOString()),
      );
    }
  }
}
