import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleCocktail } from './module';
import { isInCocktailServiceRule } from './permissions/isInCocktailServiceRule';
import { CocktailEntitiesProcessor } from './processor/CocktailEntitiesProcessor';

describe('catalogModuleCocktail', () => {
  it('registers the Cocktail processor with the catalog', async () => {
    const extensionPoint = { addProcessor: jest.fn() };
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [catalogModuleCocktail],
    });
    expect(extensionPoint.addProcessor).toHaveBeenCalledTimes(1);
    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(CocktailEntitiesProcessor),
    );
  });

  it("registers the IS_IN_COCKTAIL_SERVICE rule with the catalog's permissions", async () => {
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addProcessor: jest.fn() }],
      ],
      features: [catalogModuleCocktail, permissionsRegistry.factory],
    });
    expect(permissionsRegistry.addPermissionRules).toHaveBeenCalledWith([
      isInCocktailServiceRule,
    ]);
  });
});
