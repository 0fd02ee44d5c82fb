import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readClusterApiSettings } from './readClusterApiSettings';

function settingsOf(
  clusterApi:
    | Record<string, string | number | boolean | string[] | never[]>
    | undefined,
) {
  return readClusterApiSettings(
    new ConfigReader(clusterApi ? { cocktail: { clusterApi } } : {}),
  );
}

describe('readClusterApiSettings', () => {
  it('is undefined when no management cluster is named', () => {
    expect(settingsOf(undefined)).toBeUndefined();
    expect(settingsOf({ policies: [] })).toBeUndefined();
  });

  it('reads the management cluster with the default namespace, no allowances and a 30 second refresh interval by default', () => {
    expect(settingsOf({ managementCluster: 'mgmt' })).toEqual({
      managementCluster: 'mgmt',
      namespaces: ['default'],
      allow: {},
      refreshIntervalMs: 30_000,
    });
  });

  it('reads the namespace and the refresh interval, also from a string', () => {
    expect(
      settingsOf({
        managementCluster: 'mgmt',
        namespace: 'capi-clusters',
        refreshIntervalSeconds: '5',
      }),
    ).toEqual({
      managementCluster: 'mgmt',
      namespaces: ['capi-clusters'],
      allow: {},
      refreshIntervalMs: 5_000,
    });
  });

  it('reads kubeconfigNamespaces and the allowances for kubeconfig Secrets', () => {
    expect(
      settingsOf({
        managementCluster: 'mgmt',
        kubeconfigNamespaces: ['team-a', 'team-b', 'team-a'],
        allowExecCredentials: true,
        allowFilePaths: false,
      }),
    ).toEqual({
      managementCluster: 'mgmt',
      namespaces: ['team-a', 'team-b'],
      allow: { execCredentials: true },
      refreshIntervalMs: 30_000,
    });
  });

  it('refuses namespace together with kubeconfigNamespaces, and an empty or mistaken list', () => {
    expect(() =>
      settingsOf({
        managementCluster: 'mgmt',
        namespace: 'team-a',
        kubeconfigNamespaces: ['team-b'],
      }),
    ).toThrow(
      'cocktail.clusterApi.namespace: set either namespace or kubeconfigNamespaces (which lists several), not both',
    );
    expect(() =>
      settingsOf({ managementCluster: 'mgmt', kubeconfigNamespaces: [] }),
    ).toThrow(
      'cocktail.clusterApi.kubeconfigNamespaces: expected at least one namespace; leave it out to read the default namespace',
    );
    expect(() =>
      settingsOf({
        managementCluster: 'mgmt',
        kubeconfigNamespaces: ['team-a', 'Team_B'],
      }),
    ).toThrow(
      `cocktail.clusterApi.kubeconfigNamespaces[1]: expected a namespace name (lowercase letters, digits and '-'), got "Team_B"`,
    );
  });

  it('names every mistake at once', () => {
    expect(() =>
      settingsOf({
        managementCluster: '',
        namespace: 'Capi_Clusters',
        refreshIntervalSeconds: 0,
      }),
    ).toThrow(
      new InputError(
        [
          'cocktail.clusterApi.managementCluster: expected a non-empty string, got ""',
          `cocktail.clusterApi.namespace: expected a namespace name (lowercase letters, digits and '-'), got "Capi_Clusters"`,
          'cocktail.clusterApi.refreshIntervalSeconds: expected a number greater than 0, got 0',
        ].join('\n'),
      ),
    );
  });
});
