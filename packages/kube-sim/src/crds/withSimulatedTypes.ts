import { ResourceType } from '../api/types';

/**
 * Simulated resource types together with CRDs loaded from YAML. A kind that a loaded CRD
 * defines is served only as that CRD says (its versions, its schema).
 */
export function withSimulatedTypes(
  simulated: ResourceType[],
  loaded: ResourceType[],
): ResourceType[] {
  const loadedKinds = new Set(loaded.map(t => `${t.group}/${t.plural}`));
  const builtIn = simulated.filter(
    type => !loadedKinds.has(`${type.group}/${type.plural}`),
  );
  return [...builtIn, ...loaded];
}
