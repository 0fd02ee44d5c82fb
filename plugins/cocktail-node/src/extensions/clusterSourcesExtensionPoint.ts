import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CocktailClusterSource } from '../clusters/CocktailClusterSource';

/**
 * Where backend modules add cluster sources to the `cocktail` plugin.
 *
 * @public
 */
export interface CocktailClusterSourcesExtensionPoint {
  addClusterSource(source: CocktailClusterSource): void;
}

/**
 * The extension point for cluster sources; Cluster API's kubeconfig Secrets are added as one.
 *
 * @public
 */
export const cocktailClusterSourcesExtensionPoint =
  createExtensionPoint<CocktailClusterSourcesExtensionPoint>({
    id: 'cocktail.cluster-sources',
  });
