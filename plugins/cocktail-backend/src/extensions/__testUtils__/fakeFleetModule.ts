import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  cocktailClusterSourcesExtensionPoint,
  CocktailCluster,
} from '@cocktailcloud/plugin-cocktail-node';

/**
 * A backend module adding a cluster source, as an adopter's fleet manager or inventory would:
 * it answers with the clusters given, each reached with a service-account token.
 */
export function fakeFleetModule(
  clusters: Array<{ name: string; url: string; token: string }>,
) {
  return createBackendModule({
    pluginId: 'cocktail',
    moduleId: 'fake-fleet',
    register(env) {
      env.registerInit({
        deps: { clusterSources: cocktailClusterSourcesExtensionPoint },
        async init({ clusterSources }) {
          clusterSources.addClusterSource({
            id: 'fake-fleet',
            listClusters: async () =>
              clusters.map(
                (cluster): CocktailCluster => ({
                  name: cluster.name,
                  url: cluster.url,
                  source: 'fake-fleet',
                  auth: { type: 'serviceAccount', token: cluster.token },
                  skipTLSVerify: true,
                  provider: 'fake-cloud',
                }),
              ),
          });
        },
      });
    },
  });
}
