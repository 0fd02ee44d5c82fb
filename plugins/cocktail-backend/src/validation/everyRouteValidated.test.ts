import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { createRouter } from '../service/createRouter';
import { VALIDATED_ROUTE } from './validatedRouter';

/** Every route of a router and the routers mounted in it, with whether its handlers were declared through validatedRouter. */
function routesOf(
  handle: any,
  found: Array<{ route: string; validated: boolean }>,
) {
  for (const layer of handle?.stack ?? []) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).join(',').toUpperCase();
      found.push({
        route: `${methods} ${layer.route.path}`,
        validated: layer.route.stack.every(
          (l: any) => l.handle?.[VALIDATED_ROUTE] === true,
        ),
      });
    } else {
      routesOf(layer.handle, found);
    }
  }
  return found;
}

describe('the cocktail router', () => {
  it('declares the input of every route, so none can forget to check it', async () => {
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      catalog: {} as any,
      clusters: {
        listClusters: async () => [],
        kubeConfigFor: async () => {
          throw new Error('unused');
        },
      },
      watchCache: {} as any,
      audit: {} as any,
      loadClient: async () => {
        throw new Error('unused');
      },
      explainer: {} as any,
      imageScans: { store: {} as any },
      accessGrants: {
        store: {} as any,
        granter: {} as any,
        maxDurationMinutes: 480,
      },
      monitoring: { timeSeries: {} as any, alerts: {} as any, cost: {} as any },
    });
    const routes = routesOf(express().use(router)._router ?? router, []);
    expect(routes.length).toBeGreaterThanOrEqual(28);
    expect(routes.map(r => r.route)).toEqual(
      expect.arrayContaining([
        'DELETE /servicemaps/:namespace/:name/access/:id',
        'GET /clusters/:cluster/monitoring',
        'DELETE /servicemaps/:namespace/:name/alerts/silences/:id',
      ]),
    );
    expect(routes.filter(r => !r.validated).map(r => r.route)).toEqual([]);
  });
});
