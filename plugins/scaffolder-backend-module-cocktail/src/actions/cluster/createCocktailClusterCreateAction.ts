import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { clusterInputSchema, toClusterRequest } from '../clusterRequestSchema';
import { waitFor } from '../waitFor';
import { examples } from './createCocktailClusterCreateAction.examples';

/**
 * `cocktail:cluster:create`: renders a cluster's Cluster API objects and applies them to the
 * management cluster, after the cluster policy and a dry run on the API server accept them.
 *
 * @public
 */
export function createCocktailClusterCreateAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:cluster:create',
    description:
      'Creates a Kubernetes cluster through Cluster API on the configured management cluster, optionally waiting until it is provisioned',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        clusterInputSchema(z).extend({
          owner: z
            .string()
            .optional()
            .describe(
              'Owner of the cluster entity, such as group:platform-team',
            ),
          addons: z
            .array(z.string())
            .optional()
            .describe(
              "Add-ons of the portal's catalog to install, such as [calico, ingress-nginx]; the catalog's defaults when not given (a kubeadm cluster always gets a CNI)",
            ),
          waitForProvisioned: z
            .boolean()
            .default(false)
            .describe('Wait until Cluster API reports the cluster Provisioned'),
          timeoutMinutes: z
            .number()
            .min(1)
            .max(180)
            .default(30)
            .describe('How long to wait for provisioning'),
        }),
      output: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The cluster Resource entity ref, such as resource:default/demo',
            ),
          entity: z
            .record(z.unknown())
            .describe('The kubernetes-cluster Resource entity for the catalog'),
          manifests: z
            .array(z.record(z.unknown()))
            .describe(
              'The Cluster API objects applied (or, in a dry run, that would be)',
            ),
          phase: z
            .string()
            .describe('Cluster API phase when the action finished'),
        }),
    },
    async handler(ctx) {
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const {
        owner,
        addons,
        waitForProvisioned = false,
        timeoutMinutes = 30,
        ...input
      } = ctx.input;
      const request = toClusterRequest(input);
      const namespace = request.namespace ?? 'default';
      const credentials = await ctx.getInitiatorCredentials();
      if (ctx.isDryRun) {
        const plan = await client.createCluster(credentials, {
          request,
          dryRun: true,
          owner,
          addons,
        });
        ctx.logger.info(
          `Dry run: the management cluster accepts ${plan.objects.join(', ')}`,
        );
        ctx.output('entityRef', plan.entityRef);
        ctx.output('entity', plan.entity);
        ctx.output('manifests', plan.manifests);
        ctx.output('phase', 'DryRun');
        return;
      }
      // A retried task finds the result here instead of applying again.
      const created = await ctx.checkpoint({
        key: `cocktail-cluster-create-${namespace}-${request.name}`,
        fn: async () => {
          const result = await client.createCluster(credentials, {
            request,
            dryRun: false,
            owner,
            addons,
          });
          ctx.logger.info(`Applied ${result.applied.join(', ')}`);
          return {
            entityRef: result.entityRef,
            entity: result.entity as Record<string, any>,
            manifests: result.manifests as Record<string, any>[],
          };
        },
      });
      let phase = 'Pending';
      if (waitForProvisioned) {
        phase = await ctx.checkpoint({
          key: `cocktail-cluster-provisioned-${namespace}-${request.name}`,
          fn: async () => {
            const status = await waitFor({
              read: () =>
                client.clusterStatus(credentials, namespace, request.name),
              done: s => s.phase === 'Provisioned' && s.kubeconfigSecret,
              describe: s =>
                `Cluster ${request.name}: ${s.phase}${
                  s.conditions?.length
                    ? ` (${s.conditions
                        .map((c: any) => `${c.type}=${c.status}`)
                        .join(', ')})`
                    : ''
                }`,
              timeoutMs: timeoutMinutes * 60_000,
              intervalMs: options.pollIntervalMs ?? 2_000,
              logger: ctx.logger,
              signal: ctx.signal,
              timeoutMessage: last =>
                `cluster ${
                  request.name
                } did not become Provisioned within ${timeoutMinutes} min (last phase ${
                  last?.phase ?? 'unknown'
                }); its Cluster API objects stay on the management cluster: follow it on the Clusters page, or delete them`,
            });
            return status.phase as string;
          },
        });
      }
      ctx.output('entityRef', created.entityRef);
      ctx.output('entity', created.entity);
      ctx.output('manifests', created.manifests);
      ctx.output('phase', phase);
    },
  });
}
