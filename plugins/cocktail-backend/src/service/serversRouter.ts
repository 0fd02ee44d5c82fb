import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  cocktailServerDeletePermission,
  cocktailServerReadPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { ScanGate } from '../imageScans/ScanGate';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { readServerMetrics } from '../summaries/readServerMetrics';
import { entityParams, queryFlag } from '../validation/inputFields';
import { parseInput } from '../validation/parseInput';
import { validatedRouter } from '../validation/validatedRouter';
import { auditedOperation } from './auditedOperation';
import { ClusterAccess } from './ClusterAccess';
import { OPERATIONS, operationParams } from './serverOperations';

/** A server's status, metrics and drift, and its operations (every change audited). */
export function serversRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger: LoggerService;
  clusters: ClusterAccess;
  watchCache: WatchCache;
  loadClient: () => Promise<typeof k8s>;
  liveReadTimeoutMs: number;
  gate?: ScanGate;
  serverAt: (
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
    fresh?: boolean,
  ) => Promise<ServerTarget>;
  authorizeServer: (
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    target: ServerTarget,
  ) => Promise<void>;
  lifecycleFor: (target: ServerTarget) => Promise<ServerLifecycle>;
}): express.Router {
  const {
    httpAuth,
    clusters,
    watchCache,
    liveReadTimeoutMs,
    gate,
    serverAt,
    authorizeServer,
    lifecycleFor,
  } = options;
  const api = validatedRouter();

  api.get(
    '/servers/:namespace/:name/status',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serverAt(params, credentials);
      await authorizeServer(credentials, cocktailServerReadPermission, target);
      await watchCache.watchNamespace(target.cluster, target.namespace);
      const { cache, state } = watchCache.read(target.cluster);
      res.json(
        summarizeServerStatus(cache, state, {
          namespace: target.namespace,
          server: target.server.metadata.name,
        }),
      );
    },
  );

  api.get(
    '/servers/:namespace/:name/metrics',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serverAt(params, credentials);
      await authorizeServer(credentials, cocktailServerReadPermission, target);
      res.json(
        await readServerMetrics(
          {
            cluster: target.cluster,
            kubeConfig: () => clusters.kubeConfigFor(target.cluster),
            client: await options.loadClient(),
            timeoutMs: liveReadTimeoutMs,
          },
          {
            namespace: target.namespace,
            server: target.server.metadata.name,
            containers: target.server.spec.containers ?? [],
          },
        ),
      );
    },
  );

  api.get(
    '/servers/:namespace/:name/drift',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serverAt(params, credentials, true);
      await authorizeServer(credentials, cocktailServerReadPermission, target);
      res.json(await (await lifecycleFor(target)).drift());
    },
  );

  // Each operation's body has its own schema; the route checks it before anything else.

  api.post(
    '/servers/:namespace/:name/:operation',
    { params: operationParams, body: z.unknown() },
    async ({ params, body: rawBody }, req, res) => {
      const operation = OPERATIONS[params.operation];
      const body = parseInput(operation.body, rawBody ?? {}, 'body');
      const credentials = await httpAuth.credentials(req);
      const target = await serverAt(params, credentials, true);
      const run = async () => {
        await authorizeServer(credentials, operation.permission, target);
        return operation.run(await lifecycleFor(target), body, {
          target,
          credentials,
          gate,
        });
      };
      const result = await auditedOperation(
        options,
        {
          request: req,
          credentials,
          action: operation.action,
          entityRef: target.entityRef,
          cluster: target.cluster,
          namespace: target.namespace,
          details: (rawBody ?? {}) as JsonObject,
          dryRun: (body as { dryRun?: boolean }).dryRun === true,
        },
        run,
      );
      res.json({ result });
    },
  );

  api.delete(
    '/servers/:namespace/:name',
    {
      params: entityParams,
      query: z.strictObject({ dryRun: queryFlag.optional() }),
    },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serverAt(params, credentials, true);
      const dryRun = query.dryRun === true;
      const run = async () => {
        await authorizeServer(
          credentials,
          cocktailServerDeletePermission,
          target,
        );
        return (await lifecycleFor(target)).delete({ dryRun });
      };
      const result = await auditedOperation(
        options,
        {
          request: req,
          credentials,
          action: 'server.delete',
          entityRef: target.entityRef,
          cluster: target.cluster,
          namespace: target.namespace,
          dryRun,
        },
        run,
      );
      res.json({ result });
    },
  );

  return api.router;
}
