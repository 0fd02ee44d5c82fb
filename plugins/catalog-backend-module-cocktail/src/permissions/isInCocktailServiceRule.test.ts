import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CocktailServiceScope,
  IS_IN_COCKTAIL_SERVICE,
  isInCocktailService,
} from '@cocktailcloud/plugin-cocktail-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { catalogModuleCocktail } from '../module';
import { isInCocktailServiceRule } from './isInCocktailServiceRule';

jest.setTimeout(120_000);

const API_VERSION = 'cocktailcloud.io/v1alpha1';

function entity(
  kind: string,
  ref: string,
  spec: Entity['spec'],
  apiVersion = API_VERSION,
): Entity {
  const [namespace, name] = ref.includes('/')
    ? ref.split('/')
    : ['default', ref];
  return { apiVersion, kind, metadata: { name, namespace }, spec };
}

const serviceMap = (ref: string, service: string, namespace: string) =>
  entity('ServiceMap', ref, {
    service,
    environment: 'production',
    cluster: 'resource:default/prod',
    namespace,
  });
const server = (ref: string, map: string) =>
  entity('CocktailServer', ref, {
    serviceMap: map,
    type: 'Deployment',
    replicas: 1,
    containers: [{ name: 'app', image: 'nginx:1.27' }],
  });

const entities: Entity[] = [
  entity('Service', 'payments', { owner: 'group:default/payments-team' }),
  entity('Service', 'finance/payments', {
    owner: 'group:finance/payments-team',
  }),
  entity('Service', 'shop', { owner: 'group:default/shop-team' }),
  serviceMap('payments-prod', 'payments', 'payments-prod'),
  serviceMap('payments-edge', 'Service:default/Payments', 'payments-edge'),
  serviceMap('finance/ledger', 'payments', 'ledger'),
  serviceMap('shop-prod', 'shop', 'shop'),
  server('payments-api', 'payments-prod'),
  server('payments-worker', 'ServiceMap:default/Payments-Prod'),
  server('cart', 'shop-prod'),
  entity(
    'Component',
    'payments',
    { type: 'service', lifecycle: 'production', owner: 'payments-team' },
    'backstage.io/v1alpha1',
  ),
  entity(
    'Resource',
    'prod',
    { type: 'kubernetes-cluster', owner: 'platform-team' },
    'backstage.io/v1alpha1',
  ),
];

const paymentsScope: CocktailServiceScope = {
  services: ['service:default/payments'],
  serviceMaps: [
    'servicemap:default/payments-edge',
    'servicemap:default/payments-prod',
  ],
};
const financeAndShopScope: CocktailServiceScope = {
  services: ['service:finance/payments', 'service:default/shop'],
  serviceMaps: ['servicemap:finance/ledger', 'servicemap:default/shop-prod'],
};

describe('isInCocktailServiceRule', () => {
  describe('apply', () => {
    it('matches the Service, its ServiceMaps and their servers, however their refs are spelled', () => {
      expect(
        entities
          .filter(e => isInCocktailServiceRule.apply(e, paymentsScope))
          .map(e => stringifyEntityRef(e)),
      ).toEqual([
        'service:default/payments',
        'servicemap:default/payments-prod',
        'servicemap:default/payments-edge',
        'cocktailserver:default/payments-api',
        'cocktailserver:default/payments-worker',
      ]);
    });

    it('matches nothing for a scope without Services', () => {
      expect(
        entities.filter(e =>
          isInCocktailServiceRule.apply(e, { services: [], serviceMaps: [] }),
        ),
      ).toEqual([]);
    });
  });

  describe('toQuery', () => {
    it('asks for the Services by namespace and name, their ServiceMaps and those ServiceMaps’ servers by partOf', () => {
      expect(
        isInCocktailServiceRule.toQuery({
          services: [
            'service:default/payments',
            'service:default/shop',
            'service:finance/payments',
          ],
          serviceMaps: ['servicemap:default/payments-prod'],
        }),
      ).toEqual({
        anyOf: [
          {
            allOf: [
              { key: 'kind', values: ['service'] },
              { key: 'metadata.namespace', values: ['default'] },
              { key: 'metadata.name', values: ['payments', 'shop'] },
            ],
          },
          {
            allOf: [
              { key: 'kind', values: ['service'] },
              { key: 'metadata.namespace', values: ['finance'] },
              { key: 'metadata.name', values: ['payments'] },
            ],
          },
          {
            allOf: [
              { key: 'kind', values: ['servicemap'] },
              {
                key: 'relations.partof',
                values: [
                  'service:default/payments',
                  'service:default/shop',
                  'service:finance/payments',
                ],
              },
            ],
          },
          {
            allOf: [
              { key: 'kind', values: ['cocktailserver'] },
              {
                key: 'relations.partof',
                values: ['servicemap:default/payments-prod'],
              },
            ],
          },
        ],
      });
    });

    it('asks for a kind no entity has when the scope is empty', () => {
      expect(
        isInCocktailServiceRule.toQuery({ services: [], serviceMaps: [] }),
      ).toEqual({ key: 'kind', values: ['cocktail-matches-nothing'] });
    });
  });

  describe('in the catalog', () => {
    let scope: CocktailServiceScope | undefined;
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let directory: string;

    /** Allows reading the catalog, within `scope` when one is set, as a policy would. */
    const permissions = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => ({
        authorize: async (requests: any[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async (requests: any[]) =>
          requests.map(r =>
            scope && r.permission.name === 'catalog.entity.read'
              ? {
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: isInCocktailService(scope),
                }
              : { result: AuthorizeResult.ALLOW },
          ),
      }),
    });

    const catalogRequest = async (
      url: string,
      init: RequestInit = {},
      header = mockCredentials.user.header(),
    ) =>
      fetch(`http://localhost:${backend.server.port()}/api/catalog${url}`, {
        ...init,
        headers: { Authorization: header, 'Content-Type': 'application/json' },
      });

    async function readableRefs(): Promise<string[]> {
      const response = await catalogRequest(
        '/entities/by-query?limit=100&fields=kind,metadata.name,metadata.namespace',
      );
      expect(response.status).toBe(200);
      const { items } = await response.json();
      return items.map((e: Entity) => stringifyEntityRef(e)).sort();
    }

    beforeAll(async () => {
      directory = await fs.mkdtemp(path.join(os.tmpdir(), 'cocktail-rule-'));
      const file = path.join(directory, 'catalog-info.yaml');
      await fs.writeFile(
        file,
        entities.map(e => stringify(e)).join('---\n'),
        'utf8',
      );
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleCocktail,
          permissions,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'Resource',
                      'Location',
                      'Service',
                      'ServiceMap',
                      'CocktailServer',
                    ],
                  },
                ],
                locations: [{ type: 'file', target: file }],
                processingInterval: { seconds: 1 },
              },
            },
          }),
        ],
      });
      // Wait until every entity is in with its relations.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const response = await catalogRequest(
          '/entities/by-name/cocktailserver/default/payments-worker',
        );
        const worker = response.ok ? await response.json() : undefined;
        const refs = await readableRefs();
        if (
          worker?.relations?.some((r: any) => r.type === 'partOf') &&
          entities.every(e => refs.includes(stringifyEntityRef(e)))
        ) {
          break;
        }
        if (Date.now() > deadline) {
          throw new Error('the catalog never ingested the test entities');
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    });

    afterEach(() => {
      scope = undefined;
    });

    afterAll(async () => {
      await backend?.stop();
      await fs.rm(directory, { recursive: true, force: true });
    });

    it("lists only a Service's own entities when a policy's decision names it", async () => {
      scope = paymentsScope;
      expect(await readableRefs()).toEqual([
        'cocktailserver:default/payments-api',
        'cocktailserver:default/payments-worker',
        'service:default/payments',
        'servicemap:default/payments-edge',
        'servicemap:default/payments-prod',
      ]);
    });

    it('tells Services of the same name in different namespaces apart', async () => {
      scope = financeAndShopScope;
      expect(await readableRefs()).toEqual([
        'cocktailserver:default/cart',
        'service:default/shop',
        'service:finance/payments',
        'servicemap:default/shop-prod',
        'servicemap:finance/ledger',
      ]);
    });

    it('lists nothing for a scope without Services', async () => {
      scope = { services: [], serviceMaps: [] };
      expect(await readableRefs()).toEqual([]);
    });

    it('lists, as a query, exactly what apply matches, entity by entity', async () => {
      for (const each of [paymentsScope, financeAndShopScope]) {
        scope = each;
        const queried = await readableRefs();
        const applied = entities
          .filter(e => isInCocktailServiceRule.apply(e, each))
          .map(e => stringifyEntityRef(e))
          .sort();
        expect(queried).toEqual(applied);
      }
    });

    it('applies the condition to single entities the catalog loads, for other plugins', async () => {
      const refs = [
        'cocktailserver:default/payments-worker',
        'servicemap:default/payments-edge',
        'cocktailserver:default/cart',
        'component:default/payments',
      ];
      const response = await catalogRequest(
        '/.well-known/backstage/permissions/apply-conditions',
        {
          method: 'POST',
          body: JSON.stringify({
            items: [
              {
                id: '1',
                resourceType: 'catalog-entity',
                resourceRef: refs,
                conditions: isInCocktailService(paymentsScope),
              },
            ],
          }),
        },
        mockCredentials.service.header(),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        items: [
          {
            id: '1',
            result: [
              AuthorizeResult.ALLOW,
              AuthorizeResult.ALLOW,
              AuthorizeResult.DENY,
              AuthorizeResult.DENY,
            ],
          },
        ],
      });
    });

    it("is listed in the catalog's permission metadata with its parameters", async () => {
      const response = await catalogRequest(
        '/.well-known/backstage/permissions/metadata',
        {},
        mockCredentials.service.header(),
      );
      expect(response.status).toBe(200);
      const { rules } = await response.json();
      expect(rules).toContainEqual(
        expect.objectContaining({
          name: IS_IN_COCKTAIL_SERVICE,
          resourceType: 'catalog-entity',
          paramsSchema: expect.objectContaining({
            required: expect.arrayContaining(['services', 'serviceMaps']),
          }),
        }),
      );
    });
  });
});
