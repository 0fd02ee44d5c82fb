import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CocktailBackendClient } from '../../CocktailBackendClient';
import { parseRef } from '../parseRef';
import { waitFor } from '../waitFor';

const FINISHED = ['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation'];

/**
 * `cocktail:backup:create`: backs up a ServiceMap's namespace (or, for platform admins, a
 * whole cluster) through Velero, now or on a schedule, optionally waiting for the backup.
 *
 * @public
 */
export function createCocktailBackupCreateAction(options: {
  client: CocktailBackendClient;
  pollIntervalMs?: number;
}) {
  const { client } = options;
  return createTemplateAction({
    id: 'cocktail:backup:create',
    description:
      "Backs up a ServiceMap's namespace or a whole cluster through Velero, now or on a cron schedule, optionally waiting until the backup completes",
    examples: [
      {
        description: 'Back up payments-dev before an upgrade, kept for a week',
        example: [
          'steps:',
          '  - id: backup',
          '    action: cocktail:backup:create',
          '    input: { serviceMap: servicemap:default/payments-dev, ttl: 168h }',
        ].join('\n'),
      },
      {
        description: 'Back up payments-prod every night at 03:00 UTC',
        example: [
          'steps:',
          '  - id: nightly',
          '    action: cocktail:backup:create',
          "    input: { serviceMap: servicemap:default/payments-prod, schedule: '0 3 * * *' }",
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          serviceMap: z
            .string()
            .optional()
            .describe(
              'The ServiceMap whose namespace to back up, such as servicemap:default/payments-dev',
            ),
          cluster: z
            .string()
            .optional()
            .describe('Or a cluster to back up whole (platform admins)'),
          name: z
            .string()
            .optional()
            .describe(
              'The Backup or Schedule name; from the namespace and time when not given',
            ),
          schedule: z
            .string()
            .optional()
            .describe(
              'A cron schedule (UTC) such as "0 3 * * *"; a one-off backup when not given',
            ),
          ttl: z
            .string()
            .optional()
            .describe('How long each backup is kept, such as 720h'),
          waitForCompletion: z
            .boolean()
            .default(true)
            .describe('Wait until a one-off backup completes'),
          timeoutMinutes: z
            .number()
            .min(1)
            .max(240)
            .default(30)
            .describe('How long to wait'),
        }),
      output: z =>
        z.object({
          name: z.string().describe('The Backup or Schedule created'),
          phase: z
            .string()
            .describe('The backup phase when the action finished'),
          changes: z
            .array(z.string())
            .describe('What was created, or would be in a dry run'),
        }),
    },
    async handler(ctx) {
      const {
        serviceMap,
        cluster,
        name,
        schedule,
        ttl,
        waitForCompletion = true,
        timeoutMinutes = 30,
      } = ctx.input;
      if (Boolean(serviceMap) === Boolean(cluster)) {
        throw new InputError(
          'serviceMap or cluster: give one of them, the ServiceMap to back up or the cluster to back up whole',
        );
      }
      const target = serviceMap
        ? { serviceMap: parseRef(serviceMap, 'servicemap', 'serviceMap') }
        : { cluster: cluster! };
      const credentials = await ctx.getInitiatorCredentials();
      const request = { name, schedule, ttl };
      if (ctx.isDryRun) {
        const plan = await client.createBackup(credentials, target, {
          ...request,
          dryRun: true,
        });
        ctx.output('name', plan.manifest.metadata.name!);
        ctx.output('phase', 'DryRun');
        ctx.output('changes', plan.changes);
        return;
      }
      const created = await ctx.checkpoint({
        key: `cocktail-backup-create-${serviceMap ?? cluster}-${
          name ?? schedule ?? 'now'
        }`,
        fn: async () => {
          const result = await client.createBackup(credentials, target, {
            ...request,
            dryRun: false,
          });
          return {
            name: result.manifest.metadata.name!,
            changes: result.changes,
          };
        },
      });
      let phase = schedule ? 'Scheduled' : 'New';
      if (!schedule && waitForCompletion) {
        const backup = await waitFor({
          read: async () =>
            (
              await client.backups(credentials, target)
            ).backups.find(b => b.name === created.name),
          done: b => Boolean(b && FINISHED.includes(b.phase)),
          describe: b =>
            `Backup ${created.name}: ${b?.phase ?? 'not listed yet'}`,
          timeoutMs: timeoutMinutes * 60_000,
          intervalMs: options.pollIntervalMs ?? 2_000,
          logger: ctx.logger,
          signal: ctx.signal,
          timeoutMessage: b =>
            `backup ${created.name} was ${
              b?.phase ?? 'not listed'
            } after ${timeoutMinutes} min; Velero goes on: follow it on the Backups tab`,
        });
        phase = backup!.phase;
        if (phase !== 'Completed') {
          throw new Error(
            `backup ${created.name} ended ${phase}${
              backup?.validationErrors?.length
                ? `: ${backup.validationErrors.join('; ')}`
                : ''
            }`,
          );
        }
      }
      ctx.output('name', created.name);
      ctx.output('phase', phase);
      ctx.output('changes', created.changes);
    },
  });
}
