import { InputError } from '@backstage/errors';
import {
  compareKubernetesVersions,
  KubernetesVersion,
  minorVersionDistance,
  parseKubernetesVersion,
} from '@cocktailcloud/plugin-cocktail-common';

function readVersion(version: string, field: string): KubernetesVersion {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) {
    throw new InputError(
      `${field}: expected a Kubernetes version such as v1.33.1, got ${JSON.stringify(
        version,
      )}`,
    );
  }
  return parsed;
}

/**
 * Refuses what Kubernetes does not support: a downgrade, or a skip of more than one minor
 * version (control planes upgrade one minor at a time).
 */
export function checkUpgradeStep(current: string, target: string) {
  const from = readVersion(current, 'current version');
  const to = readVersion(target, 'version');
  if (to.major !== from.major) {
    throw new InputError(
      `version: ${target} changes the major version from ${current}; upgrade one minor version at a time`,
    );
  }
  const order = compareKubernetesVersions(to, from);
  if (order < 0) {
    throw new InputError(
      `version: ${target} is older than the running ${current}; Kubernetes cannot be downgraded`,
    );
  }
  if (order === 0) {
    throw new InputError(`version: the cluster already runs ${current}`);
  }
  const skipped = minorVersionDistance(from, to) - 1;
  if (skipped > 0) {
    throw new InputError(
      `version: ${target} skips ${skipped} minor version(s) from ${current}; upgrade to v${
        from.major
      }.${from.minor + 1}.x first`,
    );
  }
}
