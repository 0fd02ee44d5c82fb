import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';
import { diffDesiredFields } from '../diffManifest';
import { ServerObjects } from '../ServerObjects';
import { describeRef } from '../ServerTarget';

/** What the live objects differ from the catalog spec in. */
export async function serverDrift(server: ServerObjects) {
  const manifests = renderServerManifests({
    server: server.target.server,
    serviceMap: server.target.serviceMap,
  });
  const live = await server.liveObjects();
  const rendered = new Set(manifests.map(m => describeRef(m)));
  return {
    objects: [
      ...manifests.map(manifest => {
        const actual = live.find(o => describeRef(o) === describeRef(manifest));
        if (!actual) {
          return {
            object: describeRef(manifest),
            state: 'missing' as const,
            changes: [],
          };
        }
        const changes = diffDesiredFields(manifest, actual).map(c => ({
          path: c.path,
          expected: c.to,
          actual: c.from,
        }));
        return {
          object: describeRef(manifest),
          state: changes.length ? ('drifted' as const) : ('in-sync' as const),
          changes,
        };
      }),
      ...live
        .filter(o => !rendered.has(describeRef(o)))
        .map(o => ({
          object: describeRef(o),
          state: 'extra' as const,
          changes: [],
        })),
    ],
  };
}
