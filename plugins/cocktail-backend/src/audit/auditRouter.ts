import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { cocktailAuditReadPermission } from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import {
  permissionReach,
  readableEntityRefs,
} from '../access/readableEntityRefs';
import { Authorize } from '../service/authorize';
import { auditExportQuery, auditPageQuery } from '../service/auditQueryParams';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { validatedRouter } from '../validation/validatedRouter';
import { readingTheAuditLog } from './auditLogUnavailable';
import { AuditFilter, AuditStore } from './types';

/** `GET /audit`, `/audit/export` and `/audit/verify`: each person sees the rows of what they may read. */
export function auditRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  audit: AuditStore;
  catalog: CocktailCatalog;
  authorize: Authorize;
}): express.Router {
  const { httpAuth, permissions, audit, catalog, authorize } = options;
  const api = validatedRouter();

  /** The audit filter narrowed to the entities whose rows the person may read. */
  async function visibleAuditFilter(
    credentials: BackstageCredentials,
    filter: AuditFilter,
  ): Promise<AuditFilter> {
    const reach = await permissionReach(
      permissions,
      cocktailAuditReadPermission,
      credentials,
    );
    if (reach === 'all') {
      return filter;
    }
    if (filter.entityRefs?.length) {
      const readable = await readableEntityRefs(
        permissions,
        cocktailAuditReadPermission,
        filter.entityRefs,
        credentials,
      );
      if (!readable.length) {
        // Say why for the entity asked about, rather than answer with nothing.
        await authorize(
          credentials,
          cocktailAuditReadPermission,
          filter.entityRefs[0],
        );
      }
      return { ...filter, entityRefs: readable };
    }
    if (reach === 'none') {
      throw new NotAllowedError(
        'Reading the audit log needs the viewer role on a Service; you have no role on any.',
      );
    }
    const [serviceMaps, servers, services] = await Promise.all([
      catalog.serviceMaps(credentials),
      catalog.servers(credentials),
      catalog.services(credentials),
    ]);
    const candidates = [...services, ...serviceMaps, ...servers].map(e =>
      stringifyEntityRef(e),
    );
    const readable = await readableEntityRefs(
      permissions,
      cocktailAuditReadPermission,
      candidates,
      credentials,
    );
    // Rows keep refs as written; match both spellings.
    return {
      ...filter,
      entityRefs: [
        ...new Set(readable.flatMap(r => [r, r.toLocaleLowerCase('en-US')])),
      ],
    };
  }

  const logAuditReadFailure = (error: Error) =>
    options.logger.error(`Reading the audit log failed: ${error}`);

  api.get('/audit', { query: auditPageQuery }, async ({ query }, req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = await visibleAuditFilter(credentials, query);
    res.json(
      await readingTheAuditLog(
        () => audit.query({ ...query, ...filter }),
        logAuditReadFailure,
      ),
    );
  });

  api.get(
    '/audit/export',
    { query: auditExportQuery },
    async ({ query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const filter = await visibleAuditFilter(credentials, query.filter);
      const format = query.format;
      const rows = audit.exportRows(filter, format)[Symbol.asyncIterator]();
      // The header, then the first rows: whether the database answers is known before the
      // download starts.
      const start = await readingTheAuditLog(
        async () => [await rows.next(), await rows.next()],
        logAuditReadFailure,
      );
      res.setHeader(
        'Content-Type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      );
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="cocktail-audit.${format}"`,
      );
      for (const chunk of start) {
        if (!chunk.done) {
          res.write(chunk.value);
        }
      }
      for await (const chunk of { [Symbol.asyncIterator]: () => rows }) {
        res.write(chunk);
      }
      res.end();
    },
  );

  api.get('/audit/verify', {}, async (_input, req, res) => {
    const credentials = await httpAuth.credentials(req);
    // The whole chain spans every Service: platform admins (or a policy allowing all) only.
    if (
      (await permissionReach(
        permissions,
        cocktailAuditReadPermission,
        credentials,
      )) !== 'all'
    ) {
      throw new NotAllowedError(
        'Verifying the audit chain needs a platform admin: the chain spans every Service.',
      );
    }
    res.json(
      await readingTheAuditLog(() => audit.verifyChain(), logAuditReadFailure),
    );
  });

  return api.router;
}
