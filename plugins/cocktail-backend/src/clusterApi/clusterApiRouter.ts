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
import Router from 'express-promise-router';
import { AuditStore } from '../audit';
import { actorOf, auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import {
  parseCreateBody,
  parseScaleBody,
  parseUpgradeBody,
} from './clusterApiBodies';
import { ClusterProvisioner } from './ClusterProvisioner';

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
  /** Undefined when `cocktail.clusterApi.managementCluster` is not configured. */
  provisioner?: ClusterProvisioner;
}): express.Router {
  const router = Router();
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
    if (dryRun) {
      return run();
    }
    return auditedOperation(
      options,
      {
        request: req,
        credentials: await httpAuth.credentials(req),
        action: context.action,
        entityRef: context.name
          ? `resource:default/${context.name}`
          : undefined,
        namespace: context.namespace,
        details: req.body ?? {},
      },
      run,
    );
  }

  router.post('/cluster-api/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = parseCreateBody(req.body);
    const request = body.request as { name?: string; namespace?: string };
    const result = await maybeAudited(
      req,
      body.dryRun,
      {
        action: 'cluster.create',
        namespace: request.namespace ?? 'default',
        name: typeof request.name === 'string' ? request.name : undefined,
      },
      async () => {
        await authorize(credentials, cocktailClusterCreatePermission);
        return provisioner().create(body.request, {
          dryRun: body.dryRun,
          owner: body.owner ?? actorOf(options.auth, credentials),
        });
      },
    );
    res.json({ result });
  });

  router.get('/cluster-api/clusters/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await authorize(credentials, cocktailClusterReadPermission);
    res.json(await provisioner().status(req.params.namespace, req.params.name));
  });

  router.post(
    '/cluster-api/clusters/:namespace/:name/upgrade',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const body = parseUpgradeBody(req.body);
      const { namespace, name } = req.params;
      const result = await maybeAudited(
        req,
        body.dryRun,
        { action: 'cluster.upgrade', namespace, name },
        async () => {
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            `resource:default/${name}`,
          );
          return provisioner().upgrade(namespace, name, body);
        },
      );
      res.json({ result });
    },
  );

  router.post(
    '/cluster-api/clusters/:namespace/:name/scale',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const body = parseScaleBody(req.body);
      const { namespace, name } = req.params;
      const result = await maybeAudited(
        req,
        body.dryRun,
        { action: 'cluster.scale', namespace, name },
        async () => {
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            `resource:default/${name}`,
          );
          return provisioner().scale(namespace, name, body);
        },
      );
      res.json({ result });
    },
  );

  return router;
}
