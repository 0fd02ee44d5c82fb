import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
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
import express from 'express';
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
import { auditExportQuery, auditPageQuery } from './auditQueryParams';
import { AuditFilter } from '../audit';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { describeCluster } from './describeCluster';
import {
  autoscalingBody,
  deployBody,
  emptyBody,
  rollbackBody,
  rollingUpdateBody,
  scaleBody,
} from './requestBodies';
import { z } from 'zod';
import { validatedRouter } from '../validation/validatedRouter';
import { jsonBody } from '../validation/jsonBody';
import {
  clusterName,
  entityParams,
  queryFlag,
} from '../validation/inputFields';
import { parseInput } from '../validation/parseInput';
import { CatalogEntityReader, ServerResolver } from './ServerResolver';
import { refOf, serviceRefOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { countClusterEntities } from '../summaries/countClusterEntities';
import { readServerMetrics } from '../summaries/readServerMetrics';
import { ServiceMapSummarizer } from '../summaries/ServiceMapSummarizer';
import { summarizeService } from '../summaries/summarizeService';
import { readingTheAuditLog } from '../audit/auditLogUnavailable';
import { imageScansRouter } from '../imageScans/imageScansRouter';
import { ScanGate } from '../imageScans/ScanGate';
import { ImageScanSettings } from '../imageScans/imageScanSettings';
import { ScanStore } from '../imageScans/types';
import { AccessExplainer } from '../access/AccessExplainer';
import { entityAccessRouter } from '../access/entityAccessRouter';
import {
  permissionReach,
  readableEntityRefs,
} from '../access/readableEntityRefs';
import {
  ScanReportReaders,
  ServiceRoleDirectory,
} from '@cocktailcloud/plugin-cocktail-node';

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

type OperationContext = {
  target: ServerTarget;
  credentials: BackstageCredentials;
  gate?: ScanGate;
};

/** One server operation: its permission, audit action, body schema and what it does. */
interface ServerOperation<B extends z.ZodType> {
  permission: ResourcePermission;
  action: string;
  body: B;
  run: (
    lifecycle: ServerLifecycle,
    body: z.output<B>,
    context: OperationContext,
  ) => Promise<unknown>;
}

function serverOperation<B extends z.ZodType>(operation: ServerOperation<B>) {
  return operation as ServerOperation<z.ZodType>;
}

const OPERATIONS: Record<string, ServerOperation<z.ZodType>> = {
  deploy: serverOperation({
    permission: cocktailServerDeployPermission,
    action: 'server.deploy',
    body: deployBody,
    run: (l, body, { target, credentials, gate }) =>
      gate
        ? gate.deploy(l, target, credentials, body)
        : l.deploy({ dryRun: body.dryRun }),
  }),
  'rolling-update': serverOperation({
    permission: cocktailServerRollingUpdatePermission,
    action: 'server.rolling-update',
    body: rollingUpdateBody,
    run: (l, body, { target, credentials, gate }) => {
      if (gate) {
        return gate.rollingUpdate(l, target, credentials, body);
      }
      return body.dryRun
        ? Promise.resolve({ dryRun: true, images: body.images })
        : l.rollingUpdate(body.images);
    },
  }),
  restart: serverOperation({
    permission: cocktailServerRestartPermission,
    action: 'server.restart',
    body: emptyBody,
    run: l => l.restart(),
  }),
  scale: serverOperation({
    permission: cocktailServerScalePermission,
    action: 'server.scale',
    body: scaleBody,
    run: (l, body) => l.scale(body.replicas),
  }),
  autoscaling: serverOperation({
    permission: cocktailServerAutoscalePermission,
    action: 'server.autoscale',
    body: autoscalingBody,
    run: (l, body) => l.autoscale(body),
  }),
  rollback: serverOperation({
    permission: cocktailServerRollbackPermission,
    action: 'server.rollback',
    body: rollbackBody,
    run: (l, body, { target, credentials, gate }) => {
      if (gate) {
        return gate.rollback(l, target, credentials, body);
      }
      return body.dryRun
        ? Promise.resolve({ dryRun: true, revision: body.revision })
        : l.rollback(body.revision);
    },
  }),
  suspend: serverOperation({
    permission: cocktailServerSuspendPermission,
    action: 'server.suspend',
    body: emptyBody,
    run: l => l.suspend(),
  }),
  resume: serverOperation({
    permission: cocktailServerSuspendPermission,
    action: 'server.resume',
    body: emptyBody,
    run: l => l.resume(),
  }),
};

const operationNames = Object.keys(OPERATIONS) as [string, ...string[]];

const operationParams = entityParams.extend({
  operation: z.enum(operationNames, {
    error: `expected one of ${operationNames.join(', ')}`,
  }),
});

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
  const api = validatedRouter();
  router.use(api.router);

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

  api.get('/clusters', {}, async (_input, req, res) => {
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

  api.get(
    '/clusters/:cluster',
    { params: z.strictObject({ cluster: clusterName }) },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorize(credentials, cocktailClusterReadPermission);
      const cluster = (await clusters.listClusters()).find(
        c => c.name === params.cluster,
      );
      if (!cluster) {
        throw new NotFoundError(`cluster: no cluster named ${params.cluster}`);
      }
      res.json(
        await describeCluster(
          cluster,
          await clusters.kubeConfigFor(cluster.name),
          await options.loadClient(),
          options.requestTimeoutMs,
        ),
      );
    },
  );

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
    '/servicemaps/:namespace/:name/summary',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const serviceMap = await catalog.serviceMap(
        params.namespace,
        params.name,
        credentials,
      );
      await authorize(
        credentials,
        cocktailServerReadPermission,
        stringifyEntityRef(serviceMap),
      );
      const [summary] = await summarizer.summarize([serviceMap], credentials);
      res.json(summary);
    },
  );

  api.get(
    '/services/:namespace/:name/summary',
    { params: entityParams },
    async ({ params }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const service = await catalog.service(
        params.namespace,
        params.name,
        credentials,
      );
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
      // A dry run changes nothing, so it leaves no audit row.
      const result =
        (body as { dryRun?: boolean }).dryRun === true
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
                details: (rawBody ?? {}) as JsonObject,
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
    },
  );

  const logAuditReadFailure = (error: Error) =>
    options.logger.error(`Reading the audit log failed: ${error}`);

  api.get('/audit', { query: auditPageQuery }, async ({ query }, req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = await visibleAuditFilter(credentials, query);
    res.json(
      await readingTheAuditLog(
        () => audit.query({ ...query, ...filter }),
        logAuditReadFailure,
      ),
    );
  });

  api.get(
    '/audit/export',
    { query: auditExportQuery },
    async ({ query }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const filter = await visibleAuditFilter(credentials, query.filter);
      const format = query.format;
      const rows = audit.exportRows(filter, format)[Symbol.asyncIterator]();
      // The header, then the first rows: whether the database answers is known before the
      // download starts.
      const start = await readingTheAuditLog(async () => {
        const header = await rows.next();
        return header.done ? [] : [header, await rows.next()];
      }, logAuditReadFailure);
      res.setHeader(
        'Content-Type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      );
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="cocktail-audit.${format}"`,
      );
      let done = start.length < 2;
      for (const chunk of start) {
        if (chunk.done) {
          done = true;
        } else {
          res.write(chunk.value);
        }
      }
      while (!done) {
        const next = await rows.next();
        if (next.done) {
          done = true;
        } else {
          res.write(next.value);
        }
      }
      res.end();
    },
  );

  api.get('/audit/verify', {}, async (_input, req, res) => {
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
    res.json(
      await readingTheAuditLog(() => audit.verifyChain(), logAuditReadFailure),
    );
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
        await watchCache.watchNamespace(cluster, namespace);
        const { cache, state } = watchCache.read(cluster);
        return summarizeServerStatus(cache, state, { namespace, server });
      },
    }),
  );

  return router;
}
