import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CocktailEntitiesProcessor } from './processor/CocktailEntitiesProcessor';

/** Adds the Cocktail kinds to the catalog: validation, relations and the kubernetes-id annotation. */
export const catalogModuleCocktail = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cocktail',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new CocktailEntitiesProcessor());
      },
    });
  },
});
