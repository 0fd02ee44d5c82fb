import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  cocktailBackupCreatePermission,
  cocktailBackupReadPermission,
  cocktailBackupRestorePermission,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { JsonObject } from '@backstage/types';
import express from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { checkServiceMapNamespace } from '../provisioning/checkServiceMapNamespace';
import { actorOf, auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { ClusterAccess } from '../service/ClusterAccess';
import { requireKnownCluster } from '../service/requireKnownCluster';
import { clusterNameOf, refOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { entityName, entityParams, queryFlag } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import {
  clusterBackupBody,
  restoreBody,
  serviceMapBackupBody,
} from './backupBodies';
import { timestampSuffix, VeleroBackups } from './VeleroBackups';

/**
 * Velero backups of a ServiceMap's namespace (its Backups tab) and of whole clusters: list,
 * back up now or on a schedule, remove a schedule, restore into the namespace or a new,
 * unclaimed one. Checked on the ServiceMap (Service roles) or the cluster's Resource (platform
 * admins), audited unless a dry run.
 */
export function backupsRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger?: LoggerService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  clusters: ClusterAccess;
  operationsFor: (cluster: string) => Promise<KubernetesOperations>;
  reservedNamespaces?: string[];
  now?: () => Date;
}): express.Router {
  const api = validatedRouter();
  const { httpAuth, authorize } = options;
  const now = options.now ?? (() => new Date());

  async function serviceMapTarget(
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ) {
    const serviceMap = await options.catalog.serviceMap(
      params.namespace,
      params.name,
      credentials,
    );
    return {
      serviceMap,
      ref: refOf(serviceMap),
      cluster: clusterNameOf(serviceMap),
      namespace: serviceMap.spec.namespace,
    };
  }

  const veleroOn = async (cluster: string) =>
    new VeleroBackups(await options.operationsFor(cluster));

  function audit(
    req: express.Request,
    credentials: BackstageCredentials,
    target: { ref: string; cluster: string; namespace?: string },
    action: string,
    dryRun: boolean,
  ) {
    return {
      request: req,
      credentials,
      dryRun,
      action,
      entityRef: target.ref,
      cluster: target.cluster,
      namespace: target.namespace,
      details: (req.body ?? {}) as JsonObject,
    };
  }

  /**
   * A restore's new namespace must be free: not the cluster's own, not reserved, claimed by no
   * ServiceMap (read as the plugin, so none hides from the person), and not on the cluster yet,
   * so a restore cannot put workloads into a namespace someone else runs.
   */
  async function checkTargetNamespace(
    serviceMap: ServiceMapEntityV1alpha1,
    cluster: string,
    target: string,
  ) {
    try {
      checkServiceMapNamespace({
        serviceMapRef: refOf(serviceMap),
        cluster,
        namespace: target,
        reserved: [...(options.reservedNamespaces ?? []), 'velero'],
        claims: (
          await options.catalog.serviceMaps(
            await options.auth.getOwnServiceCredentials(),
          )
        ).map(map => ({
          ref: refOf(map),
          cluster: clusterNameOf(map),
          namespace: map.spec.namespace,
        })),
      });
    } catch (error) {
      const message = (error as Error).message.replace(
        /^spec\.namespace:/,
        'targetNamespace:',
      );
      throw error instanceof ConflictError
        ? new ConflictError(message)
        : new InputError(message);
    }
    const ops = await options.operationsFor(cluster);
    if (await ops.read({ apiVersion: 'v1', kind: 'Namespace', name: target })) {
      throw new ConflictError(
        `targetNamespace: ${target} already exists on cluster ${cluster}; restore into a new namespace, or into the ServiceMap's own`,
      );
    }
  }

  api.get(
    '/servicemaps/:namespace/:name/backups',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serviceMapTarget(params, credentials);
      await authorize(credentials, cocktailBackupReadPermission, target.ref);
      res.json(await (await veleroOn(target.cluster)).list(target.namespace));
    },
  );

  api.post(
    '/servicemaps/:namespace/:name/backups',
    { params: entityParams, body: serviceMapBackupBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serviceMapTarget(params, credentials);
      const dryRun = body.dryRun === true;
      const result = await auditedOperation(
        options,
        audit(
          req,
          credentials,
          target,
          body.schedule ? 'backup.schedule' : 'backup.create',
          dryRun,
        ),
        async () => {
          await authorize(
            credentials,
            cocktailBackupCreatePermission,
            target.ref,
          );
          const name =
            body.name ??
            (body.schedule
              ? `${target.namespace}-scheduled`
              : `${target.namespace}-${timestampSuffix(now())}`);
          return (await veleroOn(target.cluster)).backUp(
            { ...body, name, namespace: target.namespace, dryRun },
            actorOf(options.auth, credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  api.delete(
    '/servicemaps/:namespace/:name/backup-schedules/:schedule',
    {
      params: entityParams.extend({ schedule: entityName }),
      query: z.strictObject({ dryRun: queryFlag.optional() }),
    },
    async ({ params, query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serviceMapTarget(params, credentials);
      const dryRun = query.dryRun === true;
      const result = await auditedOperation(
        options,
        {
          ...audit(req, credentials, target, 'backup.schedule.delete', dryRun),
          details: { schedule: params.schedule },
        },
        async () => {
          await authorize(
            credentials,
            cocktailBackupCreatePermission,
            target.ref,
          );
          return (await veleroOn(target.cluster)).deleteSchedule(
            params.schedule,
            target.namespace,
            dryRun,
          );
        },
      );
      res.json({ result });
    },
  );

  api.post(
    '/servicemaps/:namespace/:name/restores',
    { params: entityParams, body: restoreBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await serviceMapTarget(params, credentials);
      const dryRun = body.dryRun === true;
      const result = await auditedOperation(
        options,
        audit(req, credentials, target, 'backup.restore', dryRun),
        async () => {
          await authorize(
            credentials,
            cocktailBackupRestorePermission,
            target.ref,
          );
          if (
            body.targetNamespace &&
            body.targetNamespace !== target.namespace
          ) {
            await checkTargetNamespace(
              target.serviceMap,
              target.cluster,
              body.targetNamespace,
            );
          }
          return (await veleroOn(target.cluster)).restore(
            {
              name:
                body.name ??
                `${body.backup}-restore-${timestampSuffix(now())}`
                  .slice(0, 63)
                  .replace(/-+$/, ''),
              backup: body.backup,
              namespace: target.namespace,
              targetNamespace: body.targetNamespace,
              dryRun,
            },
            actorOf(options.auth, credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  const clusterParams = z.strictObject({ name: entityName });

  api.get(
    '/clusters/:name/backups',
    { params: clusterParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const cluster = await requireKnownCluster(options.clusters, params.name);
      await authorize(
        credentials,
        cocktailBackupReadPermission,
        cluster.entityRef,
      );
      res.json(await (await veleroOn(cluster.name)).list());
    },
  );

  api.post(
    '/clusters/:name/backups',
    { params: clusterParams, body: clusterBackupBody },
    async ({ params, body }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const cluster = await requireKnownCluster(options.clusters, params.name);
      const dryRun = body.dryRun === true;
      const target = {
        ref: cluster.entityRef,
        cluster: cluster.name,
        namespace: body.namespace,
      };
      const result = await auditedOperation(
        options,
        audit(
          req,
          credentials,
          target,
          body.schedule ? 'backup.schedule' : 'backup.create',
          dryRun,
        ),
        async () => {
          await authorize(
            credentials,
            cocktailBackupCreatePermission,
            cluster.entityRef,
          );
          const what = body.namespace ?? cluster.name;
          const name =
            body.name ??
            (body.schedule
              ? `${what}-scheduled`
              : `${what}-${timestampSuffix(now())}`);
          return (await veleroOn(cluster.name)).backUp(
            { ...body, name, dryRun },
            actorOf(options.auth, credentials),
          );
        },
      );
      res.json({ result });
    },
  );

  return api.router;
}
