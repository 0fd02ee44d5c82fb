import {
  KubernetesVersion,
  parseKubernetesVersion,
} from '@cocktailcloud/plugin-cocktail-common';

/** The parts of a Kubernetes version such as `v1.33.1`; the patch is 0 when not given. */
export type VersionParts = Pick<KubernetesVersion, 'major' | 'minor' | 'patch'>;

/**
 * Splits a Kubernetes version (`v1.33.1`, `1.33`, `v1.33.1+rke2r1`) into numbers, so that
 * policy rules can compare versions, which CEL cannot do with strings. Throws on anything
 * else, which makes the rule fail closed.
 */
export function parseVersionParts(version: string): VersionParts {
  const parsed = parseKubernetesVersion(version, { patch: 'optional' });
  if (!parsed) {
    throw new Error(
      `${JSON.stringify(version)} is not a Kubernetes version such as v1.33.1`,
    );
  }
  const { major, minor, patch } = parsed;
  return { major, minor, patch };
}
