import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { KubeSim } from '@cocktailcloud/kube-sim';
import { createCocktailClusterCreateAction } from '@cocktailcloud/plugin-scaffolder-backend-module-cocktail';
import {
  backendClientFor,
  dockerClusterRequest,
} from '../../__testUtils__/clusterRequests';
import { PEOPLE } from '../../__testUtils__/startMatrixBackend';
import { FaultCase } from './FaultCase';

/**
 * A template creating a cluster that Cluster API never finishes: the action waits its
 * timeout, then says which cluster stayed in which phase and what was left behind.
 */
export function stuckClusterCase(sim: KubeSim, baseUrl: string): FaultCase {
  const management = sim.cluster('dev').controllers!;
  const client = backendClientFor(baseUrl);
  const action = createCocktailClusterCreateAction({
    client,
    pollIntervalMs: 1_000,
  });
  return {
    family: 'cluster stuck in Provisioning',
    name: 'cocktail:cluster:create waiting for a cluster that stays Provisioning',
    cluster: 'stuck',
    cause:
      /did not become Provisioned within 1 min \(last phase Provisioning\)/,
    audit: 'cluster.create',
    deadlineMs: 90_000,
    inject: () => management.tune({ clusterApiStallAt: 'Provisioning' }),
    act: async () => {
      const ctx = {
        ...createMockActionContext({
          input: {
            ...dockerClusterRequest('stuck'),
            waitForProvisioned: true,
            timeoutMinutes: 1,
          },
        }),
        getInitiatorCredentials: async () => mockCredentials.user(PEOPLE.erin),
      };
      try {
        await action.handler(ctx as any);
        return { status: 200, text: 'the action finished' };
      } catch (error) {
        return { status: 504, text: (error as Error).message };
      }
    },
    heal: () => management.tune({ clusterApiStallAt: undefined }),
  };
}
