import { ConflictError, InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';

/** The workspace part to publish; a path that leaves the workspace is the input's fault. */
function insideWorkspace(workspacePath: string, sourcePath: string) {
  try {
    return resolveSafeChildPath(workspacePath, sourcePath);
  } catch {
    throw new InputError(
      `sourcePath: expected a path inside the task's workspace, got ${JSON.stringify(
        sourcePath,
      )}`,
    );
  }
}

/**
 * `cocktail:publish:directory`: publishes the task's files to a directory that stands in for a
 * Git repository (the offline demo has no Git server). The catalog module reads every
 * repository's catalog-info.yaml there, so what is published appears in the catalog within
 * seconds.
 *
 * @public
 */
export function createCocktailPublishDirectoryAction(options: {
  /** `cocktail.scaffolder.publishDirectory`; the action refuses to run without it. */
  publishDirectory?: string;
}) {
  return createTemplateAction({
    id: 'cocktail:publish:directory',
    description:
      "Publishes the workspace to a repository directory on the portal's host, whose catalog-info.yaml the catalog reads (for offline portals; use publish:github and catalog:register elsewhere)",
    examples: [
      {
        description:
          'Publish the rendered catalog files as the repository payments-catalog',
        example: [
          'steps:',
          '  - id: publish',
          '    action: cocktail:publish:directory',
          '    input: { repoName: payments-catalog }',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          repoName: z
            .string()
            .regex(
              /^[a-z0-9][a-z0-9._-]*$/,
              'a lower-case name such as payments-catalog',
            )
            .describe(
              'Repository name: the directory created under the publish directory',
            ),
          sourcePath: z
            .string()
            .default('.')
            .describe('Part of the workspace to publish'),
        }),
      output: z =>
        z.object({
          remoteUrl: z.string().describe('Where the repository is'),
          catalogInfoPath: z
            .string()
            .describe('The catalog file the catalog reads'),
          entityRef: z
            .string()
            .optional()
            .describe('The first entity of the catalog file'),
        }),
    },
    async handler(ctx) {
      if (!options.publishDirectory) {
        throw new Error(
          'cocktail.scaffolder.publishDirectory is not configured: set it to a directory, or publish with publish:github and catalog:register',
        );
      }
      // The scaffolder checks inputs against the schema but does not fill in its defaults.
      const sourcePath = ctx.input.sourcePath ?? '.';
      const source = insideWorkspace(ctx.workspacePath, sourcePath);
      const target = resolveSafeChildPath(
        options.publishDirectory,
        ctx.input.repoName,
      );
      const catalogFile = path.join(target, 'catalog-info.yaml');
      ctx.output('remoteUrl', target);
      ctx.output('catalogInfoPath', catalogFile);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${source} to ${target}`);
        return;
      }
      await ctx.checkpoint({
        key: `cocktail-publish-${ctx.input.repoName}`,
        fn: async () => {
          // A retried task finds its own files here; anything else is someone else's repository.
          const existing = await fs.readdir(target).catch(() => undefined);
          if (existing?.length) {
            throw new ConflictError(
              `repoName: ${ctx.input.repoName} already exists in the publish directory; choose another name`,
            );
          }
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.cp(source, target, { recursive: true });
          ctx.logger.info(`Published to ${target}`);
        },
      });
      const text = await fs
        .readFile(catalogFile, 'utf8')
        .catch(() => undefined);
      const first = text
        ? (yaml.parseAllDocuments(text)[0]?.toJS() as any)
        : undefined;
      if (first?.kind && first?.metadata?.name) {
        ctx.output(
          'entityRef',
          `${String(first.kind).toLocaleLowerCase('en-US')}:${
            first.metadata.namespace ?? 'default'
          }/${first.metadata.name}`,
        );
      }
    },
  });
}
