const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/;

/** The parts of a Kubernetes version such as `v1.33.1`; the patch is 0 when not given. */
export interface VersionParts {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Splits a Kubernetes version (`v1.33.1`, `1.33`, `v1.33.1+rke2r1`) into numbers, so that
 * policy rules can compare versions, which CEL cannot do with strings. Throws on anything
 * else, which makes the rule fail closed.
 */
export function parseVersionParts(version: string): VersionParts {
  const match = VERSION.exec(version);
  if (!match) {
    throw new Error(
      `${JSON.stringify(version)} is not a Kubernetes version such as v1.33.1`,
    );
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3] ?? 0),
  };
}
