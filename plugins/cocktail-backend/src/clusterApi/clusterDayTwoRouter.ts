import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  cocktailClusterDeletePermission,
  cocktailClusterReadPermission,
  cocktailClusterUpdatePermission,
  isServiceMapEntity,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { JsonObject } from '@backstage/types';
import { stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { AuditStore } from '../audit';
import { auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { CatalogEntityReader } from '../service/ServerResolver';
import { clusterNameOf } from '../summaries/catalogRefs';
import { validatedRouter } from '../validation/validatedRouter';
import { clusterApiParams } from './clusterApiBodies';
import {
  clusterAddonBody,
  deleteClusterBody,
  removeNodePoolBody,
  replaceMachineBody,
} from './clusterDayTwoBodies';
import { ClusterProvisioner } from './ClusterProvisioner';
import { PersonOf } from './policyPerson';

/**
 * The cluster page's Cluster API routes after day one: the overview, removing node pools,
 * replacing machines, deleting the cluster, and its add-ons. Each is checked on the cluster's
 * Resource, runs the cluster policy with the operation and the person, and is audited unless a
 * dry run.
 */
export function clusterDayTwoRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger?: LoggerService;
  authorize: Authorize;
  catalog: CatalogEntityReader;
  personOf: PersonOf;
  provisioner?: ClusterProvisioner;
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

  /** The catalog's ServiceMaps on this cluster, read as the plugin so none hides from the person. */
  async function boundServiceMaps(cluster: string): Promise<string[]> {
    const { items } = await options.catalog.getEntities(
      {
        filter: { kind: 'ServiceMap' },
        fields: ['apiVersion', 'kind', 'metadata', 'spec'],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    return (items.filter(isServiceMapEntity) as ServiceMapEntityV1alpha1[])
      .filter(serviceMap => clusterNameOf(serviceMap) === cluster)
      .map(serviceMap => stringifyEntityRef(serviceMap))
      .sort();
  }

  const entityRefOf = (name: string) => `resource:default/${name}`;

  async function change<T>(
    req: express.Request,
    credentials: BackstageCredentials,
    context: {
      action: string;
      namespace: string;
      name: string;
      dryRun: boolean;
    },
    run: () => Promise<T>,
  ): Promise<T> {
    return auditedOperation(
      options,
      {
        request: req,
        credentials,
        dryRun: context.dryRun,
        action: context.action,
        entityRef: entityRefOf(context.name),
        cluster: context.name,
        namespace: context.namespace,
        details: (req.body ?? {}) as JsonObject,
      },
      run,
    );
  }

  api.get(
    '/cluster-api/clusters/:namespace/:name/overview',
    { params: clusterApiParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      res.json(
        await provisioner().overview(
          params.namespace,
          params.name,
          await boundServiceMaps(params.name),
        ),
      );
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/remove-node-pool',
    { params: clusterApiParams, body: removeNodePoolBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await change(
        req,
        credentials,
        {
          action: 'cluster.node-pool.remove',
          namespace,
          name,
          dryRun: body.dryRun,
        },
        async () => {
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            entityRefOf(name),
          );
          return provisioner().removeNodePool(
            namespace,
            name,
            body,
            await options.personOf(credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/replace-machine',
    { params: clusterApiParams, body: replaceMachineBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await change(
        req,
        credentials,
        {
          action: 'cluster.machine.replace',
          namespace,
          name,
          dryRun: body.dryRun,
        },
        async () => {
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            entityRefOf(name),
          );
          return provisioner().replaceMachine(
            namespace,
            name,
            body,
            await options.personOf(credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/delete',
    { params: clusterApiParams, body: deleteClusterBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await change(
        req,
        credentials,
        { action: 'cluster.delete', namespace, name, dryRun: body.dryRun },
        async () => {
          await authorize(
            credentials,
            cocktailClusterDeletePermission,
            entityRefOf(name),
          );
          return provisioner().delete(namespace, name, body, {
            person: await options.personOf(credentials),
            boundServiceMaps: await boundServiceMaps(name),
          });
        },
      );
      res.json({ result });
    },
  );

  api.get(
    '/cluster-api/clusters/:namespace/:name/addons',
    { params: clusterApiParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      res.json(await provisioner().addons(params.namespace, params.name));
    },
  );

  api.post(
    '/cluster-api/clusters/:namespace/:name/addons',
    { params: clusterApiParams, body: clusterAddonBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { namespace, name } = params;
      const result = await change(
        req,
        credentials,
        {
          action: `cluster.addon.${body.action}`,
          namespace,
          name,
          dryRun: body.dryRun,
        },
        async () => {
          await authorize(
            credentials,
            cocktailClusterUpdatePermission,
            entityRefOf(name),
          );
          return provisioner().changeAddon(
            namespace,
            name,
            body,
            await options.personOf(credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  return api.router;
}
