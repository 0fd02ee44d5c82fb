import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { waitFor } from '../waitFor';

/**
 * `cocktail:cluster:upgrade`: the control plane first, then, once it runs the new version, the
 * node pools; a skip of more than one minor version is refused by the backend.
 *
 * @public
 */
export function createCocktailClusterUpgradeAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:cluster:upgrade',
    description:
      "Upgrades a Cluster API cluster's Kubernetes version: control plane first, then node pools",
    examples: [
      {
        description: 'Upgrade to the next minor version',
        example: [
          'steps:',
          '  - id: upgrade',
          '    action: cocktail:cluster:upgrade',
          '    input: { name: payments-prod-2, version: v1.34.0 }',
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
          version: z
            .string()
            .describe(
              'Target Kubernetes version, such as v1.34.0: at most one minor version up',
            ),
          timeoutMinutes: z
            .number()
            .min(1)
            .max(240)
            .default(60)
            .describe('How long to wait for each stage'),
        }),
      output: z =>
        z.object({
          changes: z
            .array(z.record(z.unknown()))
            .describe(
              'Every object and field changed, or to change in a dry run',
            ),
        }),
    },
    async handler(ctx) {
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const {
        name,
        namespace = 'default',
        version,
        timeoutMinutes = 60,
      } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      if (ctx.isDryRun) {
        const plan = await client.upgradeCluster(credentials, namespace, name, {
          version,
          stage: 'control-plane',
          dryRun: true,
        });
        ctx.output('changes', plan.changes as Record<string, any>[]);
        return;
      }
      const first = await ctx.checkpoint({
        key: `cocktail-cluster-upgrade-${namespace}-${name}-${version}-control-plane`,
        fn: async () =>
          (await client.upgradeCluster(credentials, namespace, name, {
            version,
            stage: 'control-plane',
            dryRun: false,
          })) as { stage: string; changes: any[] },
      });
      if (first.stage === 'topology') {
        ctx.output('changes', first.changes);
        return;
      }
      await ctx.checkpoint({
        key: `cocktail-cluster-upgrade-${namespace}-${name}-${version}-wait`,
        fn: async () => {
          await waitFor({
            read: () => client.clusterStatus(credentials, namespace, name),
            done: s =>
              s.controlPlane?.version === version && s.phase === 'Provisioned',
            describe: s =>
              `Control plane of ${name}: ${
                s.controlPlane?.version ?? 'unknown'
              } (${s.phase})`,
            timeoutMs: timeoutMinutes * 60_000,
            intervalMs: options.pollIntervalMs ?? 2_000,
            logger: ctx.logger,
            signal: ctx.signal,
            timeoutMessage: () =>
              `the control plane of ${name} did not finish upgrading to ${version} within ${timeoutMinutes} min; the node pools were left at their version`,
          });
        },
      });
      const second = await ctx.checkpoint({
        key: `cocktail-cluster-upgrade-${namespace}-${name}-${version}-node-pools`,
        fn: async () =>
          (await client.upgradeCluster(credentials, namespace, name, {
            version,
            stage: 'node-pools',
            dryRun: false,
          })) as { changes: any[] },
      });
      ctx.logger.info(
        `Node pools moving to ${version}: ${
          second.changes.map(c => c.object).join(', ') || 'none left'
        }`,
      );
      ctx.output('changes', [...first.changes, ...second.changes]);
    },
  });
}
