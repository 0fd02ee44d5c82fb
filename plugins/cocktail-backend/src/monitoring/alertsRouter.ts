import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  cocktailAlertSilencePermission,
  cocktailClusterReadPermission,
  cocktailServerReadPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import express, { Request } from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { actorOf, auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { ClusterAccess } from '../service/ClusterAccess';
import { clusterNameOf } from '../summaries/catalogRefs';
import { readableServiceWithServiceMaps } from '../summaries/serviceWithServiceMaps';
import { requireKnownCluster } from '../service/requireKnownCluster';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import {
  clusterName,
  entityName,
  entityParams,
  catalogNamespace,
  reasonText,
  wholeNumber,
} from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { AlertScope, AlertService } from './AlertService';

/** At most a week: a longer silence hides a problem rather than a known one. */
const MAX_SILENCE_MINUTES = 7 * 24 * 60;

const silenceBody = z.strictObject({
  durationMinutes: wholeNumber(1, MAX_SILENCE_MINUTES),
  comment: reasonText(500).pipe(
    z.string().min(5, { error: 'expected at least 5 characters saying why' }),
  ),
  alertname: z
    .string({ error: 'expected an alert rule name' })
    .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,199}$/, {
      error: 'expected an alert rule name (letters, digits, "_" and ":")',
    })
    .optional(),
});

const silenceParams = z.strictObject({
  namespace: catalogNamespace,
  name: entityName,
  id: z.string().uuid({ error: 'expected a silence id (a UUID)' }),
});

/** Where an entity's alerts are, and what its silences are checked and audited against. */
interface AlertTarget {
  entityRef: string;
  /** The refs the permission is checked on (a server: itself and its ServiceMap). */
  authorizedRefs: string[];
  scope: AlertScope;
}

/**
 * Active alerts and silences from the clusters' Alertmanager: `GET …/alerts` for servers,
 * ServiceMaps, Services and clusters; `POST …/alerts/silences` and
 * `DELETE …/alerts/silences/:id` for servers and ServiceMaps (`cocktail.alert.silence`,
 * audited as `alert.silence` and `alert.unsilence`).
 */
export function alertsRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger: LoggerService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  clusters: ClusterAccess;
  alerts: AlertService;
  serverAt: (
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ) => Promise<ServerTarget>;
}): express.Router {
  const { httpAuth, authorize, catalog, alerts } = options;
  const api = validatedRouter();

  const serverTarget = async (
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<AlertTarget> => {
    const target = await options.serverAt(params, credentials);
    return {
      entityRef: target.entityRef,
      authorizedRefs: [target.entityRef, stringifyEntityRef(target.serviceMap)],
      scope: {
        cluster: target.cluster,
        namespace: target.namespace,
        server: target.server.metadata.name,
      },
    };
  };
  const serviceMapTarget = async (
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<AlertTarget> => {
    const serviceMap = await catalog.serviceMap(
      params.namespace,
      params.name,
      credentials,
    );
    const entityRef = stringifyEntityRef(serviceMap);
    return {
      entityRef,
      authorizedRefs: [entityRef],
      scope: {
        cluster: clusterNameOf(serviceMap),
        namespace: serviceMap.spec.namespace,
      },
    };
  };

  const audited = (
    req: Request,
    credentials: BackstageCredentials,
    target: AlertTarget,
    action: string,
    details: Record<string, string | number>,
  ) => ({
    request: req,
    credentials,
    action,
    entityRef: target.entityRef,
    cluster: target.scope.cluster,
    namespace: target.scope.namespace,
    details,
  });

  for (const [kind, targetOf] of [
    ['servers', serverTarget],
    ['servicemaps', serviceMapTarget],
  ] as const) {
    api.get(
      `/${kind}/:namespace/:name/alerts`,
      { params: entityParams },
      async ({ params }, req, res) => {
        const credentials = await httpAuth.credentials(req);
        const target = await targetOf(params, credentials);
        await authorize(
          credentials,
          cocktailServerReadPermission,
          target.authorizedRefs,
        );
        res.json(await alerts.list([target.scope]));
      },
    );

    api.post(
      `/${kind}/:namespace/:name/alerts/silences`,
      { params: entityParams, body: silenceBody },
      async ({ params, body }, req, res) => {
        const credentials = await httpAuth.credentials(req);
        const target = await targetOf(params, credentials);
        await authorize(
          credentials,
          cocktailAlertSilencePermission,
          target.authorizedRefs,
        );
        const silence = await auditedOperation(
          options,
          audited(req, credentials, target, 'alert.silence', {
            durationMinutes: body.durationMinutes,
            comment: body.comment,
            ...(body.alertname && { alertname: body.alertname }),
          }),
          () =>
            alerts.silence(
              target.scope,
              body,
              actorOf(options.auth, credentials),
            ),
        );
        res.status(201).json({ result: silence });
      },
    );

    api.delete(
      `/${kind}/:namespace/:name/alerts/silences/:id`,
      { params: silenceParams },
      async ({ params }, req, res) => {
        const credentials = await httpAuth.credentials(req);
        const target = await targetOf(params, credentials);
        await authorize(
          credentials,
          cocktailAlertSilencePermission,
          target.authorizedRefs,
        );
        const silence = await auditedOperation(
          options,
          audited(req, credentials, target, 'alert.unsilence', {
            silenceId: params.id,
          }),
          () => alerts.expire(target.scope, params.id),
        );
        res.json({ result: silence });
      },
    );
  }

  api.get(
    '/services/:namespace/:name/alerts',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const { serviceMaps } = await readableServiceWithServiceMaps(
        { catalog, authorize },
        params,
        credentials,
      );
      res.json(
        await alerts.list(
          serviceMaps.map(map => ({
            cluster: clusterNameOf(map),
            namespace: map.spec.namespace,
          })),
        ),
      );
    },
  );

  api.get(
    '/clusters/:cluster/alerts',
    { params: z.strictObject({ cluster: clusterName }) },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      await requireKnownCluster(options.clusters, params.cluster);
      res.json(await alerts.list([{ cluster: params.cluster }]));
    },
  );

  return api.router;
}
