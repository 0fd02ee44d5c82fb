import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  cocktailClusterReadPermission,
  cocktailServerReadPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import { WatchCache } from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import { z } from 'zod';
import {
  permissionReach,
  readableEntityRefs,
} from '../access/readableEntityRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { countClusterEntities } from '../summaries/countClusterEntities';
import { clusterName } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { Authorize } from './authorize';
import { ClusterAccess } from './ClusterAccess';
import { describeCluster } from './describeCluster';

/** `GET /clusters` and `GET /clusters/:cluster`. */
export function clustersRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  authorize: Authorize;
  clusters: ClusterAccess;
  watchCache: WatchCache;
  catalog: CocktailCatalog;
  loadClient: () => Promise<typeof k8s>;
  requestTimeoutMs?: number;
}): express.Router {
  const { httpAuth, permissions, authorize, clusters, watchCache, catalog } =
    options;
  const api = validatedRouter();

  api.get('/clusters', {}, async (_input, req, res) => {
    const credentials = await httpAuth.credentials(req);
    await authorize(credentials, cocktailClusterReadPermission);
    const readAll =
      (await permissionReach(
        permissions,
        cocktailServerReadPermission,
        credentials,
      )) === 'all';
    const [list, countsFor] = await Promise.all([
      clusters.listClusters(),
      countClusterEntities(
        catalog,
        credentials,
        readAll
          ? undefined
          : refs =>
              readableEntityRefs(
                permissions,
                cocktailServerReadPermission,
                refs,
                credentials,
              ),
      ),
    ]);
    const items = list.map(cluster => ({
      ...cluster,
      cache: watchCache.read(cluster.name).state,
      ...countsFor(cluster.name),
    }));
    res.json({ items });
  });

  api.get(
    '/clusters/:cluster',
    { params: z.strictObject({ cluster: clusterName }) },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      const cluster = (await clusters.listClusters()).find(
        c => c.name === params.cluster,
      );
      if (!cluster) {
        throw new NotFoundError(`cluster: no cluster named ${params.cluster}`);
      }
      res.json(
        await describeCluster(
          cluster,
          await clusters.kubeConfigFor(cluster.name),
          await options.loadClient(),
          options.requestTimeoutMs,
        ),
      );
    },
  );

  return api.router;
}
