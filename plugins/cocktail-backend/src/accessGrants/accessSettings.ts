import { Config } from '@backstage/config';

export interface AccessSettings {
  /** The longest grant anyone may ask for. */
  maxDurationMinutes: number;
  /** How often expired grants are swept. */
  sweepIntervalSeconds: number;
  /** Where the ServiceAccounts of cluster-wide read grants live. */
  clusterGrantNamespace: string;
}

function wholeNumberAt(
  config: Config,
  key: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${key} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

function namespaceAt(config: Config, key: string, fallback: string): string {
  const value = config.getOptionalString(key) ?? fallback;
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) {
    throw new Error(
      `${key} must be a Kubernetes namespace name (lowercase letters, digits and "-", at most 63 characters), got "${value}"`,
    );
  }
  return value;
}

/** `cocktail.access.*`, checked at start so a wrong value names its key. */
export function readAccessSettings(config: Config): AccessSettings {
  return {
    maxDurationMinutes: wholeNumberAt(
      config,
      'cocktail.access.maxDurationMinutes',
      480,
      [1, 7 * 24 * 60],
    ),
    sweepIntervalSeconds: wholeNumberAt(
      config,
      'cocktail.access.sweepIntervalSeconds',
      60,
      [5, 3600],
    ),
    clusterGrantNamespace: namespaceAt(
      config,
      'cocktail.access.clusterGrantNamespace',
      'kube-system',
    ),
  };
}
