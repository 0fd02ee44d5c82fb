import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { auditedOperation } from '../service/auditedOperation';
import { clusterNameOf, refOf, serviceRefOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { AccessGrantService, AccessTarget } from './AccessGrantService';
import { durationAndReason, grantIdParam } from './grantBodies';

const grantParams = entityParams.extend({ id: grantIdParam });

function grantBody(maxDurationMinutes: number) {
  return z.strictObject({
    role: z.enum(['view', 'edit', 'admin'], {
      error: 'expected view, edit or admin',
    }),
    ...durationAndReason(maxDurationMinutes),
  });
}

/**
 * Time-limited access to a ServiceMap's namespace: `GET`, `POST` and `DELETE
 * /servicemaps/:namespace/:name/access[/:id]`. Every grant, refusal and revoke is audited; the
 * token is in the one answer that creates it and nowhere else.
 */
export function accessGrantsRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger?: LoggerService;
  catalog: CocktailCatalog;
  grants: AccessGrantService;
  maxDurationMinutes: number;
}): express.Router {
  const { catalog, grants } = options;
  const api = validatedRouter();

  async function targetOf(
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<AccessTarget> {
    const serviceMap = await catalog.serviceMap(
      params.namespace,
      params.name,
      credentials,
    );
    const serviceRef = serviceRefOf(serviceMap);
    const parsed = parseEntityRef(serviceRef);
    const service = await catalog
      .service(parsed.namespace, parsed.name, credentials)
      .catch(() => undefined);
    return {
      entityRef: refOf(serviceMap),
      serviceRef,
      serviceTitle: service?.metadata.title ?? parsed.name,
      cluster: clusterNameOf(serviceMap),
      namespace: serviceMap.spec.namespace,
      name: serviceMap.metadata.name,
    };
  }

  const audited = (
    req: express.Request,
    credentials: BackstageCredentials,
    target: AccessTarget,
    action: string,
    details: Record<string, string | number>,
  ) => ({
    request: req,
    credentials,
    action,
    entityRef: target.entityRef,
    cluster: target.cluster,
    namespace: target.namespace,
    details,
  });

  api.get(
    '/servicemaps/:namespace/:name/access',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      res.json(
        await grants.list(credentials, await targetOf(params, credentials)),
      );
    },
  );

  api.post(
    '/servicemaps/:namespace/:name/access',
    { params: entityParams, body: grantBody(options.maxDurationMinutes) },
    async ({ params, body }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const target = await targetOf(params, credentials);
      const grantId = grants.newGrantId();
      const result = await auditedOperation(
        options,
        audited(req, credentials, target, 'access.grant', {
          grantId,
          role: body.role,
          durationMinutes: body.durationMinutes,
          reason: body.reason,
        }),
        () => grants.issue(credentials, target, body, grantId),
      );
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({ result });
    },
  );

  api.delete(
    '/servicemaps/:namespace/:name/access/:id',
    { params: grantParams },
    async ({ params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const target = await targetOf(params, credentials);
      const result = await auditedOperation(
        options,
        audited(req, credentials, target, 'access.revoke', {
          grantId: params.id,
        }),
        () => grants.revoke(credentials, target, params.id),
      );
      res.json({ result });
    },
  );
  return api.router;
}
