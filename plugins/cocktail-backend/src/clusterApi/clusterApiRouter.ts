import {
  AuditorService,
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  cocktailClusterCreatePermission,
  cocktailClusterReadPermission,
  cocktailClusterUpdatePermission,
} from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { AuditStore } from '../audit';
import { actorOf, auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import {
  clusterApiParams,
  createClusterBody,
  scaleClusterBody,
  upgradeClusterBody,
} from './clusterApiBodies';
import { validatedRouter } from '../validation/validatedRouter';
import { JsonObject } from '@backstage/types';
import { ClusterProvisioner } from './ClusterProvisioner';
import { PersonOf } from './policyPerson';
import { requireClusterOfResource } from './requireClusterOfResource';
import { CatalogEntityReader } from '../service/ServerResolver';

/**
 * The Cluster API routes: create, follow, upgrade and scale clusters on the management cluster.
 * Dry runs change nothing, so they leave no audit row; everything else is audited.
 */
export function clusterApiRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  authorize: Authorize;
  /** Finds the Resource a Cluster's permissions are checked on. */
  catalog: CatalogEntityReader;
  /** Undefined when `cocktail.clusterApi.managementCluster` is not configured. */
  provisioner?: ClusterProvisioner;
  /** Who asks, for the cluster policy; only their ref when not given. */
  personOf?: PersonOf;
}): express.Router {
  const api = validatedRouter();
  const { httpAuth, authorize } = options;

  function provisioner(): ClusterProvisioner {
    if (!options.provisioner) {
      throw new NotFoundError(
        'Cluster API is not set up: name the management cluster in cocktail.clusterApi.managementCluster',
      );
    }
    return options.provisioner;
  }

  async function maybeAudited<T>(
    req: express.Request,
    dryRun: boolean,
    context: { action: string; namespace: string; name?: string },
    run: () => Promise<T>,
  ): Promise<T> {
    return auditedOperation(
      options,
      {
        request: req,
        dryRun,
        credentials: await httpAuth.credentials(req),
        action: context.action,
        entityRef: context.name
          ? `resource:default/${context.name}`
          : undefined,
        namespace: context.namespace,
        details: (req.body ?? {}) as JsonObject,
      },
      run,
    );
  }

  api.post(
    '/cluster-api/clusters',
    { body: createClusterBody },
    async ({ body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const request = body.request as { name?: string; namespace?: string };
      const result = await maybeAudited(
        req,
        body.dryRun,
        {
          action: 'cluster.create',
          namespace:
            typeof request.namespace === 'string'
              ? request.namespace
              : 'default',
          name: typeof request.name === 'string' ? request.name : undefined,
        },
        async () => {
          await authorize(credentials, cocktailClusterCreatePermission);
          return provisioner().create(body.request, {
            where: 'request',
            dryRun: body.dryRun,
            owner: body.owner ?? actorOf(options.auth, credentials),
            addons: body.addons,
            person: await options.personOf?.(credentials),
          });
        },
      );
      res.json({ result });
    },
  );

  api.get(
    '/cluster-api/clusters/:namespace/:name',
    { params: clusterApiParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      res.json(await provisioner().status(params.namespace, params.name));
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/upgrade',
    { params: clusterApiParams, body: upgradeClusterBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await maybeAudited(
        req,
        body.dryRun,
        { action: 'cluster.upgrade', namespace, name },
        async () => {
          await requireClusterOfResource(options, { namespace, name });
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            `resource:default/${name}`,
          );
          return provisioner().upgrade(
            namespace,
            name,
            body,
            await options.personOf?.(credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/scale',
    { params: clusterApiParams, body: scaleClusterBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await maybeAudited(
        req,
        body.dryRun,
        { action: 'cluster.scale', namespace, name },
        async () => {
          await requireClusterOfResource(options, { namespace, name });
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            `resource:default/${name}`,
          );
          return provisioner().scale(
            namespace,
            name,
            body,
            await options.personOf?.(credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  return api.router;
}
