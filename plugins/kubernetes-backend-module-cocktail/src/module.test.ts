import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { kubernetesModuleCocktailClusters } from './module';

describe('kubernetesModuleCocktailClusters', () => {
  it('supplies the clusters of cocktail.clusters and the catalog to the Kubernetes plugin', async () => {
    const addClusterSupplier = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [kubernetesClusterSupplierExtensionPoint, { addClusterSupplier }],
      ],
      features: [
        kubernetesModuleCocktailClusters,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: {
                name: 'prod',
                annotations: {
                  'kubernetes.io/api-server': 'http://127.0.0.1:18444',
                  'kubernetes.io/auth-provider': 'serviceAccount',
                  'kubernetes.io/skip-tls-verify': 'true',
                },
              },
              spec: {
                type: 'kubernetes-cluster',
                owner: 'group:platform-team',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            cocktail: {
              catalogClusters: { allowedApiServers: ['127.0.0.1'] },
              clusters: [
                {
                  name: 'staging',
                  url: 'https://staging.example.com',
                  serviceAccountToken: 'secret-token',
                },
              ],
            },
          },
        }),
      ],
    });
    expect(addClusterSupplier).toHaveBeenCalledTimes(1);
    const clusters = await addClusterSupplier.mock.calls[0][0].getClusters();
    expect(clusters.map((c: any) => [c.name, c.url, c.skipTLSVerify])).toEqual([
      ['staging', 'https://staging.example.com', false],
      ['prod', 'http://127.0.0.1:18444', true],
    ]);
  });
});
