import { KubernetesClientModule } from '../kubernetesClient';
import { CocktailClusterAuth } from '../types';
import { AuthOfType, ClusterAuthStrategy } from './ClusterAuthStrategy';
import { InClusterStrategy } from './InClusterStrategy';
import { KubeconfigDataStrategy } from './KubeconfigDataStrategy';
import { KubeconfigStrategy } from './KubeconfigStrategy';
import { ServiceAccountStrategy } from './ServiceAccountStrategy';

export type AuthStrategies = {
  [T in CocktailClusterAuth['type']]: ClusterAuthStrategy<AuthOfType<T>>;
};

export function createAuthStrategies(
  loadClient: () => Promise<KubernetesClientModule>,
): AuthStrategies {
  return {
    serviceAccount: new ServiceAccountStrategy(loadClient),
    kubeconfig: new KubeconfigStrategy(loadClient),
    kubeconfigData: new KubeconfigDataStrategy(loadClient),
    inCluster: new InClusterStrategy(loadClient),
  };
}
