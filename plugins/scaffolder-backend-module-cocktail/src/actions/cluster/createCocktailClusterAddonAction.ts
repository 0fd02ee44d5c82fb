import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { waitFor } from '../waitFor';

/**
 * `cocktail:cluster:addon`: installs, upgrades or removes an add-on of the catalog on a Cluster
 * API cluster through Cluster API Add-on Provider Helm, optionally waiting for its release.
 *
 * @public
 */
export function createCocktailClusterAddonAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:cluster:addon',
    description:
      'Installs, upgrades or removes an add-on (a Helm chart of the portal catalog) on a Cluster API cluster, optionally waiting until its release is deployed or gone',
    examples: [
      {
        description: 'Install ingress-nginx and wait until it is deployed',
        example: [
          'steps:',
          '  - id: ingress',
          '    action: cocktail:cluster:addon',
          '    input: { name: payments-prod-2, addon: ingress-nginx, action: install }',
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
          addon: z
            .string()
            .describe(
              'The add-on of the catalog, such as calico or ingress-nginx',
            ),
          action: z
            .enum(['install', 'upgrade', 'remove'])
            .default('install')
            .describe('What to do'),
          wait: z
            .boolean()
            .default(true)
            .describe('Wait until the release is deployed (or, removed, gone)'),
          timeoutMinutes: z
            .number()
            .min(1)
            .max(60)
            .default(15)
            .describe('How long to wait'),
        }),
      output: z =>
        z.object({
          changes: z
            .array(z.string())
            .describe('What changed, or would in a dry run'),
          status: z
            .string()
            .describe('The release status when the action finished'),
        }),
    },
    async handler(ctx) {
      const {
        name,
        namespace = 'default',
        addon,
        action = 'install',
        wait = true,
        timeoutMinutes = 15,
      } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const body = { addon, action, dryRun: ctx.isDryRun === true };
      if (ctx.isDryRun) {
        const plan = await client.changeClusterAddon(
          credentials,
          namespace,
          name,
          body,
        );
        ctx.output('changes', plan.changes);
        ctx.output('status', 'DryRun');
        return;
      }
      const changes = await ctx.checkpoint({
        key: `cocktail-cluster-addon-${namespace}-${name}-${addon}-${action}`,
        fn: async () =>
          (
            await client.changeClusterAddon(credentials, namespace, name, body)
          ).changes,
      });
      let status = 'requested';
      if (wait) {
        const wanted = (s: { status: string; ready: boolean }) =>
          action === 'remove'
            ? s.status === 'not-installed'
            : s.status === 'deployed' && s.ready;
        const last = await waitFor({
          read: async () =>
            (
              await client.clusterAddons(credentials, namespace, name)
            ).addons.find(a => a.name === addon)!,
          done: wanted,
          describe: s =>
            `${addon} on ${name}: ${s.status}${
              s.message ? ` (${s.message})` : ''
            }`,
          timeoutMs: timeoutMinutes * 60_000,
          intervalMs: options.pollIntervalMs ?? 2_000,
          logger: ctx.logger,
          signal: ctx.signal,
          timeoutMessage: s =>
            `${addon} on ${name} was ${
              s?.status ?? 'unknown'
            } after ${timeoutMinutes} min; CAAPH goes on: follow it on the cluster page`,
        });
        status = last.status;
      }
      ctx.output('changes', changes);
      ctx.output('status', status);
    },
  });
}
