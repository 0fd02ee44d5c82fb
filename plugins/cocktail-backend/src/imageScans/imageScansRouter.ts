import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  cocktailImageScanCreatePermission,
  cocktailImageScanReadPermission,
  CocktailServerEntityV1alpha1,
  PodStatus,
  ServerImageScans,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  parseScanReport,
  ScanReportReaders,
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import { AuditStore } from '../audit';
import { actorOf, auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import {
  permissionReach,
  readableEntityRefs,
} from '../access/readableEntityRefs';
import { lookupKeysOf } from './imageKeys';
import { ClusterAccess } from '../service/ClusterAccess';
import { ServerResolver } from '../service/ServerResolver';
import {
  clusterNameOf,
  refOf,
  serviceMapRefOf,
  serviceRefOf,
} from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { encodeFindingsCursor } from './findingsCursor';
import { findingsQuery, scanIdParams, uploadQuery } from './imageScanParams';
import { z } from 'zod';
import { entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { readReportBody, tooManyFindings } from './readReportBody';
import { refuseFutureScan } from './refuseFutureScan';
import { rollUp, scansOfServer } from './serverImageScans';
import { ScanStore } from './types';
import { TooManyUploadsError, UploadSlots } from './UploadSlots';

const SYNC_WAIT_MS = 3_000;

export interface ImageScansRouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  permissions: PermissionsService;
  authorize: Authorize;
  catalog: CocktailCatalog;
  resolver: ServerResolver;
  clusters: ClusterAccess;
  watchCache: WatchCache;
  store: ScanStore;
  /** The largest report accepted, after gunzip. */
  maxUploadBytes: number;
  /** The most distinct findings one scan may have; 50,000 when not given. */
  maxFindingsPerScan?: number;
  /** Uploads read at the same time; more are answered 429. 4 when not given. */
  maxConcurrentUploads?: number;
  /** The Trivy Operator report sync; `POST /image-scans/sync` runs it now. */
  sync?: { run(): Promise<object> };
  /** The report formats uploads may have; the built-in ones when not given. */
  readers?: ScanReportReaders;
}

/**
 * Image scans: upload a scanner's report, the scans of the images a server (or every server
 * of a ServiceMap or Service) runs now, and a scan's findings. Mounted before `express.json()`:
 * an upload streams its body into the parser.
 */
export function imageScansRouter(
  options: ImageScansRouterOptions,
): express.Router {
  const { httpAuth, authorize, catalog, store, watchCache } = options;
  const maxFindings = options.maxFindingsPerScan ?? 50_000;
  const slots = new UploadSlots(options.maxConcurrentUploads ?? 4);
  const readers = options.readers ?? ScanReportReaders.builtIn();
  const api = validatedRouter();

  /** A report's problem, said of the request body it came in. */
  function inTheBody(error: unknown) {
    return (error as Error)?.name === 'InputError'
      ? new InputError(`body: ${(error as Error).message}`)
      : error;
  }

  /** Reads, checks and stores an uploaded report. */
  async function storeUpload(
    req: express.Request,
    query: z.output<typeof uploadQuery>,
  ) {
    if (query.format) {
      try {
        readers.require(query.format);
      } catch (error) {
        throw new InputError(`format: ${(error as Error).message}`);
      }
    }
    const { body, exceeded } = readReportBody(req, options.maxUploadBytes);
    let scan;
    try {
      scan = await parseScanReport(body, { ...query, maxFindings, readers });
    } catch (error) {
      throw exceeded() ?? tooManyFindings(error) ?? inTheBody(error);
    }
    refuseFutureScan(scan, new Date());
    return store.record(scan, 'upload');
  }

  // The report is streamed, not parsed as JSON first: the route declares no body.
  api.post(
    '/image-scans',
    { query: uploadQuery },
    async ({ query }, req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const event = await options.auditor.createEvent({
        eventId: 'imagescan-upload',
        severityLevel: 'medium',
        request: req,
        meta: { image: query.image },
      });
      const row = {
        actor: actorOf(options.auth, credentials),
        action: 'imagescan.upload',
      };
      try {
        await authorize(credentials, cocktailImageScanCreatePermission);
        const release = slots.take();
        let scan;
        try {
          scan = await storeUpload(req, query);
        } finally {
          release();
        }
        // Only what identifies the scan is kept: never the report itself.
        await options.audit.record({
          ...row,
          outcome: 'succeeded',
          details: {
            scanId: scan.id,
            image: scan.imageKey,
            format: scan.format,
            counts: scan.counts,
          },
        });
        await event.success();
        res.json({ scan });
      } catch (error) {
        // The rest of a refused body is not read; close the connection after answering.
        req.unpipe();
        res.setHeader('Connection', 'close');
        if (error instanceof TooManyUploadsError) {
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
        }
        await options.audit.record({
          ...row,
          outcome:
            (error as Error).name === 'NotAllowedError' ? 'denied' : 'failed',
          error: (error as Error).message,
          details: {
            ...(query.image ? { image: query.image } : {}),
            ...(query.format ? { format: query.format } : {}),
          },
        });
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  // Runs the Trivy Operator report sync now, for whoever may upload scans, and answers with
  // what it read and which clusters it could not reach.
  api.post(
    '/image-scans/sync',
    { body: z.strictObject({}) },
    async (_input, req, res) => {
      const { sync } = options;
      if (!sync) {
        throw new NotFoundError(
          'the VulnerabilityReport sync is disabled (cocktail.imageScans.sync.enabled: false)',
        );
      }
      const credentials = await httpAuth.credentials(req);
      const run = await auditedOperation(
        options,
        { request: req, credentials, action: 'imagescan.sync' },
        async () => {
          await authorize(credentials, cocktailImageScanCreatePermission);
          return sync.run();
        },
      );
      res.json({ run });
    },
  );

  /** The pods of a server from the watch cache; none when its cluster is not registered. */
  async function podsOf(
    cluster: string,
    namespace: string,
    server: string,
    registered?: Set<string>,
  ): Promise<PodStatus[]> {
    if (registered && !registered.has(cluster)) {
      return [];
    }
    await watchCache.waitForSync(cluster, SYNC_WAIT_MS);
    const { cache, state } = watchCache.read(cluster);
    return summarizeServerStatus(cache, state, { namespace, server }).pods;
  }

  api.get(
    '/servers/:namespace/:name/image-scans',
    { params: entityParams },
    async ({ params: { namespace, name } }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const target = await options.resolver.resolve(
        namespace,
        name,
        credentials,
      );
      await authorize(
        credentials,
        cocktailImageScanReadPermission,
        target.entityRef,
      );
      const pods = await podsOf(
        target.cluster,
        target.namespace,
        target.server.metadata.name,
      );
      res.json(await scansOfServer(store, target.entityRef, pods));
    },
  );

  /** Each readable server of these ServiceMaps, with the scans of what it runs. */
  async function scansOfMaps(
    serviceMaps: ServiceMapEntityV1alpha1[],
    credentials: BackstageCredentials,
  ): Promise<ServerImageScans[]> {
    const byRef = new Map(serviceMaps.map(m => [refOf(m), m]));
    const servers = (await catalog.servers(credentials))
      .filter(s => byRef.has(serviceMapRefOf(s) ?? ''))
      .sort((a, b) =>
        stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
      );
    if (!servers.length) {
      return [];
    }
    const allowed = new Set(
      await readableEntityRefs(
        options.permissions,
        cocktailImageScanReadPermission,
        servers.map(server => stringifyEntityRef(server)),
        credentials,
      ),
    );
    const readable = servers.filter(s => allowed.has(stringifyEntityRef(s)));
    const registered = new Set(
      (await options.clusters.listClusters()).map(c => c.name),
    );
    return Promise.all(
      readable.map(async (server: CocktailServerEntityV1alpha1) => {
        const map = byRef.get(serviceMapRefOf(server)!)!;
        const pods = await podsOf(
          clusterNameOf(map),
          map.spec.namespace,
          server.metadata.name,
          registered,
        );
        return scansOfServer(store, stringifyEntityRef(server), pods);
      }),
    );
  }

  api.get(
    '/servicemaps/:namespace/:name/image-scans',
    { params: entityParams },
    async ({ params: { namespace, name } }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const serviceMap = await catalog.serviceMap(namespace, name, credentials);
      await authorize(
        credentials,
        cocktailImageScanReadPermission,
        stringifyEntityRef(serviceMap),
      );
      res.json(
        rollUp(
          stringifyEntityRef(serviceMap),
          await scansOfMaps([serviceMap], credentials),
        ),
      );
    },
  );

  api.get(
    '/services/:namespace/:name/image-scans',
    { params: entityParams },
    async ({ params: { namespace, name } }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      const service = await catalog.service(namespace, name, credentials);
      await authorize(
        credentials,
        cocktailImageScanReadPermission,
        stringifyEntityRef(service),
      );
      const serviceMaps = (await catalog.serviceMaps(credentials)).filter(
        map => serviceRefOf(map) === refOf(service),
      );
      res.json(
        rollUp(
          stringifyEntityRef(service),
          await scansOfMaps(serviceMaps, credentials),
        ),
      );
    },
  );

  /**
   * A scan's findings are for platform admins (or whoever the policy allows everywhere) and for
   * people who may read scans of a server that runs the scanned image now.
   */
  async function authorizeFindings(
    credentials: BackstageCredentials,
    scanId: string,
  ) {
    const reach = await permissionReach(
      options.permissions,
      cocktailImageScanReadPermission,
      credentials,
    );
    if (reach === 'all') {
      return;
    }
    const scanned = reach === 'some' ? await store.imageOf(scanId) : undefined;
    const visible = scanned
      ? await scansOfMaps(await catalog.serviceMaps(credentials), credentials)
      : [];
    const runs = visible.some(server =>
      server.images.some(running => {
        const keys = lookupKeysOf(running.image, running.digest);
        return (
          keys.digest === scanned!.imageKey ||
          (keys.reference !== undefined &&
            (keys.reference === scanned!.reference ||
              keys.reference === scanned!.imageKey))
        );
      }),
    );
    if (!runs) {
      throw new NotAllowedError(
        `Reading the findings of scan ${scanId} needs the viewer role on a Service whose servers run the scanned image; none of yours does.`,
      );
    }
  }

  api.get(
    '/image-scans/:id/findings',
    { params: scanIdParams, query: findingsQuery },
    async ({ params: { id }, query: { filter, page } }, req, res) => {
      const credentials = await httpAuth.credentials(req);
      await authorizeFindings(credentials, id);
      const found = await store.findings(id, filter, page);
      if (!found) {
        throw new NotFoundError(`no image scan with id ${id}`);
      }
      const next = page.offset + found.items.length;
      res.json({
        items: found.items,
        total: found.total,
        ...(next < found.total && { nextCursor: encodeFindingsCursor(next) }),
      });
    },
  );

  return api.router;
}
