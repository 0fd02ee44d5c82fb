import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const CATALOG_FILE = 'catalog-info.yaml';

/**
 * Reads `<publishDirectory>/<repository>/catalog-info.yaml`, the files Cocktail's
 * `cocktail:publish:directory` scaffolder action writes for portals without a Git server. It
 * only ever reads that one directory, and hands the catalog every entity found there whenever a
 * file changed. It reads on Backstage's scheduler: with several backend replicas (sharing the
 * directory on one volume) one of them reads it per interval.
 */
export class PublishedDirectoryEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private fingerprint = '';

  constructor(
    private readonly options: {
      directory: string;
      logger: LoggerService;
      /** When the directory is read again; a global task, so once across replicas. */
      taskRunner: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName() {
    return 'cocktail-published-directory';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
    await this.read();
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:read`,
      fn: () =>
        this.read().catch(error =>
          this.options.logger.warn(
            `could not read ${this.options.directory}: ${error}`,
          ),
        ),
    });
  }

  private async catalogFiles(): Promise<
    Array<{ file: string; mtime: number }>
  > {
    const repositories = await fs
      .readdir(this.options.directory, { withFileTypes: true })
      .catch(() => []);
    const files = [];
    for (const repository of repositories.filter(r => r.isDirectory())) {
      const file = path.join(
        this.options.directory,
        repository.name,
        CATALOG_FILE,
      );
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat) {
        files.push({ file, mtime: stat.mtimeMs });
      }
    }
    return files.sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Reads the directory; applies a full mutation only when some file was added, changed or removed. */
  async read() {
    if (!this.connection) {
      return;
    }
    const files = await this.catalogFiles();
    const fingerprint = JSON.stringify(files);
    if (fingerprint === this.fingerprint) {
      return;
    }
    const entities = [];
    for (const { file } of files) {
      const location = `file:${file}`;
      const text = await fs.readFile(file, 'utf8');
      for (const document of parseAllDocuments(text)) {
        if (document.errors.length) {
          this.options.logger.warn(
            `${file} is not valid YAML, skipped: ${document.errors[0].message}`,
          );
          continue;
        }
        const entity = document.toJS() as Entity | null;
        if (!entity || typeof entity !== 'object') {
          continue;
        }
        entities.push({
          locationKey: location,
          entity: {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: {
                ...entity.metadata?.annotations,
                [ANNOTATION_LOCATION]: location,
                [ANNOTATION_ORIGIN_LOCATION]: location,
              },
            },
          },
        });
      }
    }
    await this.connection.applyMutation({ type: 'full', entities });
    this.fingerprint = fingerprint;
  }
}
