import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleCocktail from '@cocktailcloud/plugin-catalog-backend-module-cocktail';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Feeds the repository's example catalog through the real catalog backend with the Cocktail
// module, on SQLite and (when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, as
// scripts/test.sh does) PostgreSQL, and reads the relations back over HTTP.

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function startCatalog(knex: any, locations: object[]) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleCocktail,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Resource',
                  'Location',
                  'Group',
                  'User',
                  'Service',
                  'ServiceMap',
                  'CocktailServer',
                ],
              },
            ],
            locations,
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
  const request = async (url: string, init?: RequestInit) => {
    const response = await fetch(`${baseUrl}${url}`, {
      ...init,
      headers: {
        Authorization: mockCredentials.user.header(),
        'Content-Type': 'application/json',
      },
    });
    return response;
  };
  return { backend, request };
}

async function eventually<T>(
  read: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

function relationsOf(entity: Entity): string[] {
  return (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();
}

describe.each(databases.eachSupportedId())(
  'the example catalog on %s',
  databaseId => {
    let catalog: Awaited<ReturnType<typeof startCatalog>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      catalog = await startCatalog(knex, [
        { type: 'file', target: path.join(repoRoot, 'examples/all.yaml') },
      ]);
    });

    afterAll(async () => {
      await catalog?.backend.stop();
    });

    async function fetchEntity(
      ref: string,
      expectRelation: string,
    ): Promise<Entity> {
      return eventually(async () => {
        const response = await catalog.request(`/entities/by-name/${ref}`);
        if (!response.ok) {
          return undefined;
        }
        const entity: Entity = await response.json();
        return relationsOf(entity).includes(expectRelation)
          ? entity
          : undefined;
      }, `${ref} with ${expectRelation}`);
    }

    it('relates a CocktailServer to its ServiceMap, owner and dependencies, both ways', async () => {
      const api = await fetchEntity(
        'cocktailserver/default/payments-api',
        'dependencyOf cocktailserver:default/payments-web',
      );
      expect(relationsOf(api)).toEqual([
        'dependencyOf cocktailserver:default/payments-web',
        'dependsOn cocktailserver:default/payments-db',
        'ownedBy group:default/payments-team',
        'partOf servicemap:default/payments-prod',
      ]);
      expect(api.metadata.annotations?.['backstage.io/kubernetes-id']).toBe(
        'payments-api',
      );
    });

    it('relates a ServiceMap to its Service, cluster, owner and servers', async () => {
      const serviceMap = await fetchEntity(
        'servicemap/default/payments-prod',
        'hasPart cocktailserver:default/payments-settlement',
      );
      expect(relationsOf(serviceMap)).toEqual([
        'dependsOn resource:default/prod',
        'hasPart cocktailserver:default/payments-api',
        'hasPart cocktailserver:default/payments-db',
        'hasPart cocktailserver:default/payments-settlement',
        'hasPart cocktailserver:default/payments-web',
        'hasPart cocktailserver:default/payments-worker',
        'ownedBy group:default/payments-team',
        'partOf service:default/payments',
      ]);
    });

    it('relates a Service to its owner and its ServiceMaps', async () => {
      const service = await fetchEntity(
        'service/default/search',
        'hasPart servicemap:default/search-staging',
      );
      expect(relationsOf(service)).toEqual([
        'hasPart servicemap:default/search-dev',
        'hasPart servicemap:default/search-prod',
        'hasPart servicemap:default/search-staging',
        'ownedBy group:default/search-team',
      ]);
    });

    it('shows a cluster which ServiceMaps depend on it', async () => {
      const cluster = await fetchEntity(
        'resource/default/prod',
        'dependencyOf servicemap:default/search-prod',
      );
      expect(
        relationsOf(cluster).filter(r => r.startsWith('dependencyOf')),
      ).toEqual([
        'dependencyOf servicemap:default/payments-prod',
        'dependencyOf servicemap:default/search-prod',
      ]);
    });

    it('loads every entity of the example catalog', async () => {
      await fetchEntity(
        'cocktailserver/default/search-log-agent',
        'partOf servicemap:default/search-prod',
      );
      const response = await catalog.request('/entity-facets?facet=kind');
      const { facets } = await response.json();
      const counts = Object.fromEntries(
        facets.kind.map((f: any) => [f.value, f.count]),
      );
      expect(counts).toMatchObject({
        Service: 2,
        ServiceMap: 6,
        CocktailServer: 12,
        Resource: 2,
      });
    });
  },
);

describe.each(databases.eachSupportedId())(
  'a catalog file that turns invalid, on %s',
  databaseId => {
    it('keeps the last valid entity and shows the problems on it', async () => {
      const directory = await fs.mkdtemp(
        path.join(os.tmpdir(), 'cocktail-catalog-'),
      );
      const file = path.join(directory, 'catalog-info.yaml');
      const valid = [
        'apiVersion: cocktailcloud.io/v1alpha1',
        'kind: CocktailServer',
        'metadata:',
        '  name: orders-api',
        'spec:',
        '  serviceMap: orders-prod',
        '  type: Deployment',
        '  replicas: 2',
        '  containers:',
        '    - name: api',
        '      image: nginx:1.27',
        '',
      ].join('\n');
      await fs.writeFile(file, valid);
      const knex = await databases.init(databaseId);
      const { backend, request } = await startCatalog(knex, [
        { type: 'file', target: file },
      ]);
      try {
        await eventually(async () => {
          const response = await request(
            '/entities/by-name/cocktailserver/default/orders-api',
          );
          return response.ok ? true : undefined;
        }, 'the valid server');

        await fs.writeFile(
          file,
          valid.replace('replicas: 2', 'replicas: 2\n  schedule: "0 2 * * *"'),
        );
        await request('/refresh', {
          method: 'POST',
          body: JSON.stringify({
            entityRef: 'cocktailserver:default/orders-api',
          }),
        });

        const errors = await eventually(async () => {
          const response = await request(
            '/entities/by-name/cocktailserver/default/orders-api',
          );
          const entity: AlphaEntity = await response.json();
          const items = (entity.status?.items ?? []).filter(
            i => i.level === 'error',
          );
          return items.length ? items : undefined;
        }, 'the processing error');
        expect(errors[0].message).toContain(
          'cocktailserver:default/orders-api: spec.schedule: is only allowed when type is CronJob, but type is Deployment',
        );
      } finally {
        await backend.stop();
        await fs.rm(directory, { recursive: true, force: true });
      }
    });
  },
);
