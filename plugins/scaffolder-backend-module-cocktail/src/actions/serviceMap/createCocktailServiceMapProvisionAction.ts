import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { parseRef } from '../parseRef';

/**
 * `cocktail:servicemap:provision`: the ServiceMap's namespace on its cluster with labels, its
 * ResourceQuota and LimitRange, RoleBindings for the Service's members by role, and optionally
 * a default-deny NetworkPolicy.
 *
 * @public
 */
export function createCocktailServiceMapProvisionAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:servicemap:provision',
    description:
      "Provisions a ServiceMap's namespace: labels, quota, default limits, member role bindings, optional default-deny network policy",
    examples: [
      {
        description:
          'Provision the production ServiceMap with a default-deny policy',
        example: [
          'steps:',
          '  - id: provision',
          '    action: cocktail:servicemap:provision',
          '    input: { serviceMap: servicemap:default/payments-prod, defaultDenyNetworkPolicy: true }',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          serviceMap: z
            .string()
            .describe(
              'The ServiceMap entity ref, such as servicemap:default/payments-prod; it must be in the catalog',
            ),
          defaultDenyNetworkPolicy: z
            .boolean()
            .default(false)
            .describe(
              'Deny all traffic not explicitly allowed (DNS and traffic inside the namespace stay allowed)',
            ),
          waitForCatalogSeconds: z
            .number()
            .int()
            .min(0)
            .max(600)
            .default(90)
            .describe(
              'How long to wait for a just-published ServiceMap to appear in the catalog',
            ),
        }),
      output: z =>
        z.object({
          objects: z
            .array(z.string())
            .describe('The objects applied, or that would be'),
          manifests: z
            .array(z.record(z.unknown()))
            .describe('The rendered objects'),
        }),
    },
    async handler(ctx) {
      const ref = parseRef(ctx.input.serviceMap, 'servicemap', 'serviceMap');
      const credentials = await ctx.getInitiatorCredentials();
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const body = {
        defaultDenyNetworkPolicy: ctx.input.defaultDenyNetworkPolicy ?? false,
      };
      const deadline =
        Date.now() + (ctx.input.waitForCatalogSeconds ?? 90) * 1000;
      // A ServiceMap published by an earlier step reaches the catalog a few seconds later.
      const provision = async (
        dryRun: boolean,
      ): Promise<Record<string, any>> => {
        for (;;) {
          try {
            return await client.provisionServiceMap(credentials, ref, {
              ...body,
              dryRun,
            });
          } catch (error) {
            const notYet = /is not in the catalog|in the catalog$/.test(
              (error as Error).message,
            );
            if (!notYet || Date.now() > deadline) {
              throw error;
            }
            ctx.logger.info(
              `Waiting for ${ctx.input.serviceMap} to appear in the catalog`,
            );
            await new Promise(resolve =>
              setTimeout(resolve, options.pollIntervalMs ?? 2_000),
            );
          }
        }
      };
      const result = ctx.isDryRun
        ? await provision(true)
        : await ctx.checkpoint({
            key: `cocktail-servicemap-provision-${ref.namespace}-${ref.name}`,
            fn: () => provision(false),
          });
      ctx.logger.info(
        `${ctx.isDryRun ? 'Would apply' : 'Applied'}: ${result.objects.join(
          ', ',
        )}`,
      );
      ctx.output('objects', result.objects);
      ctx.output('manifests', result.manifests);
    },
  });
}
