import { ControllerContext } from './ControllerContext';

/**
 * Restarts the containers of running pods whose load rule says they crash (`restartEverySeconds`),
 * as the kubelet restarts a container that exited: its restart count goes up, its last state is
 * the exit, and a BackOff event is recorded.
 */
export function restartCrashingContainers(
  ctx: ControllerContext,
  now = Date.now(),
) {
  for (const pod of ctx.store.list(ctx.types.pods)) {
    const interval = ctx.load.restartIntervalFor(pod);
    if (!interval || pod.status?.phase !== 'Running') {
      continue;
    }
    const statuses: any[] = pod.status?.containerStatuses ?? [];
    const started = Math.max(
      ...statuses.map(s => Date.parse(s.state?.running?.startedAt ?? '') || 0),
    );
    if (!statuses.length || now - started < interval * 1000) {
      continue;
    }
    const at = new Date(now).toISOString();
    ctx.setStatus(ctx.types.pods, pod, {
      ...pod.status,
      containerStatuses: statuses.map(status => ({
        ...status,
        restartCount: (status.restartCount ?? 0) + 1,
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: status.state?.running?.startedAt,
            finishedAt: at,
          },
        },
        state: { running: { startedAt: at } },
      })),
    });
    ctx.emitEvent(
      pod,
      ctx.types.pods,
      'BackOff',
      `Back-off restarting failed container ${statuses[0].name} in pod ${pod.metadata.name}`,
      'Warning',
    );
  }
}
