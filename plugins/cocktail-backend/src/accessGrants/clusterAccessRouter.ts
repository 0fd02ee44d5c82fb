import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { auditedOperation } from '../service/auditedOperation';
import { entityName } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import {
  ClusterAccessTarget,
  ClusterReadAccessService,
} from './ClusterReadAccessService';
import { durationAndReason, grantIdParam } from './grantBodies';

const clusterParams = z.strictObject({ name: entityName });
const clusterGrantParams = clusterParams.extend({ id: grantIdParam });

/**
 * Cluster-wide read access for platform admins: `GET`, `POST` and `DELETE
 * /clusters/:name/access[/:id]`, audited on the cluster's Resource like the namespace grants.
 */
export function clusterAccessRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger?: LoggerService;
  clusters: {
    listClusters(): Promise<Array<{ name: string; entityRef?: string }>>;
  };
  clusterGrants: ClusterReadAccessService;
  maxDurationMinutes: number;
}): express.Router {
  const { clusterGrants } = options;
  const api = validatedRouter();

  async function targetOf(name: string): Promise<ClusterAccessTarget> {
    const clusters = await options.clusters.listClusters();
    const cluster = clusters.find(c => c.name === name);
    if (!cluster) {
      throw new NotFoundError(
        `No cluster named "${name}"; the known clusters are ${
          clusters.map(c => `"${c.name}"`).join(', ') || 'none'
        }`,
      );
    }
    return {
      cluster: name,
      entityRef: cluster.entityRef ?? `resource:default/${name}`,
    };
  }

  const audited = (
    req: express.Request,
    credentials: BackstageCredentials,
    target: ClusterAccessTarget,
    action: string,
    details: Record<string, string | number>,
  ) => ({
    request: req,
    credentials,
    action,
    entityRef: target.entityRef,
    cluster: target.cluster,
    details: { ...details, scope: 'cluster' },
  });

  api.get(
    '/clusters/:name/access',
    { params: clusterParams },
    async ({ params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      res.json(
        await clusterGrants.list(credentials, await targetOf(params.name)),
      );
    },
  );

  api.post(
    '/clusters/:name/access',
    {
      params: clusterParams,
      body: z.strictObject(durationAndReason(options.maxDurationMinutes)),
    },
    async ({ params, body }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const target = await targetOf(params.name);
      const grantId = clusterGrants.newGrantId();
      const result = await auditedOperation(
        options,
        audited(req, credentials, target, 'access.grant', {
          grantId,
          role: 'view',
          durationMinutes: body.durationMinutes,
          reason: body.reason,
        }),
        () => clusterGrants.issue(credentials, target, body, grantId),
      );
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({ result });
    },
  );

  api.delete(
    '/clusters/:name/access/:id',
    { params: clusterGrantParams },
    async ({ params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const target = await targetOf(params.name);
      const result = await auditedOperation(
        options,
        audited(req, credentials, target, 'access.revoke', {
          grantId: params.id,
        }),
        () => clusterGrants.revoke(credentials, target, params.id),
      );
      res.json({ result });
    },
  );
  return api.router;
}
