import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ScanReportReaders,
  ServiceRoleDirectory,
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import Router from 'express-promise-router';
import { AccessExplainer } from '../access/AccessExplainer';
import { entityAccessRouter } from '../access/entityAccessRouter';
import { AuditStore } from '../audit';
import { auditRouter } from '../audit/auditRouter';
import { clusterApiRouter } from '../clusterApi/clusterApiRouter';
import { ClusterProvisioner } from '../clusterApi/ClusterProvisioner';
import { imageScansRouter } from '../imageScans/imageScansRouter';
import { ImageScanSettings } from '../imageScans/imageScanSettings';
import { ScanGate } from '../imageScans/ScanGate';
import { ScanStore } from '../imageScans/types';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { serviceMapProvisioningRouter } from '../provisioning/serviceMapProvisioningRouter';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { ServiceMapSummarizer } from '../summaries/ServiceMapSummarizer';
import { summariesRouter } from '../summaries/summariesRouter';
import { jsonBody } from '../validation/jsonBody';
import { createAuthorize } from './authorize';
import { ClusterAccess } from './ClusterAccess';
import { clustersRouter } from './clustersRouter';
import { inlineServerDeployRouter } from './inlineServerDeployRouter';
import { CatalogEntityReader, ServerResolver } from './ServerResolver';
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
}

/** The REST API of the `cocktail` plugin; every endpoint checks a permission. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, clusters, watchCache } = options;
  const resolver = new ServerResolver(options.catalog);
  const catalog = new CocktailCatalog(options.catalog);
  const liveReadTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const summarizer = new ServiceMapSummarizer({
    catalog,
    permissions,
    clusters,
    watchCache,
    loadClient: options.loadClient,
    timeoutMs: liveReadTimeoutMs,
  });
  const router = Router();
  const authorize = createAuthorize(
    permissions,
    options.explainer
      ? (credentials, permission, ref) =>
          options.explainer!.explain(credentials, permission, ref)
      : undefined,
  );

  /**
   * A server's permission is checked on the server and on its ServiceMap as the catalog has it
   * now, so a server cannot act in a ServiceMap of a Service where the person has no role.
   */
  async function authorizeServer(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    target: ServerTarget,
  ) {
    await authorize(credentials, permission, [
      target.entityRef,
      stringifyEntityRef(target.serviceMap),
    ]);
  }

  const gate = options.imageScans
    ? new ScanGate({
        store: options.imageScans.store,
        threshold: options.imageScans.blockDeployAtOrAbove ?? 'none',
        requireScan: options.imageScans.requireScan ?? false,
        authorize,
      })
    : undefined;

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

  async function lifecycleFor(target: ServerTarget) {
    const config = await clusters.kubeConfigFor(target.cluster);
    return new ServerLifecycle(
      new KubernetesOperations(
        await options.loadClient(),
        config,
        target.cluster,
        options.requestTimeoutMs,
      ),
      target,
    );
  }

  async function serverAt(
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
    fresh = false,
  ) {
    return resolver.resolve(params.namespace, params.name, credentials, {
      fresh,
    });
  }

  router.use(
    clustersRouter({
      ...options,
      authorize,
      catalog,
    }),
  );
  router.use(
    serversRouter({
      ...options,
      liveReadTimeoutMs,
      gate,
      serverAt,
      authorizeServer,
      lifecycleFor,
    }),
  );
  router.use(summariesRouter({ httpAuth, authorize, catalog, summarizer }));
  router.use(auditRouter({ ...options, authorize, catalog }));

  const operationsFor = async (cluster: string) =>
    new KubernetesOperations(
      await options.loadClient(),
      await clusters.kubeConfigFor(cluster),
      cluster,
      options.requestTimeoutMs,
    );
  if (options.explainer) {
    router.use(
      entityAccessRouter({
        httpAuth,
        permissions,
        explainer: options.explainer,
      }),
    );
  }
  router.use(
    clusterApiRouter({
      ...options,
      authorize,
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
