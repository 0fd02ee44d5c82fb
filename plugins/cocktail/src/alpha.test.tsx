import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import cocktailPlugin from './alpha';
import { cocktailApiRef } from './api';
import {
  COCKTAIL_URL,
  createBackendServer,
} from './__testUtils__/renderCocktail';
import { serverEntity } from './__testUtils__/fixtures';

const server = createBackendServer();
registerMswTestHooks(server);

const service = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'Service',
  metadata: { name: 'payments' },
  spec: { owner: 'group:payments-team' },
};
const serviceMap = {
  ...service,
  kind: 'ServiceMap',
  metadata: { name: 'payments-prod' },
};
const cluster = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod' },
  spec: { type: 'kubernetes-cluster', owner: 'group:platform-team' },
};
const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web' },
  spec: {
    type: 'service',
    owner: 'group:payments-team',
    lifecycle: 'production',
  },
};
const entities = {
  service,
  serviceMap,
  server: serverEntity,
  cluster,
  component,
};

function contentFor(name: string) {
  const tester = createExtensionTester(
    cocktailPlugin.getExtension(`entity-content:cocktail/${name}` as any),
  );
  const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction) as (
    entity: unknown,
  ) => boolean;
  return {
    path: tester.get(coreExtensionData.routePath),
    title: tester.get(EntityContentBlueprint.dataRefs.title),
    shownOn: Object.entries(entities)
      .filter(([, entity]) => filter(entity as any))
      .map(([key]) => key),
  };
}

describe('the cocktail plugin in the new frontend system', () => {
  it.each([
    ['service', 'Environments', ['service']],
    ['service-map', 'Servers', ['serviceMap']],
    ['service-map-access', 'Access', ['serviceMap']],
    ['server-status', 'Status', ['server']],
    ['server-monitoring', 'Monitoring', ['server']],
    ['server-operations', 'Operations', ['server']],
    ['audit-log', 'Audit log', ['service', 'serviceMap', 'server', 'cluster']],
    ['image-scans', 'Image scans', ['service', 'serviceMap', 'server']],
    ['cluster', 'Cluster', ['cluster']],
  ])(
    'adds the %s tab titled %s to the right kinds only',
    (name, title, kinds) => {
      const content = contentFor(name);
      expect(content.title).toBe(title);
      expect(content.path).toMatch(/^\/cocktail-/);
      expect(content.shownOn).toEqual(kinds);
    },
  );

  it('mounts the Clusters page at /cocktail and renders the registered clusters', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/clusters`, () =>
        HttpResponse.json({
          items: [
            {
              name: 'prod',
              title: 'Production cluster',
              source: 'catalog',
              provider: 'aws',
              cache: { cluster: 'prod', synced: true, stale: false },
              serviceMaps: 2,
              servers: 9,
            },
          ],
        }),
      ),
      http.get(`${COCKTAIL_URL}/clusters/prod`, () =>
        HttpResponse.json({
          name: 'prod',
          source: 'catalog',
          health: 'reachable',
          version: 'v1.33.0',
          nodes: [],
        }),
      ),
    );
    const tester = createExtensionTester(
      cocktailPlugin.getExtension('page:cocktail'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/cocktail');
    // The whole plugin in a test app: its own API extension talks to the backend over msw.
    await renderTestApp({
      features: [cocktailPlugin],
      config: { backend: { baseUrl: 'http://localhost:7007' } },
      initialRouteEntries: ['/cocktail'],
    });
    // The app loads its features lazily, which takes longer than findBy's default second.
    // The table re-renders as each cluster's description arrives, so look again until it holds.
    await waitFor(
      () => {
        expect(screen.getByText('Production cluster')).toBeInTheDocument();
        expect(screen.getByText('v1.33.0')).toBeInTheDocument();
      },
      { timeout: 10_000 },
    );
  });

  it('provides the API client that both frontend systems share', () => {
    const tester = createExtensionTester(
      cocktailPlugin.getExtension('api:cocktail'),
    );
    expect(tester).toBeDefined();
    expect(cocktailApiRef.id).toBe('plugin.cocktail.api');
  });

  it('adds the cluster and ServiceMap pickers to the scaffolder', async () => {
    const names = await Promise.all(
      [
        'scaffolder-form-field:cocktail/cluster-picker',
        'scaffolder-form-field:cocktail/servicemap-picker',
      ].map(async id => {
        const tester = createExtensionTester(
          cocktailPlugin.getExtension(id as any),
        );
        const loader = tester.get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ) as () => Promise<any>;
        const field: any = await loader();
        return field.name ?? field.data?.name;
      }),
    );
    expect(names).toEqual([
      'CocktailClusterPicker',
      'CocktailServiceMapPicker',
    ]);
  });
});
