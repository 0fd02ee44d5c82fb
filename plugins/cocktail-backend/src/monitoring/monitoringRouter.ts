import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  cocktailClusterReadPermission,
  cocktailServerReadPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { z } from 'zod';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { Authorize } from '../service/authorize';
import { ClusterAccess } from '../service/ClusterAccess';
import { clusterNameOf } from '../summaries/catalogRefs';
import { readableServiceWithServiceMaps } from '../summaries/serviceWithServiceMaps';
import { requireKnownCluster } from '../service/requireKnownCluster';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { clusterName, entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { SERIES_RANGES } from './seriesRanges';
import { TimeSeriesService } from './TimeSeriesService';

const rangeQuery = z.strictObject({
  range: z
    .enum(SERIES_RANGES, {
      error: `expected one of ${SERIES_RANGES.join(', ')}`,
    })
    .default('1h'),
});

/**
 * Charts over time: `GET /servers|servicemaps|services/:namespace/:name/monitoring` and
 * `GET /clusters/:cluster/monitoring`, each `?range=1h|6h|24h|7d`. Reading them is reading the
 * entity's status and monitoring (`cocktail.server.read`), or the cluster list's
 * (`cocktail.cluster.read`).
 */
export function monitoringRouter(options: {
  httpAuth: HttpAuthService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  clusters: ClusterAccess;
  timeSeries: TimeSeriesService;
  serverAt: (
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ) => Promise<ServerTarget>;
  authorizeServer: (
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    target: ServerTarget,
  ) => Promise<void>;
}): express.Router {
  const { httpAuth, authorize, catalog, timeSeries } = options;
  const api = validatedRouter();

  api.get(
    '/servers/:namespace/:name/monitoring',
    { params: entityParams, query: rangeQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await options.serverAt(params, credentials);
      await options.authorizeServer(
        credentials,
        cocktailServerReadPermission,
        target,
      );
      res.json(
        await timeSeries.server(
          {
            cluster: target.cluster,
            namespace: target.namespace,
            server: target.server.metadata.name,
          },
          query.range,
        ),
      );
    },
  );

  api.get(
    '/servicemaps/:namespace/:name/monitoring',
    { params: entityParams, query: rangeQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const serviceMap = await catalog.serviceMap(
        params.namespace,
        params.name,
        credentials,
      );
      await authorize(
        credentials,
        cocktailServerReadPermission,
        stringifyEntityRef(serviceMap),
      );
      res.json(
        await timeSeries.serviceMap(
          {
            cluster: clusterNameOf(serviceMap),
            namespace: serviceMap.spec.namespace,
          },
          query.range,
        ),
      );
    },
  );

  api.get(
    '/services/:namespace/:name/monitoring',
    { params: entityParams, query: rangeQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { serviceMaps } = await readableServiceWithServiceMaps(
        { catalog, authorize },
        params,
        credentials,
      );
      res.json(
        await timeSeries.service(
          serviceMaps.map(map => ({
            name: map.spec.environment,
            cluster: clusterNameOf(map),
            namespace: map.spec.namespace,
          })),
          query.range,
        ),
      );
    },
  );

  api.get(
    '/clusters/:cluster/monitoring',
    { params: z.strictObject({ cluster: clusterName }), query: rangeQuery },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      await requireKnownCluster(options.clusters, params.cluster);
      res.json(await timeSeries.cluster(params.cluster, query.range));
    },
  );

  return api.router;
}
