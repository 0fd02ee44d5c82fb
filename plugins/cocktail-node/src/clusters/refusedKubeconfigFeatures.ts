import { KubeconfigAllowances } from './types';

/** One use of something a kubeconfig may only carry when config allows it. */
export interface KubeconfigFeature {
  allowance: keyof KubeconfigAllowances;
  /** Where it is, such as `users[0] "admin": exec`. */
  where: string;
}

const EXEC_FIELDS = ['exec', 'auth-provider'];
const USER_FILE_FIELDS = ['client-certificate', 'client-key', 'token-file'];
const CLUSTER_FILE_FIELDS = ['certificate-authority'];

/**
 * What a parsed kubeconfig carries that `allow` does not permit, in every
 * cluster and user it defines: client-node reads `token-file` as soon as the
 * kubeconfig is loaded, whichever context is used.
 */
export function refusedKubeconfigFeatures(
  document: Record<string, unknown>,
  allow: KubeconfigAllowances = {},
): KubeconfigFeature[] {
  const features: KubeconfigFeature[] = [];
  const look = (
    list: string,
    entryField: string,
    checks: Array<[fields: string[], allowance: keyof KubeconfigAllowances]>,
  ) => {
    entriesOf(document[list]).forEach((entry, index) => {
      const body = entry[entryField];
      if (!isObject(body)) {
        return;
      }
      const name = typeof entry.name === 'string' ? ` "${entry.name}"` : '';
      for (const [fields, allowance] of checks) {
        const present = fields.filter(
          field => body[field] !== undefined && body[field] !== null,
        );
        if (present.length > 0 && !allow[allowance]) {
          features.push({
            allowance,
            where: `${list}[${index}]${name}: ${present.join(', ')}`,
          });
        }
      }
    });
  };
  look('clusters', 'cluster', [[CLUSTER_FILE_FIELDS, 'filePaths']]);
  look('users', 'user', [
    [EXEC_FIELDS, 'execCredentials'],
    [USER_FILE_FIELDS, 'filePaths'],
  ]);
  return features;
}

function entriesOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
