import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ClusterApiControlPlaneProvider,
  ClusterApiInfrastructureProvider,
} from '../clusterApi/providers/ClusterApiProviders';

/**
 * Where backend modules add Cluster API providers to the `cocktail` plugin.
 *
 * @public
 */
export interface CocktailClusterApiProvidersExtensionPoint {
  addInfrastructureProvider(provider: ClusterApiInfrastructureProvider): void;
  addControlPlaneProvider(provider: ClusterApiControlPlaneProvider): void;
}

/**
 * The extension point for Cluster API infrastructure and control-plane providers; the built-in
 * ones (aws … gke; kubeadm, rke2, k3s) are added through it too.
 *
 * @public
 */
export const cocktailClusterApiProvidersExtensionPoint =
  createExtensionPoint<CocktailClusterApiProvidersExtensionPoint>({
    id: 'cocktail.cluster-api-providers',
  });
