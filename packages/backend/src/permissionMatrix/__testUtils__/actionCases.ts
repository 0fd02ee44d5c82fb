import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createCocktailClusterCreateAction,
  createCocktailClusterScaleAction,
  createCocktailClusterUpgradeAction,
  createCocktailServerDeployAction,
  createCocktailServiceMapProvisionAction,
} from '@cocktailcloud/plugin-scaffolder-backend-module-cocktail';
import {
  backendClientFor,
  dockerClusterRequest,
} from '../../__testUtils__/clusterRequests';
import { MatrixCase, Outcome } from './matrixCases';
import { PEOPLE, Person } from '../../__testUtils__/startMatrixBackend';

const STATUS_OF_ERROR: Record<string, number> = {
  InputError: 400,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};

/**
 * The scaffolder actions as a template run by each person executes them: in dry-run mode, on
 * behalf of the person who started the task, against the running backend.
 */
export function actionCases(baseUrl: string): MatrixCase[] {
  const client = backendClientFor(baseUrl);
  const run =
    (action: { handler: (ctx: any) => Promise<void> }, input: object) =>
    async (person: Person): Promise<Outcome> => {
      // The mock context takes no initiator: the person is set on it as the task would.
      const ctx = {
        ...createMockActionContext({ input }),
        isDryRun: true,
        getInitiatorCredentials: async () =>
          mockCredentials.user(PEOPLE[person]),
      };
      try {
        await action.handler(ctx);
        return { status: 200 };
      } catch (error) {
        return {
          status: STATUS_OF_ERROR[(error as Error).name] ?? 500,
          message: (error as Error).message,
        };
      }
    };
  const payments = { service: 'payments' as const };
  return [
    {
      name: 'action cocktail:cluster:create',
      permission: 'cocktail.cluster.create',
      target: {},
      run: run(
        createCocktailClusterCreateAction({ client }),
        dockerClusterRequest('matrix'),
      ),
    },
    {
      name: 'action cocktail:cluster:upgrade (demo)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'demo' },
      run: run(createCocktailClusterUpgradeAction({ client }), {
        name: 'demo',
        namespace: 'default',
        version: 'v1.33.1',
      }),
    },
    {
      name: 'action cocktail:cluster:scale (demo)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'demo' },
      run: run(createCocktailClusterScaleAction({ client }), {
        name: 'demo',
        namespace: 'default',
        nodePool: 'workers',
        replicas: 3,
      }),
    },
    {
      name: 'action cocktail:servicemap:provision (payments-dev)',
      permission: 'cocktail.servicemap.provision',
      target: payments,
      run: run(createCocktailServiceMapProvisionAction({ client }), {
        serviceMap: 'servicemap:default/payments-dev',
        waitForCatalogSeconds: 0,
      }),
    },
    {
      name: 'action cocktail:server:deploy (payments-worker)',
      permission: 'cocktail.server.deploy',
      target: payments,
      run: run(createCocktailServerDeployAction({ client }), {
        entityRef: 'cocktailserver:default/payments-worker',
      }),
    },
  ];
}
