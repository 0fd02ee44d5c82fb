import { InputError } from '@backstage/errors';
import { ServerObjects } from '../ServerObjects';
import { workloadRef } from '../ServerTarget';

/** Restarts the pods the way `kubectl rollout restart` does. */
export async function restartServer(server: ServerObjects, now = new Date()) {
  await server.workload();
  if (
    !['Deployment', 'StatefulSet', 'DaemonSet'].includes(
      server.target.server.spec.type,
    )
  ) {
    throw new InputError(
      `restart is for Deployments, StatefulSets and DaemonSets; ${server.target.server.metadata.name} is a ${server.target.server.spec.type}`,
    );
  }
  return server.patchWorkload(
    workloadRef(server.target),
    {
      spec: {
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/restartedAt': now.toISOString(),
            },
          },
        },
      },
    },
    'strategic',
  );
}
