import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { cocktailServerReadPermission } from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { Authorize } from '../service/authorize';
import { entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { CocktailCatalog } from './CocktailCatalog';
import { ServiceMapSummarizer } from './ServiceMapSummarizer';
import { readableServiceWithServiceMaps } from './serviceWithServiceMaps';
import { summarizeService } from './summarizeService';

/** `GET /servicemaps/:namespace/:name/summary` and `GET /services/:namespace/:name/summary`. */
export function summariesRouter(options: {
  httpAuth: HttpAuthService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  summarizer: ServiceMapSummarizer;
}): express.Router {
  const { httpAuth, authorize, catalog, summarizer } = options;
  const api = validatedRouter();

  api.get(
    '/servicemaps/:namespace/:name/summary',
    { params: entityParams },
    async ({ params }, req, res) => {
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
      const [summary] = await summarizer.summarize([serviceMap], credentials);
      res.json(summary);
    },
  );

  api.get(
    '/services/:namespace/:name/summary',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { service, serviceMaps } = await readableServiceWithServiceMaps(
        { catalog, authorize },
        params,
        credentials,
      );
      res.json(
        summarizeService(
          service,
          await summarizer.summarize(serviceMaps, credentials),
        ),
      );
    },
  );

  return api.router;
}
