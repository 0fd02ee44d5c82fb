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
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ClusterPolicyPerson } from '@cocktailcloud/plugin-cocktail-node';
import { z } from 'zod';
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
import {
  clusterResourceRef,
  requireClusterOfResource,
} from './requireClusterOfResource';

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

  /**
   * The catalog's ServiceMaps on this cluster: read as the plugin when deciding whether it may
   * be deleted (so none hides from the person), as the person when only shown to them.
   */
  async function boundServiceMaps(
    cluster: string,
    credentials?: BackstageCredentials,
  ): Promise<string[]> {
    const { items } = await options.catalog.getEntities(
      {
        filter: { kind: 'ServiceMap' },
        fields: ['apiVersion', 'kind', 'metadata', 'spec'],
      },
      {
        credentials:
          credentials ?? (await options.auth.getOwnServiceCredentials()),
      },
    );
    return (items.filter(isServiceMapEntity) as ServiceMapEntityV1alpha1[])
      .filter(serviceMap => clusterNameOf(serviceMap) === cluster)
      .map(serviceMap => stringifyEntityRef(serviceMap))
      .sort();
  }

  const entityRefOf = clusterResourceRef;

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
          await boundServiceMaps(params.name, credentials),
        ),
      );
    },
  );

  /**
   * A change to the cluster: checked with `permission` on its Resource, run with the person for
   * the cluster policy, audited as `action` unless a dry run.
   */
  function changeRoute<S extends z.ZodType<{ dryRun: boolean }>>(
    path: string,
    body: S,
    permission: ResourcePermission,
    action: (body: z.output<S>) => string,
    call: (
      params: { namespace: string; name: string },
      body: z.output<S>,
      person: ClusterPolicyPerson,
    ) => Promise<unknown>,
  ) {
    api.post(
      `/cluster-api/clusters/:namespace/:name/${path}`,
      { params: clusterApiParams, body },
      async ({ params, body: parsed }, req, res) => {
        // The router types a generic schema's output loosely; it is S's output.
        const input = parsed as z.output<S>;
        const credentials = await httpAuth.credentials(req);
        const result = await change(
          req,
          credentials,
          { action: action(input), ...params, dryRun: input.dryRun },
          async () => {
            await requireClusterOfResource(options, params);
            await authorize(credentials, permission, entityRefOf(params.name));
            return call(params, input, await options.personOf(credentials));
          },
        );
        res.json({ result });
      },
    );
  }

  changeRoute(
    'remove-node-pool',
    removeNodePoolBody,
    cocktailClusterUpdatePermission,
    () => 'cluster.node-pool.remove',
    ({ namespace, name }, body, person) =>
      provisioner().removeNodePool(namespace, name, body, person),
  );

  changeRoute(
    'replace-machine',
    replaceMachineBody,
    cocktailClusterUpdatePermission,
    () => 'cluster.machine.replace',
    ({ namespace, name }, body, person) =>
      provisioner().replaceMachine(namespace, name, body, person),
  );

  changeRoute(
    'delete',
    deleteClusterBody,
    cocktailClusterDeletePermission,
    () => 'cluster.delete',
    async ({ namespace, name }, body, person) =>
      provisioner().delete(namespace, name, body, {
        person,
        boundServiceMaps: await boundServiceMaps(name),
      }),
  );

  changeRoute(
    'addons',
    clusterAddonBody,
    cocktailClusterUpdatePermission,
    body => `cluster.addon.${body.action}`,
    ({ namespace, name }, body, person) =>
      provisioner().changeAddon(namespace, name, body, person),
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

  return api.router;
}
