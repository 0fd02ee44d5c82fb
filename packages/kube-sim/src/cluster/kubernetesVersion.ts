import { coerce, compare, SemVer } from 'semver';

// Kubernetes versions carry a `v` and often a suffix (`v1.33.0-kube-sim`, `v1.31.2+rke2r1`);
// only major, minor and patch count, and a missing part reads as 0.
function releaseOf(version: string): SemVer {
  return coerce(version) ?? new SemVer('0.0.0');
}

/** Orders `v1.30.2` before `v1.31.0`: by major, minor and patch. */
export function compareKubernetesVersions(a: string, b: string): number {
  return compare(releaseOf(a), releaseOf(b));
}

/** The `major` and `minor` that `/version` reports for a version such as `v1.31.2`. */
export function majorAndMinor(version: string): {
  major: string;
  minor: string;
} {
  const coerced = coerce(version);
  return coerced
    ? { major: String(coerced.major), minor: String(coerced.minor) }
    : { major: '1', minor: '0' };
}
