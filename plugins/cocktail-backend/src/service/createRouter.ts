import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ClusterPolicy,
  ScanReportReaders,
  ServiceRoleDirectory,
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import Router from 'express-promise-router';
import { AccessExplainer } from '../access/AccessExplainer';
import { AccessGrantService } from '../accessGrants/AccessGrantService';
import { accessGrantsRouter } from '../accessGrants/accessGrantsRouter';
import { clusterAccessRouter } from '../accessGrants/clusterAccessRouter';
import { ClusterReadAccessService } from '../accessGrants/ClusterReadAccessService';
import { AccessGranter } from '../accessGrants/AccessGranter';
import { AccessGrantStore } from '../accessGrants/types';
import { entityAccessRouter } from '../access/entityAccessRouter';
import { AuditStore } from '../audit';
import { auditRouter } from '../audit/auditRouter';
import { clusterApiRouter } from '../clusterApi/clusterApiRouter';
import { clusterDayTwoRouter } from '../clusterApi/clusterDayTwoRouter';
import { createPersonOf } from '../clusterApi/policyPerson';
import { clusterNodesRouter } from '../clusterNodes/clusterNodesRouter';
import { backupsRouter } from '../backups/backupsRouter';
import { ClusterProvisioner } from '../clusterApi/ClusterProvisioner';
import { imageScansRouter } from '../imageScans/imageScansRouter';
import { alertsRouter } from '../monitoring/alertsRouter';
import { costRouter } from '../monitoring/costRouter';
import { CostService } from '../monitoring/CostService';
import { AlertNotifier } from '../monitoring/AlertNotifier';
import { alertWebhookRouter } from '../monitoring/alertWebhookRouter';
import { AlertService } from '../monitoring/AlertService';
import { monitoringRouter } from '../monitoring/monitoringRouter';
import { TimeSeriesService } from '../monitoring/TimeSeriesService';
import { ImageScanSettings } from '../imageScans/imageScanSettings';
import { ScanStore } from '../imageScans/types';
import { serviceMapProvisioningRouter } from '../provisioning/serviceMapProvisioningRouter';
import { summariesRouter } from '../summaries/summariesRouter';
import { jsonBody } from '../validation/jsonBody';
import { ApiServices, createApiServices } from './apiServices';
import { ClusterAccess } from './ClusterAccess';
import { clustersRouter } from './clustersRouter';
import { inlineServerDeployRouter } from './inlineServerDeployRouter';
import { CatalogEntityReader } from './ServerResolver';
import { serversRouter } from './serversRouter';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogEntityReader;
  clusters: ClusterAccess;
  watchCache: WatchCache;
  audit: AuditStore;
  loadClient: () => Promise<typeof k8s>;
  /** Creates, upgrades and scales clusters; absent when no Cluster API management cluster is configured. */
  clusterProvisioner?: ClusterProvisioner;
  /** The rules from `cocktail.clusterApi.policies`, also for node operations on any cluster. */
  clusterPolicy?: ClusterPolicy;
  /** Between eviction attempts a disruption budget refused; 1 s when not given. */
  drainRetryIntervalMs?: number;
  /** Time limit of one Kubernetes request; 10 s for changes and 5 s for live reads when not given. */
  requestTimeoutMs?: number;
  /** Explains refusals by Service role; without it a refusal names the permission only. */
  explainer?: AccessExplainer;
  /** Services and their ServiceMaps, for signals and provisioning checks. */
  directory?: ServiceRoleDirectory;
  /** Namespaces no ServiceMap may be provisioned into, besides `default` and `kube-*`. */
  reservedNamespaces?: string[];
  /** Image scans: their store, the deploy gate and the upload limit; no scan routes without it. */
  imageScans?: Partial<ImageScanSettings> & {
    store: ScanStore;
    /** The largest report accepted, after gunzip; 200 MB when not given. */
    maxUploadBytes?: number;
    /** The Trivy Operator report sync, for `POST /image-scans/sync`; absent when disabled. */
    sync?: { run(): Promise<object> };
    /** The report formats uploads may have; the built-in ones when not given. */
    readers?: ScanReportReaders;
  };
  /** Time-limited cluster access; no access routes without it (or without the explainer). */
  accessGrants?: {
    store: AccessGrantStore;
    granter: AccessGranter;
    maxDurationMinutes: number;
    /** Where cluster-wide read grants' ServiceAccounts live; `kube-system` when not given. */
    clusterGrantNamespace?: string;
  };
  /** Charts over time from the clusters' Prometheus; no monitoring routes without it. */
  monitoring?: {
    timeSeries: TimeSeriesService;
    alerts: AlertService;
    cost: CostService;
    /** Alertmanager's webhook receiver; off without a secret. */
    webhook?: { secret?: string; notifier: AlertNotifier };
  };
}

/**
 * The REST API of the `cocktail` plugin, mounted from one router per area; every endpoint
 * checks a permission. `services` are built from `options` when not given.
 */
export async function createRouter(
  options: RouterOptions,
  services: ApiServices = createApiServices(options),
): Promise<express.Router> {
  const { httpAuth, permissions, watchCache } = options;
  const {
    authorize,
    catalog,
    resolver,
    summarizer,
    gate,
    lifecycleFor,
    operationsFor,
  } = services;
  const router = Router();

  // Before express.json(): a scan upload streams its body into the report parser.
  if (options.imageScans) {
    router.use(
      imageScansRouter({
        ...options,
        authorize,
        catalog,
        resolver,
        store: options.imageScans.store,
        maxUploadBytes: options.imageScans.maxUploadBytes ?? 200 * 2 ** 20,
        maxFindingsPerScan: options.imageScans.maxFindingsPerScan,
        maxConcurrentUploads: options.imageScans.maxConcurrentUploads,
        sync: options.imageScans.sync,
        readers: options.imageScans.readers,
      }),
    );
  }
  router.use(jsonBody());
  router.use(clustersRouter({ ...options, authorize, catalog }));
  router.use(
    serversRouter({
      ...options,
      liveReadTimeoutMs: services.liveReadTimeoutMs,
      gate,
      serverAt: services.serverAt,
      authorizeServer: services.authorizeServer,
      lifecycleFor,
    }),
  );
  router.use(summariesRouter({ httpAuth, authorize, catalog, summarizer }));
  if (options.monitoring) {
    router.use(
      monitoringRouter({
        ...options,
        authorize,
        catalog,
        timeSeries: options.monitoring.timeSeries,
        serverAt: services.serverAt,
        authorizeServer: services.authorizeServer,
      }),
    );
    router.use(
      alertsRouter({
        ...options,
        authorize,
        catalog,
        alerts: options.monitoring.alerts,
        serverAt: services.serverAt,
      }),
    );
    router.use(
      costRouter({
        ...options,
        authorize,
        catalog,
        cost: options.monitoring.cost,
      }),
    );
    if (options.monitoring.webhook) {
      router.use(
        alertWebhookRouter({
          ...options.monitoring.webhook,
          logger: options.logger,
        }),
      );
    }
  }
  router.use(auditRouter({ ...options, authorize, catalog }));
  if (options.explainer) {
    router.use(
      entityAccessRouter({
        httpAuth,
        permissions,
        explainer: options.explainer,
      }),
    );
  }
  if (options.accessGrants && options.explainer) {
    const explainer = options.explainer;
    router.use(
      accessGrantsRouter({
        ...options,
        catalog,
        maxDurationMinutes: options.accessGrants.maxDurationMinutes,
        grants: new AccessGrantService({
          ...options.accessGrants,
          authorize,
          auth: options.auth,
          standingOf: (credentials, serviceMapRef) =>
            explainer.roleContext(credentials, serviceMapRef),
        }),
      }),
    );
    router.use(
      clusterAccessRouter({
        ...options,
        maxDurationMinutes: options.accessGrants.maxDurationMinutes,
        clusterGrants: new ClusterReadAccessService({
          ...options.accessGrants,
          serviceAccountNamespace:
            options.accessGrants.clusterGrantNamespace ?? 'kube-system',
          authorize,
          auth: options.auth,
        }),
      }),
    );
  }
  const personOf = createPersonOf(options);
  router.use(
    clusterApiRouter({
      ...options,
      authorize,
      provisioner: options.clusterProvisioner,
      personOf,
    }),
  );
  router.use(clusterNodesRouter({ ...options, authorize, personOf }));
  router.use(backupsRouter({ ...options, authorize, catalog, operationsFor }));
  router.use(
    clusterDayTwoRouter({
      ...options,
      authorize,
      personOf,
      provisioner: options.clusterProvisioner,
    }),
  );
  router.use(
    serviceMapProvisioningRouter({
      ...options,
      authorize,
      catalog,
      operationsFor,
    }),
  );
  router.use(
    inlineServerDeployRouter({
      ...options,
      authorize,
      catalog,
      lifecycleFor,
      gate,
      readStatus: async (cluster, namespace, server) => {
        await watchCache.watchNamespace(cluster, namespace);
        const { cache, state } = watchCache.read(cluster);
        return summarizeServerStatus(cache, state, { namespace, server });
      },
    }),
  );

  return router;
}
