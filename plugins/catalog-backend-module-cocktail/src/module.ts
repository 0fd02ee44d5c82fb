import path from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CocktailEntitiesProcessor } from './processor/CocktailEntitiesProcessor';
import { PublishedDirectoryEntityProvider } from './provider/PublishedDirectoryEntityProvider';

/**
 * Adds the Cocktail kinds to the catalog (validation, relations, the kubernetes-id annotation)
 * and, when `cocktail.scaffolder.publishDirectory` is set, the entities published there.
 */
export const catalogModuleCocktail = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cocktail',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ catalog, config, logger, lifecycle }) {
        catalog.addProcessor(new CocktailEntitiesProcessor());
        const directory = config.getOptionalString(
          'cocktail.scaffolder.publishDirectory',
        );
        if (directory) {
          const provider = new PublishedDirectoryEntityProvider({
            directory: path.resolve(directory),
            logger,
          });
          catalog.addEntityProvider(provider);
          lifecycle.addShutdownHook(() => provider.stop());
        }
      },
    });
  },
});
