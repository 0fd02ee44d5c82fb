import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { parseRef } from '../parseRef';
import { waitFor } from '../waitFor';

function inlineEntity(server: {
  name: string;
  namespace?: string;
  title?: string;
  spec: Record<string, unknown>;
}) {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'CocktailServer',
    metadata: {
      name: server.name,
      namespace: server.namespace ?? 'default',
      ...(server.title ? { title: server.title } : {}),
    },
    spec: server.spec,
  };
}

/**
 * `cocktail:server:deploy`: renders and applies a CocktailServer, from its catalog entity or
 * from inline values, and waits for the rollout.
 *
 * @public
 */
export function createCocktailServerDeployAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:server:deploy',
    description:
      'Deploys a CocktailServer (a catalog entity, or inline values) to its ServiceMap and waits for the rollout',
    examples: [
      {
        description: 'Deploy a server that is in the catalog',
        example: [
          'steps:',
          '  - id: deploy',
          '    action: cocktail:server:deploy',
          '    input: { entityRef: cocktailserver:default/payments-api }',
        ].join('\n'),
      },
      {
        description:
          'Deploy a new server from the template parameters, before its catalog file is ingested',
        example: [
          'steps:',
          '  - id: deploy',
          '    action: cocktail:server:deploy',
          '    input:',
          '      server:',
          '        name: orders',
          '        spec:',
          '          serviceMap: payments-dev',
          '          type: Deployment',
          '          replicas: 2',
          '          containers: [{ name: app, image: nginx:1.27 }]',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe(
              'The CocktailServer entity ref, such as cocktailserver:default/payments-api',
            ),
          server: z
            .object({
              name: z.string().describe('Server name'),
              namespace: z
                .string()
                .optional()
                .describe('Catalog namespace (default: default)'),
              title: z.string().optional(),
              spec: z
                .record(z.unknown())
                .describe('The CocktailServer spec, as in its catalog file'),
            })
            .optional()
            .describe('Inline values instead of an entity ref'),
          waitForRollout: z
            .boolean()
            .default(true)
            .describe('Wait until every replica runs the new version'),
          timeoutSeconds: z
            .number()
            .int()
            .min(10)
            .max(3600)
            .default(300)
            .describe('How long to wait for the rollout'),
        }),
      output: z =>
        z.object({
          entityRef: z.string().describe('The server entity ref'),
          changes: z
            .array(z.record(z.unknown()))
            .describe('What the deploy created, updated or pruned'),
          status: z
            .record(z.unknown())
            .optional()
            .describe('Replicas and rollout when the action finished'),
        }),
    },
    async handler(ctx) {
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const {
        entityRef,
        server,
        waitForRollout = true,
        timeoutSeconds = 300,
      } = ctx.input;
      if (Boolean(entityRef) === Boolean(server)) {
        throw new InputError('entityRef or server: give exactly one of them');
      }
      const credentials = await ctx.getInitiatorCredentials();
      const deploy = async (dryRun: boolean) => {
        if (entityRef) {
          const ref = parseRef(entityRef, 'cocktailserver', 'entityRef');
          const result = await client.deployServer(credentials, ref, {
            dryRun,
          });
          return {
            result,
            entityRef: `cocktailserver:${ref.namespace}/${ref.name}`,
          } as {
            result: any;
            entityRef: string;
            cluster?: string;
            namespace?: string;
          };
        }
        return client.deployInlineServer(credentials, {
          server: inlineEntity(server!),
          dryRun,
        });
      };
      if (ctx.isDryRun) {
        const plan = await deploy(true);
        ctx.output('entityRef', plan.entityRef);
        ctx.output('changes', plan.result.changes);
        return;
      }
      const done = await ctx.checkpoint({
        key: `cocktail-server-deploy-${
          entityRef ?? `${server!.namespace ?? 'default'}/${server!.name}`
        }`,
        fn: async () => {
          const applied = await deploy(false);
          ctx.logger.info(`Applied ${applied.result.applied.join(', ')}`);
          return {
            entityRef: applied.entityRef,
            changes: applied.result.changes,
            cluster: applied.cluster ?? null,
            namespace: applied.namespace ?? null,
          };
        },
      });
      ctx.output('entityRef', done.entityRef);
      ctx.output('changes', done.changes);
      if (!waitForRollout) {
        return;
      }
      const ref = parseRef(done.entityRef, 'cocktailserver', 'entityRef');
      const status = await waitFor({
        read: () =>
          done.cluster
            ? client.inlineServerStatus(credentials, {
                entityRef: done.entityRef,
                cluster: done.cluster,
                namespace: done.namespace!,
                server: ref.name,
              })
            : client.serverStatus(credentials, ref),
        done: s =>
          s.found && ['complete', 'unknown'].includes(s.rollout?.state),
        describe: s =>
          s.found
            ? `${ref.name}: ${s.replicas.ready} of ${s.replicas.desired} ready, ${s.replicas.updated} updated (${s.rollout.state})`
            : `${ref.name}: waiting for its workload to appear`,
        timeoutMs: timeoutSeconds * 1000,
        intervalMs: options.pollIntervalMs ?? 2_000,
        logger: ctx.logger,
        signal: ctx.signal,
        timeoutMessage: last =>
          `${ref.name} did not finish rolling out within ${timeoutSeconds} s (${
            last?.found
              ? `${last.replicas.ready} of ${last.replicas.desired} ready`
              : 'no workload yet'
          }); what was applied stays: see its Monitoring tab`,
      });
      ctx.output('status', {
        replicas: status.replicas,
        rollout: status.rollout,
      });
    },
  });
}
