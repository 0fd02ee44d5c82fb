import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ConfigEntryReader } from './ConfigEntryReader';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;

/**
 * Where the registry finds Cluster API clusters: the `<cluster>-kubeconfig`
 * Secrets of a management cluster.
 */
export interface ClusterApiSettings {
  /** The registered cluster (app-config or catalog) that runs Cluster API. */
  managementCluster: string;
  /** Only Secrets of this namespace; all namespaces when absent. */
  namespace?: string;
  refreshIntervalMs: number;
}

/**
 * Reads `cocktail.clusterApi.managementCluster`, `namespace` and
 * `refreshIntervalSeconds`; `undefined` when no management cluster is named.
 * Throws one `InputError` naming every mistake.
 */
export function readClusterApiSettings(
  config: Config,
): ClusterApiSettings | undefined {
  const section = config.getOptionalConfig('cocktail.clusterApi');
  if (!section?.has('managementCluster')) {
    return undefined;
  }
  const problems: string[] = [];
  const reader = new ConfigEntryReader(
    section,
    'cocktail.clusterApi',
    problems,
  );
  const managementCluster = reader.string('managementCluster');
  const namespace = reader.string('namespace');
  if (namespace !== undefined && !DNS_1123_LABEL.test(namespace)) {
    reader.problem(
      'namespace',
      `expected a namespace name (lowercase letters, digits and '-'), got "${namespace}"`,
    );
  }
  const refreshIntervalSeconds =
    reader.positiveNumber('refreshIntervalSeconds') ??
    DEFAULT_REFRESH_INTERVAL_SECONDS;
  if (problems.length > 0 || managementCluster === undefined) {
    throw new InputError(problems.join('\n'));
  }
  return {
    managementCluster,
    ...(namespace && { namespace }),
    refreshIntervalMs: refreshIntervalSeconds * 1000,
  };
}
