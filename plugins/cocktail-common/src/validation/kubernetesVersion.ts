import { compare, parse } from 'semver';

/**
 * A Kubernetes version read as semver, such as `v1.33.1`, `1.33.1` or `v1.33.1+rke2r1`.
 *
 * @public
 */
export interface KubernetesVersion {
  major: number;
  minor: number;
  patch: number;
  /** The version in semver form, without `v` and build metadata: `1.33.1`, `1.35.0-rc.1`. */
  semver: string;
}

/**
 * Reads a Kubernetes version (`v1.33.1`, `1.33.1`, `v1.35.0-rc.1`, `v1.33.1+rke2r1`); undefined
 * for anything else. With `patch: 'optional'`, a version without a patch (`v1.33`) reads as
 * patch 0.
 *
 * @public
 */
export function parseKubernetesVersion(
  version: string,
  options: { patch?: 'required' | 'optional' } = {},
): KubernetesVersion | undefined {
  // semver trims what it reads; a version with spaces around it is not one.
  if (version !== version.trim()) {
    return undefined;
  }
  const parsed =
    parse(version) ??
    (options.patch === 'optional' ? parse(`${version}.0`) : null);
  if (!parsed) {
    return undefined;
  }
  const { major, minor, patch } = parsed;
  return { major, minor, patch, semver: parsed.version };
}

/**
 * Orders two versions as semver does: negative when `a` is older than `b`, 0 for the same
 * release (build metadata such as `+rke2r1` does not count), positive when newer.
 *
 * @public
 */
export function compareKubernetesVersions(
  a: KubernetesVersion,
  b: KubernetesVersion,
): number {
  return compare(a.semver, b.semver);
}

/**
 * How many minor versions `to` is ahead of `from` (negative when behind), for versions of the
 * same major version.
 *
 * @public
 */
export function minorVersionDistance(
  from: KubernetesVersion,
  to: KubernetesVersion,
): number {
  return to.minor - from.minor;
}
