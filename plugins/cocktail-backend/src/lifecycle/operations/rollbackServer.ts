import { podImagesOf } from '../podImagesOf';
import { ServerObjects } from '../ServerObjects';
import { workloadRef } from '../ServerTarget';

/** The images a rollback to `revision` would run; reads only. */
export async function rollbackImages(
  server: ServerObjects,
  revision: string,
): Promise<string[]> {
  return podImagesOf([await server.replicaSetAt(revision)]);
}

/** Puts a Deployment's pod template back to that of `revision`. */
export async function rollbackServer(server: ServerObjects, revision: string) {
  const match = await server.replicaSetAt(revision);
  const template = structuredClone(match.spec!.template!);
  delete template.metadata?.labels?.['pod-template-hash'];
  return server.patchWorkload(
    workloadRef(server.target),
    { spec: { template: { $patch: 'replace', ...template } } },
    'strategic',
  );
}
