import {
  ClusterApiProviders,
  discoverClusterApiVersions,
  kubeConfigDiscovery,
} from '@cocktailcloud/plugin-cocktail-node';
import { ServiceUnavailableError } from '@backstage/errors';
import type * as k8s from '@kubernetes/client-node';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { ManagementCluster } from './clusterOperations';

const DISCOVERY_CACHE_MS = 60_000;

/**
 * The configured management cluster: its client, and the Cluster API versions it serves, read
 * from discovery and kept for a minute (providers are installed rarely).
 */
export function managementClusterAccess(options: {
  name: string;
  kubeConfigFor: (cluster: string) => Promise<k8s.KubeConfig>;
  loadClient: () => Promise<typeof k8s>;
  providers: ClusterApiProviders;
  timeoutMs?: number;
}): () => Promise<ManagementCluster> {
  let discovered:
    | { at: number; value: ReturnType<typeof discoverClusterApiVersions> }
    | undefined;
  return async () => {
    const config = await options.kubeConfigFor(options.name);
    const client = await options.loadClient();
    return {
      name: options.name,
      providers: options.providers,
      ops: new KubernetesOperations(
        client,
        config,
        options.name,
        options.timeoutMs,
      ),
      versions: async () => {
        if (!discovered || Date.now() - discovered.at > DISCOVERY_CACHE_MS) {
          discovered = {
            at: Date.now(),
            value: discoverClusterApiVersions(
              kubeConfigDiscovery(config, {
                timeoutMs: options.timeoutMs,
                cluster: options.name,
              }),
              { providers: options.providers },
            ),
          };
          // A failed discovery is not kept: the next request asks again.
          discovered.value.catch(() => {
            discovered = undefined;
          });
        }
        // A management cluster that does not answer discovery is unavailable, not broken.
        const { versions, missingKinds } = await discovered.value.catch(
          error => {
            throw new ServiceUnavailableError((error as Error).message);
          },
        );
        return { versions, missingKinds };
      },
    };
  };
}
