import {
  CatalogManifests,
  renderCatalogManifests,
} from '@cocktailcloud/plugin-cocktail-node';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { formatManifests } from '../cluster/formatManifests';
import { formatProblem } from '../validate/formatReport';
import { validatePaths } from '../validate/validatePaths';
import { collectFiles } from '../validate/collectFiles';

async function readEntities(paths: string[]): Promise<Entity[]> {
  const { files } = await collectFiles(paths);
  const entities: Entity[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(await fs.readFile(file, 'utf8'))) {
      entities.push(document.toJS());
    }
  }
  return entities;
}

async function writeDirectory(
  rendered: CatalogManifests,
  out: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const [cluster, groups] of Object.entries(rendered.clusters)) {
    const directory = path.join(out, cluster);
    await fs.rm(directory, { recursive: true, force: true });
    await fs.mkdir(directory, { recursive: true });
    for (const group of groups) {
      const file = path.join(directory, `${group.serviceMap}.yaml`);
      await fs.writeFile(file, `${formatManifests(group.manifests, 'yaml')}\n`);
      written.push(
        `${file}: ${group.manifests.length} objects (${
          group.servers.join(', ') || 'no servers'
        })`,
      );
    }
  }
  return written;
}

function printAll(rendered: CatalogManifests): string {
  return Object.entries(rendered.clusters)
    .flatMap(([cluster, groups]) =>
      groups.map(
        group =>
          `# cluster ${cluster}, ServiceMap ${
            group.serviceMap
          }\n${formatManifests(group.manifests, 'yaml')}`,
      ),
    )
    .join('\n---\n');
}

/**
 * `cocktail servers render <paths…> [--out dir]`: the Kubernetes objects the catalog's
 * ServiceMaps and CocktailServers describe. Invalid catalog files are reported, not rendered.
 */
export async function serversRenderCommand(
  paths: string[],
  options: { out?: string },
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  const validation = await validatePaths(paths);
  if (validation.problems.length) {
    validation.problems.forEach(p => writeError(formatProblem(p)));
    writeError(
      `nothing rendered: ${validation.problems.length} problem(s) in the catalog files`,
    );
    return 1;
  }
  const rendered = renderCatalogManifests(await readEntities(paths));
  rendered.skipped.forEach(reason => writeError(`skipped ${reason}`));
  if (!Object.keys(rendered.clusters).length) {
    writeError('nothing rendered: the files hold no ServiceMap');
    return 1;
  }
  if (options.out) {
    (await writeDirectory(rendered, options.out)).forEach(line => write(line));
  } else {
    write(printAll(rendered));
  }
  return 0;
}
