import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { cocktailCostReadPermission } from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { z } from 'zod';
import { Authorize } from '../service/authorize';
import { ClusterAccess } from '../service/ClusterAccess';
import { requireKnownCluster } from '../service/requireKnownCluster';
import { clusterNameOf } from '../summaries/catalogRefs';
import { readableServiceWithServiceMaps } from '../summaries/serviceWithServiceMaps';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { clusterName, entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { CostService } from './CostService';

const COST_PERIODS = ['24h', '7d', '30d'] as const;

const periodQuery = z.strictObject({
  period: z
    .enum(COST_PERIODS, { error: `expected one of ${COST_PERIODS.join(', ')}` })
    .default('7d'),
});

/**
 * What ServiceMaps, Services and clusters cost: `GET /servicemaps|services/:namespace/:name/cost`
 * and `GET /clusters/:cluster/cost`, each `?period=24h|7d|30d` (7d when absent), checked with
 * `cocktail.cost.read` on the entity (a cluster's Resource for a cluster).
 */
export function costRouter(options: {
  httpAuth: HttpAuthService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  clusters: ClusterAccess;
  cost: CostService;
}): express.Router {
  const { httpAuth, authorize, catalog, cost } = options;
  const api = validatedRouter();

  api.get(
    '/servicemaps/:namespace/:name/cost',
    { params: entityParams, query: periodQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const serviceMap = await catalog.serviceMap(
        params.namespace,
        params.name,
        credentials,
      );
      await authorize(
        credentials,
        cocktailCostReadPermission,
        stringifyEntityRef(serviceMap),
      );
      res.json(
        await cost.forTargets(
          [
            {
              name: serviceMap.spec.environment,
              cluster: clusterNameOf(serviceMap),
              namespace: serviceMap.spec.namespace,
            },
          ],
          query.period,
        ),
      );
    },
  );

  api.get(
    '/services/:namespace/:name/cost',
    { params: entityParams, query: periodQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { serviceMaps } = await readableServiceWithServiceMaps(
        { catalog, authorize, permission: cocktailCostReadPermission },
        params,
        credentials,
      );
      res.json(
        await cost.forTargets(
          serviceMaps.map(map => ({
            name: map.spec.environment,
            cluster: clusterNameOf(map),
            namespace: map.spec.namespace,
          })),
          query.period,
        ),
      );
    },
  );

  api.get(
    '/clusters/:cluster/cost',
    { params: z.strictObject({ cluster: clusterName }), query: periodQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const cluster = await requireKnownCluster(
        options.clusters,
        params.cluster,
      );
      await authorize(
        credentials,
        cocktailCostReadPermission,
        cluster.entityRef,
      );
      res.json(await cost.forCluster(params.cluster, query.period));
    },
  );

  return api.router;
}
