import { partialFailure } from '../partialFailure';
import { refOf, ServerObjects } from '../ServerObjects';
import { describeRef } from '../ServerTarget';

/** Deletes every object of the server; with dryRun, lists what would go. */
export async function deleteServer(
  server: ServerObjects,
  options: { dryRun: boolean },
) {
  const live = await server.liveObjects();
  const objects = live.map(o => describeRef(o));
  if (options.dryRun) {
    return { dryRun: true, objects, deleted: [] };
  }
  const deleted: string[] = [];
  for (const object of live) {
    try {
      await server.ops.delete(refOf(object, server.target.namespace));
      deleted.push(describeRef(object));
    } catch (error) {
      throw partialFailure(
        error as Error,
        `deleting ${describeRef(object)}`,
        deleted,
        objects.slice(deleted.length + 1),
        'deleted',
      );
    }
  }
  return { dryRun: false, objects, deleted };
}
