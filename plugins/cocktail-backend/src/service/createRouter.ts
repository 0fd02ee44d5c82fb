import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  cocktailAuditReadPermission,
  cocktailClusterReadPermission,
  cocktailServerAutoscalePermission,
  cocktailServerDeletePermission,
  cocktailServerDeployPermission,
  cocktailServerReadPermission,
  cocktailServerRestartPermission,
  cocktailServerRollbackPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerScalePermission,
  cocktailServerSuspendPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { AuditStore } from '../audit';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { auditedOperation } from './auditedOperation';
import { createAuthorize } from './authorize';
import { inlineServerDeployRouter } from './inlineServerDeployRouter';
import { clusterApiRouter } from '../clusterApi/clusterApiRouter';
import { ClusterProvisioner } from '../clusterApi/ClusterProvisioner';
import { serviceMapProvisioningRouter } from '../provisioning/serviceMapProvisioningRouter';
import { ClusterAccess } from './ClusterAccess';
import { parseAuditFilter, parseAuditQuery } from './auditQueryParams';
import { AuditFilter } from '../audit';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { describeCluster } from './describeCluster';
import {
  parseAutoscaling,
  parseDeployFields,
  parseImages,
  parseRollback,
  parseScale,
} from './requestBodies';
import { CatalogEntityReader, ServerResolver } from './ServerResolver';
import { parseEntityParams } from './entityParams';
import { refOf, serviceRefOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { countClusterEntities } from '../summaries/countClusterEntities';
import { readServerMetrics } from '../summaries/readServerMetrics';
import { ServiceMapSummarizer } from '../summaries/ServiceMapSummarizer';
import { summarizeService } from '../summaries/summarizeService';
import { imageScansRouter } from '../imageScans/imageScansRouter';
import { GateThreshold, ScanGate } from '../imageScans/ScanGate';
import { ScanStore } from '../imageScans/types';
import { AccessExplainer } from '../access/AccessExplainer';
import { entityAccessRouter } from '../access/entityAccessRouter';
import {
  permissionReach,
  readableEntityRefs,
} from '../access/readableEntityRefs';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';

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
  imageScans?: {
    store: ScanStore;
    /** `cocktail.imageScans.blockDeployAtOrAbove`; none when not given. */
    blockDeployAtOrAbove?: GateThreshold;
    /** The largest report accepted, after gunzip; 200 MB when not given. */
    maxUploadBytes?: number;
  };
}

type Operation = (
  lifecycle: ServerLifecycle,
  body: unknown,
  context: {
    target: ServerTarget;
    credentials: BackstageCredentials;
    gate?: ScanGate;
  },
) => Promise<unknown>;

const OPERATIONS: Record<
  string,
  { permission: ResourcePermission; action: string; run: Operation }
> = {
  deploy: {
    permission: cocktailServerDeployPermission,
    action: 'server.deploy',
    run: (l, b, { target, credentials, gate }) => {
      const body = parseDeployFields(b);
      return gate
        ? gate.deploy(l, target, credentials, body)
        : l.deploy({ dryRun: body.dryRun });
    },
  },
  'rolling-update': {
    permission: cocktailServerRollingUpdatePermission,
    action: 'server.rolling-update',
    run: (l, b) => l.rollingUpdate(parseImages(b)),
  },
  restart: {
    permission: cocktailServerRestartPermission,
    action: 'server.restart',
    run: l => l.restart(),
  },
  scale: {
    permission: cocktailServerScalePermission,
    action: 'server.scale',
    run: (l, b) => l.scale(parseScale(b).replicas),
  },
  autoscaling: {
    permission: cocktailServerAutoscalePermission,
    action: 'server.autoscale',
    run: (l, b) => l.autoscale(parseAutoscaling(b)),
  },
  rollback: {
    permission: cocktailServerRollbackPermission,
    action: 'server.rollback',
    run: (l, b) => l.rollback(parseRollback(b).revision),
  },
  suspend: {
    permission: cocktailServerSuspendPermission,
    action: 'server.suspend',
    run: l => l.suspend(),
  },
  resume: {
    permission: cocktailServerSuspendPermission,
    action: 'server.resume',
    run: l => l.resume(),
  },
};

/** The REST API of the `cocktail` plugin; every endpoint checks a permission. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, clusters, watchCache, audit } = options;
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

  /** The audit filter narrowed to the entities whose rows the person may read. */
  async function visibleAuditFilter(
    credentials: BackstageCredentials,
    filter: AuditFilter,
  ): Promise<AuditFilter> {
    const reach = await permissionReach(
      permissions,
      cocktailAuditReadPermission,
      credentials,
    );
    if (reach === 'all') {
      return filter;
    }
    if (filter.entityRefs?.length) {
      const readable = await readableEntityRefs(
        permissions,
        cocktailAuditReadPermission,
        filter.entityRefs,
        credentials,
      );
      if (!readable.length) {
        // Say why for the entity asked about, rather than answer with nothing.
        await authorize(
          credentials,
          cocktailAuditReadPermission,
          filter.entityRefs[0],
        );
      }
      return { ...filter, entityRefs: readable };
    }
    if (reach === 'none') {
      throw new NotAllowedError(
        'Reading the audit log needs the viewer role on a Service; you have no role on any.',
      );
    }
    const [serviceMaps, servers, services] = await Promise.all([
      catalog.serviceMaps(credentials),
      catalog.servers(credentials),
      catalog.services(credentials),
    ]);
    const candidates = [...services, ...serviceMaps, ...servers].map(e =>
      stringifyEntityRef(e),
    );
    const readable = await readableEntityRefs(
      permissions,
      cocktailAuditReadPermission,
      candidates,
      credentials,
    );
    // Rows keep refs as written; match both spellings.
    return {
      ...filter,
      entityRefs: [
        ...new Set(readable.flatMap(r => [r, r.toLocaleLowerCase('en-US')])),
      ],
    };
  }
  const gate = options.imageScans
    ? new ScanGate({
        store: options.imageScans.store,
        threshold: options.imageScans.blockDeployAtOrAbove ?? 'none',
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
      }),
    );
  }
  router.use(express.json());

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

  async function serverFromRequest(
    request: Request,
    credentials: BackstageCredentials,
    fresh = false,
  ) {
    return resolver.resolve(
      request.params.namespace,
      request.params.name,
      credentials,
      { fresh },
    );
  }

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await authorize(credentials, cocktailClusterReadPermission);
    const readAll =
      (await permissionReach(
        permissions,
        cocktailServerReadPermission,
        credentials,
      )) === 'all';
    const [list, countsFor] = await Promise.all([
      clusters.listClusters(),
      countClusterEntities(
        catalog,
        credentials,
        readAll
          ? undefined
          : refs =>
              readableEntityRefs(
                permissions,
                cocktailServerReadPermission,
                refs,
                credentials,
              ),
      ),
    ]);
    const items = list.map(cluster => ({
      ...cluster,
      cache: watchCache.read(cluster.name).state,
      ...countsFor(cluster.name),
    }));
    res.json({ items });
  });

  router.get('/clusters/:cluster', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await authorize(credentials, cocktailClusterReadPermission);
    const cluster = (await clusters.listClusters()).find(
      c => c.name === req.params.cluster,
    );
    if (!cluster) {
      throw new InputError(`cluster: no cluster named ${req.params.cluster}`);
    }
    res.json(
      await describeCluster(
        cluster,
        await clusters.kubeConfigFor(cluster.name),
        await options.loadClient(),
        options.requestTimeoutMs,
      ),
    );
  });

  router.get('/servers/:namespace/:name/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const target = await serverFromRequest(req, credentials);
    await authorizeServer(credentials, cocktailServerReadPermission, target);
    await watchCache.waitForSync(target.cluster, 3_000);
    const { cache, state } = watchCache.read(target.cluster);
    res.json(
      summarizeServerStatus(cache, state, {
        namespace: target.namespace,
        server: target.server.metadata.name,
      }),
    );
  });

  router.get('/servicemaps/:namespace/:name/summary', async (req, res) => {
    const { namespace, name } = parseEntityParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const serviceMap = await catalog.serviceMap(namespace, name, credentials);
    await authorize(
      credentials,
      cocktailServerReadPermission,
      stringifyEntityRef(serviceMap),
    );
    const [summary] = await summarizer.summarize([serviceMap], credentials);
    res.json(summary);
  });

  router.get('/services/:namespace/:name/summary', async (req, res) => {
    const { namespace, name } = parseEntityParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const service = await catalog.service(namespace, name, credentials);
    await authorize(
      credentials,
      cocktailServerReadPermission,
      stringifyEntityRef(service),
    );
    const serviceMaps = (await catalog.serviceMaps(credentials))
      .filter(map => serviceRefOf(map) === refOf(service))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    res.json(
      summarizeService(
        service,
        await summarizer.summarize(serviceMaps, credentials),
      ),
    );
  });

  router.get('/servers/:namespace/:name/metrics', async (req, res) => {
    parseEntityParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const target = await serverFromRequest(req, credentials);
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
  });

  router.get('/servers/:namespace/:name/drift', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const target = await serverFromRequest(req, credentials, true);
    await authorizeServer(credentials, cocktailServerReadPermission, target);
    res.json(await (await lifecycleFor(target)).drift());
  });

  router.post('/servers/:namespace/:name/:operation', async (req, res) => {
    const operation = OPERATIONS[req.params.operation];
    if (!operation) {
      throw new InputError(
        `operation: expected one of ${Object.keys(OPERATIONS).join(
          ', ',
        )}, got ${req.params.operation}`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    const target = await serverFromRequest(req, credentials, true);
    const dryRun = req.body?.dryRun === true;
    const run = async () => {
      await authorizeServer(credentials, operation.permission, target);
      return operation.run(await lifecycleFor(target), req.body, {
        target,
        credentials,
        gate,
      });
    };
    // A dry run changes nothing, so it leaves no audit row.
    const result = dryRun
      ? await run()
      : await auditedOperation(
          options,
          {
            request: req,
            credentials,
            action: operation.action,
            entityRef: target.entityRef,
            cluster: target.cluster,
            namespace: target.namespace,
            details: req.body ?? {},
          },
          run,
        );
    res.json({ result });
  });

  router.delete('/servers/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const target = await serverFromRequest(req, credentials, true);
    const dryRun = req.query.dryRun === 'true';
    const run = async () => {
      await authorizeServer(
        credentials,
        cocktailServerDeletePermission,
        target,
      );
      return (await lifecycleFor(target)).delete({ dryRun });
    };
    const result = dryRun
      ? await run()
      : await auditedOperation(
          options,
          {
            request: req,
            credentials,
            action: 'server.delete',
            entityRef: target.entityRef,
            cluster: target.cluster,
            namespace: target.namespace,
          },
          run,
        );
    res.json({ result });
  });

  router.get('/audit', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseAuditQuery(req.query);
    res.json(
      await audit.query({
        ...query,
        ...(await visibleAuditFilter(credentials, query)),
      }),
    );
  });

  router.get('/audit/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = await visibleAuditFilter(
      credentials,
      parseAuditFilter(req.query),
    );
    const format = req.query.format ?? 'json';
    if (format !== 'csv' && format !== 'json') {
      throw new InputError(`format: expected csv or json, got ${format}`);
    }
    res.setHeader(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="cocktail-audit.${format}"`,
    );
    for await (const chunk of audit.exportRows(filter, format)) {
      res.write(chunk);
    }
    res.end();
  });

  router.get('/audit/verify', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // The whole chain spans every Service: platform admins (or a policy allowing all) only.
    if (
      (await permissionReach(
        permissions,
        cocktailAuditReadPermission,
        credentials,
      )) !== 'all'
    ) {
      throw new NotAllowedError(
        'Verifying the audit chain needs a platform admin: the chain spans every Service.',
      );
    }
    res.json(await audit.verifyChain());
  });

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
        await watchCache.waitForSync(cluster, 3_000);
        const { cache, state } = watchCache.read(cluster);
        return summarizeServerStatus(cache, state, { namespace, server });
      },
    }),
  );

  return router;
}
