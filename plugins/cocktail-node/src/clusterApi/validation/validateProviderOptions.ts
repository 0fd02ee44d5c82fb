import { parseCidr } from '../cidr';
import {
  ProviderProfile,
  optionValue,
  parseEndpoint,
} from '../providerProfiles';
import { Issues, join } from './requestReader';
import { InfrastructureProvider } from '../types';

const FORMATS: Record<string, (value: string) => string | undefined> = {
  controlPlaneEndpoint: value =>
    parseEndpoint(value)
      ? undefined
      : `expected host or host:port, got "${value}"`,
  nodeCidr: value =>
    parseCidr(value)
      ? undefined
      : `expected a CIDR block like 10.6.0.0/24, got "${value}"`,
  imageUrl: value =>
    /^(https?|file):\/\/\S+$/.test(value)
      ? undefined
      : `expected an http(s):// or file:// URL, got "${value}"`,
  imageChecksumType: value =>
    ['md5', 'sha256', 'sha512'].includes(value)
      ? undefined
      : `expected md5, sha256 or sha512, got "${value}"`,
  imageFormat: value =>
    ['raw', 'qcow2', 'vdi', 'vmdk', 'live-iso'].includes(value)
      ? undefined
      : `expected raw, qcow2, vdi, vmdk or live-iso, got "${value}"`,
};

/**
 * The provider's options: known keys, the required ones present (unless a ClusterClass
 * supplies the infrastructure), values in their formats. Returns them with defaults filled in.
 */
export function validateProviderOptions(
  issues: Issues,
  value: unknown,
  {
    provider,
    profile,
  }: { provider: InfrastructureProvider; profile: ProviderProfile },
  clusterName: string,
  topology: boolean,
): Record<string, string> | undefined {
  const given = issues.stringMap('providerOptions', value) ?? {};
  const known = profile.options;
  const result: Record<string, string> = {};
  for (const [key, option] of Object.entries(given)) {
    const field = join('providerOptions', key);
    if (!known[key]) {
      const names = Object.keys(known);
      issues.add(
        field,
        names.length
          ? `is not an option of ${provider} (expected one of ${names.join(
              ', ',
            )})`
          : `is not an option of ${provider}, which takes none`,
      );
      continue;
    }
    const problem =
      option === '' ? 'expected a value, got ""' : FORMATS[key]?.(option);
    if (problem) {
      issues.add(field, problem);
    }
  }
  for (const [key, option] of Object.entries(known)) {
    const resolved = optionValue(given, profile, key, clusterName);
    if (resolved !== undefined) {
      result[key] = resolved;
    } else if (option.required && !topology) {
      issues.add(
        join('providerOptions', key),
        `is required for ${provider}: ${option.description}`,
      );
    }
  }
  return Object.keys(result).length ? result : undefined;
}
