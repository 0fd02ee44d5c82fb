import path from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CocktailEntitiesProcessor } from './processor/CocktailEntitiesProcessor';
import { PublishedDirectoryEntityProvider } from './provider/PublishedDirectoryEntityProvider';
import { isInCocktailServiceRule } from './permissions/isInCocktailServiceRule';

/**
 * Adds the Cocktail kinds to the catalog (validation, relations, the kubernetes-id annotation)
 * the IS_IN_COCKTAIL_SERVICE permission rule, and, when `cocktail.scaffolder.publishDirectory` is set, the entities published there.
 *
 * @public
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
        scheduler: coreServices.scheduler,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ catalog, config, logger, scheduler, permissionsRegistry }) {
        catalog.addProcessor(new CocktailEntitiesProcessor());
        // Lets a policy's conditional decisions name a person's Services (see the policy module).
        permissionsRegistry.addPermissionRules([isInCocktailServiceRule]);
        const directory = config.getOptionalString(
          'cocktail.scaffolder.publishDirectory',
        );
        if (directory) {
          catalog.addEntityProvider(
            new PublishedDirectoryEntityProvider({
              directory: path.resolve(directory),
              logger,
              taskRunner: scheduler.createScheduledTaskRunner({
                frequency: { seconds: 3 },
                timeout: { seconds: 60 },
                scope: 'global',
              }),
            }),
          );
        }
      },
    });
  },
});
