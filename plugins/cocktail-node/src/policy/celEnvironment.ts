import { parseVersionParts, VersionParts } from './kubernetesVersion';

/** The `@marcbachmann/cel-js` module. */
export type CelModule = typeof import('@marcbachmann/cel-js');

/** A CEL environment with the variables and functions that policy rules may use. */
export type CelEnvironment = InstanceType<CelModule['Environment']>;

/**
 * Loads `@marcbachmann/cel-js`, which is ESM-only: this package compiles to CommonJS and can
 * only reach it through a dynamic import (as with `@kubernetes/client-node`).
 */
export function loadCel(): Promise<CelModule> {
  return import('@marcbachmann/cel-js');
}

const VERSION_FUNCTIONS: Array<[string, keyof VersionParts]> = [
  ['versionMajor', 'major'],
  ['versionMinor', 'minor'],
  ['versionPatch', 'patch'],
];

/**
 * The environment every rule compiles in: `request` (a map), `action` and `operation`
 * (strings), `person` and `target` (maps) and `current` (a map, or null), plus `versionMajor`, `versionMinor` and `versionPatch`, which turn a
 * Kubernetes version string into an int, because CEL has no semver comparison.
 */
export function createPolicyEnvironment(cel: CelModule): CelEnvironment {
  const environment = new cel.Environment({
    // An expression is one rule from app-config: a generous bound, but a bound.
    limits: { maxAstNodes: 2000, maxDepth: 50 },
  })
    .registerVariable('request', 'map', {
      description: 'The cluster request being checked',
    })
    .registerVariable('action', 'string', {
      description: 'create, upgrade, scale, node, addon or delete',
    })
    .registerVariable('operation', 'string', {
      description:
        'The operation within the action, such as drain-node or install-addon',
    })
    .registerVariable('person', 'map', {
      description:
        'Who asks: ref (user entity ref or null), groups (ownership refs), platformAdmin',
    })
    .registerVariable('target', 'map', {
      description:
        'What the operation targets, such as node, addon or nodePool',
    })
    .registerVariable('current', 'dyn', {
      description:
        'The live cluster (kubernetesVersion, nodePools) for upgrade and scale; null otherwise',
    });
  for (const [name, part] of VERSION_FUNCTIONS) {
    environment.registerFunction(
      `${name}(string): int`,
      (version: string) => BigInt(parseVersionParts(version)[part]),
      {
        description: `The ${part} number of a Kubernetes version such as v1.33.1`,
      },
    );
  }
  return environment;
}
