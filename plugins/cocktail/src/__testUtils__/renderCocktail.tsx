import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityAccess } from './fixtures';
import { cocktailApiRef, CocktailClient } from '../api';

/** Where the test app's discovery API puts the `cocktail` backend. */
export const COCKTAIL_URL = 'http://localhost:7007/api/cocktail';

/** `GET /access` for any entity, allowing everything but `deny`, as a developer of Payments. */
export function accessHandler(
  options: Parameters<typeof entityAccess>[0] = {},
) {
  return http.get(`${COCKTAIL_URL}/access`, ({ request }) =>
    HttpResponse.json(
      entityAccess({
        ...options,
        entityRef:
          new URL(request.url).searchParams.get('entityRef') ?? undefined,
      }),
    ),
  );
}

/**
 * Charts over time and alerts, for every entity and cluster: none, as for a cluster without
 * Prometheus and Alertmanager.
 */
export function noPrometheusHandlers() {
  const unavailable = () =>
    HttpResponse.json({
      available: false,
      reason: 'No Prometheus is configured for cluster prod',
      install: 'Install Prometheus in the cluster.',
    });
  const noAlertmanager = () =>
    HttpResponse.json({
      available: false,
      reason: 'No Alertmanager is configured for cluster prod',
      install: 'Run Alertmanager for the cluster.',
    });
  return [
    http.get(`${COCKTAIL_URL}/:kind/:namespace/:name/monitoring`, unavailable),
    http.get(`${COCKTAIL_URL}/clusters/:cluster/monitoring`, unavailable),
    http.get(`${COCKTAIL_URL}/:kind/:namespace/:name/alerts`, noAlertmanager),
    http.get(`${COCKTAIL_URL}/clusters/:cluster/alerts`, noAlertmanager),
    http.get(`${COCKTAIL_URL}/:kind/:namespace/:name/cost`, unavailable),
    http.get(`${COCKTAIL_URL}/clusters/:cluster/cost`, unavailable),
  ];
}

/** Backups of every cluster and ServiceMap: none, as for clusters without Velero. */
export function noVeleroHandlers() {
  const unavailable = (cluster: string) =>
    HttpResponse.json({
      cluster,
      available: false,
      reason: `Velero is not installed on cluster ${cluster} (it does not serve velero.io/v1 Backups): install the velero add-on`,
      backups: [],
      schedules: [],
      restores: [],
    });
  return [
    http.get(`${COCKTAIL_URL}/clusters/:cluster/backups`, ({ params }) =>
      unavailable(String(params.cluster)),
    ),
    http.get(`${COCKTAIL_URL}/servicemaps/:namespace/:name/backups`, () =>
      unavailable('dev'),
    ),
  ];
}

/**
 * An msw server answering as the `cocktail` backend, with `GET /access` allowing everything,
 * no charts over time and no Velero; register its hooks in each test file.
 */
export function createBackendServer() {
  return setupServer(
    accessHandler(),
    ...noPrometheusHandlers(),
    ...noVeleroHandlers(),
  );
}

/**
 * Renders a Cocktail component in a test app: the real API client over msw, a catalog holding
 * the given entities, and permissions that allow everything unless `deny` names some.
 */
export async function renderCocktail(
  element: JSX.Element,
  options: { entity?: Entity; catalog?: Entity[]; deny?: string[] } = {},
) {
  const client = new CocktailClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  const deny = new Set(options.deny ?? []);
  return renderInTestApp(
    options.entity ? (
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    ) : (
      element
    ),
    {
      // Entity links need the catalog's entity page to be routable.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [cocktailApiRef, client],
        catalogApiMock({
          entities: [
            ...(options.entity ? [options.entity] : []),
            ...(options.catalog ?? []),
          ],
        }),
        mockApis.permission({
          authorize: request =>
            deny.has(request.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
}
