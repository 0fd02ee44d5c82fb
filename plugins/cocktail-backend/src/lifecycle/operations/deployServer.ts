import {
  DeployResult,
  PlannedChange,
} from '@cocktailcloud/plugin-cocktail-common';
import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';
import { applyInOrder } from '../applyManifests';
import { diffDesiredFields } from '../diffManifest';
import { refOf, ServerObjects } from '../ServerObjects';
import { describeRef } from '../ServerTarget';

/**
 * Renders the server and applies every object after the cluster checked them all (a dry run
 * on the server); objects the spec no longer names are pruned. A failure part way says what was
 * applied before it.
 */
export async function deployServer(
  server: ServerObjects,
  options: { dryRun: boolean },
): Promise<DeployResult> {
  const manifests = renderServerManifests({
    server: server.target.server,
    serviceMap: server.target.serviceMap,
  });
  const rendered = new Set(manifests.map(m => describeRef(m)));
  const live = await server.liveObjects();
  const prunable = live.filter(o => !rendered.has(describeRef(o)));
  // The server checks every object before anything is applied.
  const previews = [];
  for (const manifest of manifests) {
    const before = live.find(o => describeRef(o) === describeRef(manifest));
    await server.ops.apply(manifest, { dryRun: true });
    const changes = before ? diffDesiredFields(manifest, before) : [];
    let action: PlannedChange['action'] = 'create';
    if (before) {
      action = changes.length ? 'update' : 'unchanged';
    }
    previews.push({ object: describeRef(manifest), action, changes });
  }
  const changes: PlannedChange[] = [
    ...previews.map(({ object, action, changes: c }) => ({
      object,
      action,
      changes: c,
    })),
    ...prunable.map(o => ({
      object: describeRef(o),
      action: 'prune' as const,
      changes: [],
    })),
  ];
  if (options.dryRun) {
    return { dryRun: true, changes, applied: [], pruned: [] };
  }
  const applied = await applyInOrder(server.ops, manifests);
  const pruned: string[] = [];
  for (const object of prunable) {
    await server.ops.delete(refOf(object, server.target.namespace));
    pruned.push(describeRef(object));
  }
  return { dryRun: false, changes, applied, pruned };
}
