import { ConflictError, InputError } from '@backstage/errors';
import { ServerObjects } from '../ServerObjects';
import { workloadRef } from '../ServerTarget';

/** Sets the replicas; refused while an autoscaler sets them. */
export async function scaleServer(server: ServerObjects, replicas: number) {
  if (!['Deployment', 'StatefulSet'].includes(server.target.server.spec.type)) {
    throw new InputError(
      `replicas: only a Deployment or StatefulSet can be scaled; ${server.target.server.metadata.name} is a ${server.target.server.spec.type}`,
    );
  }
  await server.workload();
  if (await server.autoscaler()) {
    throw new ConflictError(
      `${server.target.server.metadata.name} is autoscaled: its HorizontalPodAutoscaler sets the replicas; change its autoscaling bounds instead`,
    );
  }
  return server.patchWorkload(
    workloadRef(server.target),
    { spec: { replicas } },
    'merge',
  );
}
