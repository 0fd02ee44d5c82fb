import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readClusterApiSettings } from './readClusterApiSettings';

function settingsOf(
  clusterApi: Record<string, string | number | never[]> | undefined,
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

  it('reads the management cluster with a 30 second refresh interval by default', () => {
    expect(settingsOf({ managementCluster: 'mgmt' })).toEqual({
      managementCluster: 'mgmt',
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
      namespace: 'capi-clusters',
      refreshIntervalMs: 5_000,
    });
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
