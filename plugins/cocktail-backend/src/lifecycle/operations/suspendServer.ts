import { ConflictError, InputError } from '@backstage/errors';
import { ServerObjects } from '../ServerObjects';
import { workloadRef } from '../ServerTarget';
import { ScalableWorkload } from '../serverWorkload';

const SUSPENDED_REPLICAS = 'cocktailcloud.io/replicas-before-suspend';

/** A (Cron)Job stops or starts again by its own `suspend` field. */
function setJobSuspended(server: ServerObjects, suspend: boolean) {
  return server.patchWorkload(
    workloadRef(server.target),
    { spec: { suspend } },
    'merge',
  );
}

/** Suspends a (Cron)Job, or takes a Deployment or StatefulSet to zero replicas, remembering how many. */
export async function suspendServer(server: ServerObjects) {
  const workload = await server.workload();
  const kind = server.target.server.spec.type;
  if (kind === 'CronJob' || kind === 'Job') {
    return setJobSuspended(server, true);
  }
  if (kind === 'DaemonSet') {
    throw new InputError(
      'a DaemonSet cannot be suspended; it runs one pod on every node',
    );
  }
  if (await server.autoscaler()) {
    throw new ConflictError(
      `${server.target.server.metadata.name} is autoscaled; disable autoscaling before suspending it`,
    );
  }
  return server.patchWorkload(
    workloadRef(server.target),
    {
      metadata: {
        annotations: {
          [SUSPENDED_REPLICAS]: String(
            (workload as ScalableWorkload).spec!.replicas ?? 1,
          ),
        },
      },
      spec: { replicas: 0 },
    },
    'merge',
  );
}

/** Undoes `suspendServer`. */
export async function resumeServer(server: ServerObjects) {
  const workload = await server.workload();
  const kind = server.target.server.spec.type;
  if (kind === 'CronJob' || kind === 'Job') {
    return setJobSuspended(server, false);
  }
  const before = workload.metadata?.annotations?.[SUSPENDED_REPLICAS];
  if (before === undefined) {
    throw new ConflictError(
      `${server.target.server.metadata.name} is not suspended`,
    );
  }
  return server.patchWorkload(
    workloadRef(server.target),
    {
      metadata: { annotations: { [SUSPENDED_REPLICAS]: null } },
      spec: { replicas: Number(before) },
    },
    'merge',
  );
}
