import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleCocktail } from './module';
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
});
