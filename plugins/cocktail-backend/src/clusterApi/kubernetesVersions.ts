import { InputError } from '@backstage/errors';

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
}

export function parseKubernetesVersion(
  version: string,
  field: string,
): ParsedVersion {
  const match = VERSION.exec(version);
  if (!match) {
    throw new InputError(
      `${field}: expected a Kubernetes version such as v1.33.1, got ${JSON.stringify(
        version,
      )}`,
    );
  }
  return { major: +match[1], minor: +match[2], patch: +match[3] };
}

/**
 * Refuses what Kubernetes does not support: a downgrade, or a skip of more than one minor
 * version (control planes upgrade one minor at a time).
 */
export function checkUpgradeStep(current: string, target: string) {
  const from = parseKubernetesVersion(current, 'current version');
  const to = parseKubernetesVersion(target, 'version');
  if (to.major !== from.major) {
    throw new InputError(
      `version: ${target} changes the major version from ${current}; upgrade one minor version at a time`,
    );
  }
  if (
    to.minor < from.minor ||
    (to.minor === from.minor && to.patch < from.patch)
  ) {
    throw new InputError(
      `version: ${target} is older than the running ${current}; Kubernetes cannot be downgraded`,
    );
  }
  if (to.minor === from.minor && to.patch === from.patch) {
    throw new InputError(`version: the cluster already runs ${current}`);
  }
  if (to.minor - from.minor > 1) {
    throw new InputError(
      `version: ${target} skips ${
        to.minor - from.minor - 1
      } minor version(s) from ${current}; upgrade to v${from.major}.${
        from.minor + 1
      }.x first`,
    );
  }
}
