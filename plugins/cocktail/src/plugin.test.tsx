import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { FlatRoutes } from '@backstage/core-app-api';
import { screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import {
  cocktailApiRef,
  CocktailClient,
  CocktailClustersPage,
  cocktailPlugin,
  EntityCocktailServerMonitoringContent,
  rootRouteRef,
} from './index';
import {
  COCKTAIL_URL,
  createBackendServer,
} from './__testUtils__/renderCocktail';
import { serverEntity, serverStatus } from './__testUtils__/fixtures';

const server = createBackendServer();
registerMswTestHooks(server);

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://localhost:7007/api/${id}`,
};
const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };

function LegacyApis(props: { children: JSX.Element }) {
  return (
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [cocktailApiRef, new CocktailClient({ discoveryApi, fetchApi })],
        [
          permissionApiRef,
          { authorize: async () => ({ result: AuthorizeResult.ALLOW }) },
        ],
      ]}
    >
      {props.children}
    </TestApiProvider>
  );
}

describe('the cocktail plugin in the old frontend system', () => {
  it('is a legacy plugin with the cocktail id, its API and the Clusters route', () => {
    expect(cocktailPlugin.getId()).toBe('cocktail');
    expect(cocktailPlugin.routes.root).toBe(rootRouteRef);
    expect(
      [...cocktailPlugin.getApis()].map(factory => factory.api.id),
    ).toContain(cocktailApiRef.id);
  });

  it('renders the Clusters page with its own header', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/clusters`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderInTestApp(
      <LegacyApis>
        <FlatRoutes>
          <Route path="/cocktail" element={<CocktailClustersPage />} />
        </FlatRoutes>
      </LegacyApis>,
      { routeEntries: ['/cocktail'] },
    );
    expect(
      await screen.findByRole('heading', { name: 'Clusters' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No clusters are registered/),
    ).toBeInTheDocument();
  });

  it('renders an entity tab inside an EntityProvider', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/servers/default/payments-worker/status`, () =>
        HttpResponse.json(serverStatus()),
      ),
      http.get(`${COCKTAIL_URL}/servers/default/payments-worker/metrics`, () =>
        HttpResponse.json({
          available: false,
          error: 'cluster prod serves no metrics.k8s.io API',
          pods: [],
        }),
      ),
    );
    await renderInTestApp(
      <LegacyApis>
        <EntityProvider entity={serverEntity}>
          <EntityCocktailServerMonitoringContent />
        </EntityProvider>
      </LegacyApis>,
    );
    expect(await screen.findByText('Pods (2)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Current usage is not available: cluster prod serves no metrics.k8s.io API/,
      ),
    ).toBeInTheDocument();
  });
});
