import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { waitFor } from '../waitFor';

/**
 * `cocktail:cluster:delete`: deletes a Cluster API cluster and everything Cluster API made for
 * it, as the person who runs the template (their `cocktail.cluster.delete` permission and the
 * cluster policy decide); refused while ServiceMaps are bound to it unless a platform admin
 * forces it.
 *
 * @public
 */
export function createCocktailClusterDeleteAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:cluster:delete',
    description:
      'Deletes a Cluster API cluster (its machines, node pools, control plane, infrastructure and kubeconfig), optionally waiting until it is gone',
    examples: [
      {
        description:
          'Delete a sandbox cluster and wait until Cluster API has removed it',
        example: [
          'steps:',
          '  - id: delete',
          '    action: cocktail:cluster:delete',
          '    input: { name: sandbox, waitForDeletion: true }',
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
          force: z
            .boolean()
            .default(false)
            .describe(
              'Delete it although ServiceMaps are bound to it (platform admins only)',
            ),
          waitForDeletion: z
            .boolean()
            .default(true)
            .describe('Wait until the Cluster is gone'),
          timeoutMinutes: z
            .number()
            .min(1)
            .max(120)
            .default(30)
            .describe('How long to wait'),
        }),
      output: z =>
        z.object({
          changes: z
            .array(z.string())
            .describe('What was deleted, or would be in a dry run'),
        }),
    },
    async handler(ctx) {
      const {
        name,
        namespace = 'default',
        force = false,
        waitForDeletion = true,
        timeoutMinutes = 30,
      } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      if (ctx.isDryRun) {
        const plan = await client.deleteCluster(credentials, namespace, name, {
          confirm: name,
          force,
          dryRun: true,
        });
        ctx.output('changes', plan.changes);
        return;
      }
      const deleted = await ctx.checkpoint({
        key: `cocktail-cluster-delete-${namespace}-${name}`,
        fn: async () => {
          const result = await client.deleteCluster(
            credentials,
            namespace,
            name,
            { confirm: name, force, dryRun: false },
          );
          return result.changes;
        },
      });
      if (waitForDeletion) {
        await waitFor({
          read: async () => {
            try {
              return (await client.clusterStatus(credentials, namespace, name))
                .phase as string;
            } catch (error) {
              if (error instanceof NotFoundError) {
                return 'Deleted';
              }
              throw error;
            }
          },
          done: phase => phase === 'Deleted',
          describe: phase => `Cluster ${name}: ${phase}`,
          timeoutMs: timeoutMinutes * 60_000,
          intervalMs: options.pollIntervalMs ?? 2_000,
          logger: ctx.logger,
          signal: ctx.signal,
          timeoutMessage: last =>
            `cluster ${name} was still ${
              last ?? 'there'
            } after ${timeoutMinutes} min; Cluster API goes on deleting it: follow it on its cluster page`,
        });
      }
      ctx.output('changes', deleted);
    },
  });
}
