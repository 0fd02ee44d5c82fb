import { InputError } from '@backstage/errors';
import { ServerObjects } from '../ServerObjects';
import { describeRef, workloadRef } from '../ServerTarget';
import { podTemplateOf } from '../serverWorkload';

/** Changes the images of named containers. */
export async function rollingUpdateServer(
  server: ServerObjects,
  images: Record<string, string>,
) {
  const workload = await server.workload();
  const containers = (podTemplateOf(workload)?.spec?.containers ?? []).map(
    c => c.name,
  );
  const unknown = Object.keys(images).filter(
    name => !containers.includes(name),
  );
  if (unknown.length) {
    throw new InputError(
      `images: no container named ${unknown.join(', ')} in ${describeRef(
        workloadRef(server.target),
      )}; its containers are ${containers.join(', ')}`,
    );
  }
  const patch = {
    spec: {
      template: {
        spec: {
          containers: Object.entries(images).map(([name, image]) => ({
            name,
            image,
          })),
        },
      },
    },
  };
  return server.patchWorkload(
    workloadRef(server.target),
    server.target.server.spec.type === 'CronJob'
      ? { spec: { jobTemplate: patch } }
      : patch,
    'strategic',
  );
}
