import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { z } from 'zod';
import {
  catalogNamespace,
  clusterName,
  entityName,
  queryText,
} from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import {
  CocktailServerEntityV1alpha1,
  cocktailServerDeployPermission,
  cocktailServerReadPermission,
  cocktailServerKind,
  formatIssue,
  ServerStatus,
} from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { AuditStore } from '../audit';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import {
  clusterNameOf,
  refOf,
  serviceMapRefOf,
} from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { auditedOperation } from './auditedOperation';
import { Authorize } from './authorize';
import {
  checkScanGateOverride,
  deployFields,
  toDeployBody,
} from './requestBodies';
import { ScanGate } from '../imageScans/ScanGate';

const inlineDeployBody = z
  .strictObject({
    // The envelope as the catalog checks it; metadata may carry any other field, as in a file.
    server: z.looseObject(
      {
        apiVersion: z.literal('cocktailcloud.io/v1alpha1', {
          error: 'expected cocktailcloud.io/v1alpha1',
        }),
        kind: z.literal('CocktailServer', { error: 'expected CocktailServer' }),
        metadata: z.looseObject(
          {
            name: entityName,
            namespace: catalogNamespace.optional(),
            title: z.string({ error: 'expected a text' }).optional(),
          },
          { error: 'expected an object with the name' },
        ),
        spec: z.record(z.string(), z.unknown(), {
          error: 'expected the CocktailServer spec, as in its catalog file',
        }),
      },
      {
        error:
          'expected a CocktailServer entity (apiVersion cocktailcloud.io/v1alpha1, kind CocktailServer, metadata, spec)',
      },
    ),
    ...deployFields,
  })
  .superRefine(checkScanGateOverride)
  .superRefine((body, ctx) => {
    const server = body.server as unknown as CocktailServerEntityV1alpha1;
    const ref = `cocktailserver:${server.metadata?.namespace ?? 'default'}/${
      server.metadata?.name
    }`;
    for (const issue of cocktailServerKind.findIssues(server)) {
      ctx.addIssue({
        code: 'custom',
        path: ['server'],
        message: formatIssue(ref, issue),
      });
    }
  })
  .transform(({ server, ...deploy }) => ({
    server: server as unknown as CocktailServerEntityV1alpha1,
    ...toDeployBody(deploy),
  }));

const inlineStatusQuery = z.strictObject({
  entityRef: queryText('cocktailserver:namespace/name', 300),
  cluster: clusterName,
  namespace: queryText('a Kubernetes namespace', 63),
  server: queryText('the server name', 63),
});

/**
 * `POST /servers/deploy`: deploys a CocktailServer given inline, before its catalog file has
 * been published and ingested, to the ServiceMap it names (which must be in the catalog).
 */
export function inlineServerDeployRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  authorize: Authorize;
  catalog: CocktailCatalog;
  lifecycleFor: (target: ServerTarget) => Promise<ServerLifecycle>;
  /** The image scan gate; deploys are not gated without it. */
  gate?: ScanGate;
  readStatus: (
    cluster: string,
    namespace: string,
    server: string,
  ) => Promise<ServerStatus>;
}): express.Router {
  const api = validatedRouter();

  /**
   * Where a server named by ref may be read: as the catalog has it when it is there (the
   * cluster, namespace and name asked for must be its own), else a ServiceMap of that cluster and
   * namespace (the entity is not ingested yet). The permission is checked on both.
   */
  async function authorizeInlineRead(
    credentials: BackstageCredentials,
    params: Record<string, string>,
  ) {
    let ref;
    try {
      ref = parseEntityRef(params.entityRef, { defaultKind: 'CocktailServer' });
    } catch {
      throw new InputError(
        `entityRef: expected cocktailserver:namespace/name, got ${params.entityRef}`,
      );
    }
    if (
      ref.kind.toLocaleLowerCase('en-US') !== 'cocktailserver' ||
      ref.name !== params.server
    ) {
      throw new InputError(
        `entityRef: expected the CocktailServer named by server (${params.server}), got ${params.entityRef}`,
      );
    }
    const maps = await options.catalog.serviceMaps(credentials);
    const existing = await options.catalog.server(
      ref.namespace,
      ref.name,
      credentials,
    );
    const map = existing
      ? maps.find(m => refOf(m) === serviceMapRefOf(existing))
      : maps.find(
          m =>
            clusterNameOf(m) === params.cluster &&
            m.spec.namespace === params.namespace,
        );
    if (!map) {
      throw new NotFoundError(
        existing
          ? `${params.entityRef} names a ServiceMap that is not in the catalog`
          : `no ServiceMap in the catalog puts servers in namespace ${params.namespace} on cluster ${params.cluster}`,
      );
    }
    if (
      clusterNameOf(map) !== params.cluster ||
      map.spec.namespace !== params.namespace
    ) {
      throw new ConflictError(
        `${params.entityRef} runs in namespace ${
          map.spec.namespace
        } on cluster ${clusterNameOf(map)}, not in ${params.namespace} on ${
          params.cluster
        }`,
      );
    }
    const mapRef = stringifyEntityRef(map);
    if (existing) {
      await options.authorize(
        credentials,
        cocktailServerReadPermission,
        stringifyEntityRef(existing),
      );
    }
    await options.authorize(credentials, cocktailServerReadPermission, mapRef);
  }

  // The status of a server deployed inline, named by where it runs: its catalog entity may not
  // exist yet.
  api.get(
    '/servers/inline-status',
    { query: inlineStatusQuery },
    async ({ query: params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      await authorizeInlineRead(credentials, params);
      res.json(
        await options.readStatus(
          params.cluster,
          params.namespace,
          params.server,
        ),
      );
    },
  );

  api.post(
    '/servers/deploy',
    { body: inlineDeployBody },
    async ({ body }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const { server, dryRun } = body;
      const namespace = server.metadata.namespace ?? 'default';
      const mapRef = parseEntityRef(server.spec.serviceMap, {
        defaultKind: 'ServiceMap',
        defaultNamespace: namespace,
      });
      const serviceMap = await options.catalog.serviceMap(
        mapRef.namespace,
        mapRef.name,
        credentials,
      );
      const target: ServerTarget = {
        entityRef: stringifyEntityRef({
          kind: 'CocktailServer',
          namespace,
          name: server.metadata.name,
        }),
        server,
        serviceMap,
        cluster: clusterNameOf(serviceMap),
        namespace: serviceMap.spec.namespace,
      };
      const existing = await options.catalog.server(
        namespace,
        server.metadata.name,
        credentials,
      );
      if (existing && serviceMapRefOf(existing) !== refOf(serviceMap)) {
        throw new ConflictError(
          `server: ${
            target.entityRef
          } is in the catalog on ServiceMap ${serviceMapRefOf(
            existing,
          )}, and this request names ${refOf(
            serviceMap,
          )}; deploy it from its own page, or give the new server another name`,
        );
      }
      const run = async () => {
        // The server goes into this ServiceMap: the person needs the role on its Service, and on
        // the catalog's server of that name when there is one.
        await options.authorize(
          credentials,
          cocktailServerDeployPermission,
          stringifyEntityRef(serviceMap),
        );
        if (existing) {
          await options.authorize(
            credentials,
            cocktailServerDeployPermission,
            target.entityRef,
          );
        }
        const lifecycle = await options.lifecycleFor(target);
        return options.gate
          ? options.gate.deploy(lifecycle, target, credentials, body)
          : lifecycle.deploy({ dryRun });
      };
      const result = await auditedOperation(
        options,
        {
          request: req,
          credentials,
          dryRun,
          action: 'server.deploy',
          entityRef: target.entityRef,
          cluster: target.cluster,
          namespace: target.namespace,
          details: {
            inline: true,
            dryRun,
            ...(body.overrideScanGate
              ? {
                  overrideScanGate: true,
                  overrideReason: body.overrideReason ?? '',
                }
              : {}),
          },
        },
        run,
      );
      res.json({
        result,
        entityRef: target.entityRef,
        cluster: target.cluster,
        namespace: target.namespace,
      });
    },
  );
  return api.router;
}
