import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCocktailBackupCreateAction } from './actions/backup/createCocktailBackupCreateAction';
import { createCocktailClusterAddonAction } from './actions/cluster/createCocktailClusterAddonAction';
import { createCocktailClusterCreateAction } from './actions/cluster/createCocktailClusterCreateAction';
import { createCocktailClusterDeleteAction } from './actions/cluster/createCocktailClusterDeleteAction';
import { createCocktailClusterScaleAction } from './actions/cluster/createCocktailClusterScaleAction';
import { createCocktailClusterUpgradeAction } from './actions/cluster/createCocktailClusterUpgradeAction';
import { createCocktailPublishDirectoryAction } from './actions/publish/createCocktailPublishDirectoryAction';
import { createCocktailServerDeployAction } from './actions/server/createCocktailServerDeployAction';
import { createCocktailServiceMapProvisionAction } from './actions/serviceMap/createCocktailServiceMapProvisionAction';
import { CocktailBackendClient } from './CocktailBackendClient';

/**
 * The Cocktail scaffolder actions; they act through the `cocktail` backend plugin.
 *
 * @public
 */
export const scaffolderModuleCocktail = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cocktail',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        const client = new CocktailBackendClient({ discovery, auth });
        scaffolder.addActions(
          createCocktailClusterCreateAction({ client }),
          createCocktailClusterUpgradeAction({ client }),
          createCocktailClusterScaleAction({ client }),
          createCocktailClusterDeleteAction({ client }),
          createCocktailClusterAddonAction({ client }),
          createCocktailBackupCreateAction({ client }),
          createCocktailServiceMapProvisionAction({ client }),
          createCocktailServerDeployAction({ client }),
          createCocktailPublishDirectoryAction({
            publishDirectory: config.getOptionalString(
              'cocktail.scaffolder.publishDirectory',
            ),
          }),
        );
      },
    });
  },
});
