import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CocktailPermissionPolicy } from './CocktailPermissionPolicy';
import { CocktailPolicyDecider } from './CocktailPolicyDecider';

/**
 * Installs {@link CocktailPermissionPolicy} as the permission backend's policy.
 *
 * @public
 */
export const permissionModuleCocktailPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'cocktail-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, auth, catalog }) {
        policy.setPolicy(
          new CocktailPermissionPolicy(
            CocktailPolicyDecider.fromConfig(config, { catalog, auth }),
          ),
        );
      },
    });
  },
});
