import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { nodePoolSchema } from '../clusterRequestSchema';

/**
 * `cocktail:cluster:scale`: sets a node pool's size, or adds a node pool.
 *
 * @public
 */
export function createCocktailClusterScaleAction(options: {
  client: CocktailBackendClient;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:cluster:scale',
    description: 'Scales a node pool of a Cluster API cluster, or adds one',
    examples: [
      {
        description: 'Scale the workers pool to 5 nodes',
        example: [
          'steps:',
          '  - id: scale',
          '    action: cocktail:cluster:scale',
          '    input: { name: payments-prod-2, nodePool: workers, replicas: 5 }',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          name: z.string().describe('Cluster name'),
          namespace: z
            .string()
            .default('default')
            .describe('Namespace of its Cluster API objects'),
          nodePool: z.string().optional().describe('The node pool to scale'),
          replicas: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Its new number of nodes'),
          addNodePool: nodePoolSchema(z)
            .optional()
            .describe('A node pool to add instead'),
        }),
      output: z =>
        z.object({
          result: z
            .record(z.unknown())
            .describe('What changed (or would, in a dry run)'),
        }),
    },
    async handler(ctx) {
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const {
        name,
        namespace = 'default',
        nodePool,
        replicas,
        addNodePool,
      } = ctx.input;
      if (!addNodePool && (nodePool === undefined || replicas === undefined)) {
        throw new InputError(
          'nodePool and replicas: give both to scale a pool, or addNodePool to add one',
        );
      }
      const body = addNodePool
        ? {
            addNodePool: {
              ...addNodePool,
              ...(addNodePool.minReplicas !== undefined ||
              addNodePool.maxReplicas !== undefined
                ? {
                    autoscaling: {
                      minReplicas:
                        addNodePool.minReplicas ?? addNodePool.replicas,
                      maxReplicas:
                        addNodePool.maxReplicas ?? addNodePool.replicas,
                    },
                  }
                : {}),
            },
          }
        : { nodePool: nodePool!, replicas: replicas! };
      const credentials = await ctx.getInitiatorCredentials();
      const result = ctx.isDryRun
        ? ((await client.scaleCluster(credentials, namespace, name, {
            ...body,
            dryRun: true,
          })) as Record<string, any>)
        : await ctx.checkpoint({
            key: `cocktail-cluster-scale-${namespace}-${name}-${
              addNodePool?.name ?? nodePool
            }-${addNodePool ? 'add' : replicas}`,
            fn: async () =>
              (await client.scaleCluster(credentials, namespace, name, {
                ...body,
                dryRun: false,
              })) as Record<string, any>,
          });
      ctx.output('result', result);
    },
  });
}
