import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ConfigEntryReader } from './ConfigEntryReader';
import { KubeconfigAllowances } from './types';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;
/** Where Cluster API's quick start, and the suite's cluster template, create Clusters. */
const DEFAULT_NAMESPACES = ['default'];

/**
 * Where the registry finds Cluster API clusters: the `<cluster>-kubeconfig`
 * Secrets of a management cluster.
 */
export interface ClusterApiSettings {
  /** The registered cluster (app-config or catalog) that runs Cluster API. */
  managementCluster: string;
  /** The only namespaces whose kubeconfig Secrets are read. */
  namespaces: string[];
  /** What those kubeconfigs may carry beyond inline credentials. */
  allow: KubeconfigAllowances;
  refreshIntervalMs: number;
}

/**
 * Reads `cocktail.clusterApi.managementCluster`, `kubeconfigNamespaces` (or
 * its one-namespace form `namespace`), `allowExecCredentials`,
 * `allowFilePaths` and `refreshIntervalSeconds`; `undefined` when no
 * management cluster is named. Throws one `InputError` naming every mistake.
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
  const namespaces = readNamespaces(reader);
  const execCredentials = reader.boolean('allowExecCredentials');
  const filePaths = reader.boolean('allowFilePaths');
  const refreshIntervalSeconds =
    reader.positiveNumber('refreshIntervalSeconds') ??
    DEFAULT_REFRESH_INTERVAL_SECONDS;
  if (problems.length > 0 || managementCluster === undefined) {
    throw new InputError(problems.join('\n'));
  }
  return {
    managementCluster,
    namespaces,
    allow: {
      ...(execCredentials && { execCredentials }),
      ...(filePaths && { filePaths }),
    },
    refreshIntervalMs: refreshIntervalSeconds * 1000,
  };
}

function readNamespaces(reader: ConfigEntryReader): string[] {
  const list = reader.stringList('kubeconfigNamespaces');
  const single = reader.string('namespace');
  if (list !== undefined && single !== undefined) {
    reader.problem(
      'namespace',
      'set either namespace or kubeconfigNamespaces (which lists several), not both',
    );
  }
  if (list?.length === 0) {
    reader.problem(
      'kubeconfigNamespaces',
      'expected at least one namespace; leave it out to read the default namespace',
    );
  }
  const named = list
    ? list.map((namespace, index) => ({
        field: `kubeconfigNamespaces[${index}]`,
        namespace,
      }))
    : [{ field: 'namespace', namespace: single }];
  const namespaces = new Set<string>();
  for (const { field, namespace } of named) {
    if (namespace === undefined) {
      continue;
    }
    if (!DNS_1123_LABEL.test(namespace)) {
      reader.problem(
        field,
        `expected a namespace name (lowercase letters, digits and '-'), got "${namespace}"`,
      );
    }
    namespaces.add(namespace);
  }
  return namespaces.size > 0 ? [...namespaces] : DEFAULT_NAMESPACES;
}
