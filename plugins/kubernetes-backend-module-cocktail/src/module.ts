import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { createCocktailClusterSupplier } from '@cocktailcloud/plugin-cocktail-node';

/**
 * Gives Backstage's Kubernetes plugin the clusters Cocktail knows (app-config
 * `cocktail.clusters` and the catalog's kubernetes-cluster Resources), so the stock Kubernetes
 * tab (pod logs, terminal) works on CocktailServers without configuring clusters twice.
 *
 * @public
 */
export const kubernetesModuleCocktailClusters = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'cocktail-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        clusterSupplier: kubernetesClusterSupplierExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ clusterSupplier, config, logger, auth, catalog }) {
        clusterSupplier.addClusterSupplier(
          createCocktailClusterSupplier(config, {
            logger,
            catalog,
            credentials: () => auth.getOwnServiceCredentials(),
          }),
        );
      },
    });
  },
});
