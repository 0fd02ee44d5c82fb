import { InputError } from '@backstage/errors';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createCocktailClusterCreateAction,
  createCocktailClusterScaleAction,
  createCocktailClusterUpgradeAction,
  createCocktailPublishDirectoryAction,
  createCocktailServerDeployAction,
  createCocktailServiceMapProvisionAction,
} from '@cocktailcloud/plugin-scaffolder-backend-module-cocktail';
import { validate } from 'jsonschema';
import fs from 'node:fs';
import path from 'node:path';
import {
  backendClientFor,
  dockerClusterRequest,
} from '../../__testUtils__/clusterRequests';
import { PEOPLE } from '../../__testUtils__/startMatrixBackend';
import { badValue, badVariants, BadVariant } from './badVariants';

/** What running a bad input through an action came back with. */
export interface ActionOutcome {
  status: number;
  message: string;
}

const STATUS_OF_ERROR: Record<string, number> = {
  InputError: 400,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};

type Action = {
  id: string;
  schema?: { input?: any };
  handler: (ctx: any) => Promise<void>;
};

/**
 * Runs an action on an input the way the scaffolder's workflow runner does: the input checked
 * against the action's JSON schema first (the runner's own check, with its message), then the
 * handler, for real (not a dry run), on behalf of a platform admin.
 */
async function runAsTheScaffolderDoes(
  action: Action,
  input: unknown,
  workspacePath: string,
): Promise<ActionOutcome> {
  try {
    if (action.schema?.input) {
      const result = validate(input, action.schema.input);
      if (!result.valid) {
        throw new InputError(
          `Invalid input passed to action ${action.id}, ${result.errors.join(
            ', ',
          )}`,
        );
      }
    }
    const ctx = {
      ...createMockActionContext({ input: input as any, workspacePath }),
      isDryRun: false,
      getInitiatorCredentials: async () => mockCredentials.user(PEOPLE.erin),
    };
    await Promise.race([
      action.handler(ctx),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error('no answer within 30 s')),
          30_000,
        ).unref(),
      ),
    ]);
    return { status: 200, message: '' };
  } catch (error) {
    return {
      status: STATUS_OF_ERROR[(error as Error).name] ?? 500,
      message: (error as Error).message,
    };
  }
}

/** A bad action input: which action, what is wrong, and how to run it. */
export interface BadActionInput {
  family: string;
  change: string;
  field: string;
  run: () => Promise<ActionOutcome>;
}

/** Every Cocktail scaffolder action, with bad inputs generated from a good one. */
export function actionInputs(
  baseUrl: string,
  /** A directory of the test's, removed after it: the workspace and the publish directory. */
  workDir: string,
): BadActionInput[] {
  const client = backendClientFor(baseUrl);
  const workspacePath = path.join(workDir, 'workspace');
  const publishDirectory = path.join(workDir, 'published');
  fs.mkdirSync(workspacePath, { recursive: true });
  fs.mkdirSync(publishDirectory, { recursive: true });
  fs.writeFileSync(path.join(workspacePath, 'catalog-info.yaml'), '');
  const actions: Array<{ action: Action; good: any; extra: BadVariant[] }> = [
    {
      action: createCocktailClusterCreateAction({ client }) as Action,
      good: dockerClusterRequest('bad-input'),
      extra: [
        badValue('provider', {
          name: 'bad-input',
          provider: 'mainframe',
          kubernetesVersion: 'v1.32.2',
          nodePools: [{ name: 'workers', replicas: 1 }],
        }),
      ],
    },
    {
      action: createCocktailClusterUpgradeAction({ client }) as Action,
      good: { name: 'demo', namespace: 'default', version: 'v1.33.1' },
      extra: [
        badValue('timeoutMinutes', {
          name: 'demo',
          version: 'v1.33.1',
          timeoutMinutes: 0,
        }),
      ],
    },
    {
      action: createCocktailClusterScaleAction({ client }) as Action,
      good: {
        name: 'demo',
        namespace: 'default',
        nodePool: 'workers',
        replicas: 3,
      },
      extra: [
        badValue(
          'replicas',
          { name: 'demo', nodePool: 'workers' },
          'no replicas',
        ),
        badValue('replicas', {
          name: 'demo',
          nodePool: 'workers',
          replicas: -1,
        }),
      ],
    },
    {
      action: createCocktailServiceMapProvisionAction({ client }) as Action,
      good: {
        serviceMap: 'servicemap:default/payments-dev',
        defaultDenyNetworkPolicy: false,
        waitForCatalogSeconds: 0,
      },
      extra: [
        badValue('serviceMap', {
          serviceMap: 'component:default/payments-dev',
          waitForCatalogSeconds: 0,
        }),
        badValue('waitForCatalogSeconds', {
          serviceMap: 'servicemap:default/payments-dev',
          waitForCatalogSeconds: 601,
        }),
      ],
    },
    {
      action: createCocktailServerDeployAction({ client }) as Action,
      good: {
        entityRef: 'cocktailserver:default/payments-worker',
        waitForRollout: false,
        timeoutSeconds: 60,
      },
      extra: [
        badValue('entityRef', {
          entityRef: 'component:default/payments-worker',
        }),
        badValue('entityRef', {}, 'neither entityRef nor server'),
        badValue('entityRef', {
          entityRef: 'cocktailserver:default/payments-worker',
          server: { name: 'x', spec: {} },
        }),
        badValue('timeoutSeconds', {
          entityRef: 'cocktailserver:default/payments-worker',
          timeoutSeconds: 5,
        }),
      ],
    },
    {
      action: createCocktailPublishDirectoryAction({
        publishDirectory,
      }) as Action,
      good: { repoName: 'bad-input-catalog', sourcePath: '.' },
      extra: [
        badValue('sourcePath', { repoName: 'bad-input', sourcePath: '../..' }),
        badValue('repoName', { repoName: '../escape' }),
        badValue('repoName', { repoName: 'Upper Case' }),
      ],
    },
  ];
  return actions.flatMap(({ action, good, extra }) => {
    const generated = badVariants(good, { root: 'instance' });
    return [...generated, ...extra].map(variant => ({
      family: `action: ${variant.kind}`,
      change: `${action.id}: ${variant.change}`,
      field: variant.field,
      run: () => runAsTheScaffolderDoes(action, variant.value, workspacePath),
    }));
  });
}
