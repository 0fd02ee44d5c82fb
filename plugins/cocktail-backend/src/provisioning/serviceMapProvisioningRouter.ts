import {
  AuditorService,
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { cocktailServiceMapProvisionPermission } from '@cocktailcloud/plugin-cocktail-common';
import { renderServiceMapProvisioning } from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import Router from 'express-promise-router';
import { AuditStore } from '../audit';
import { applyManifests } from '../lifecycle/applyManifests';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { clusterNameOf, refOf, serviceRefOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { checkServiceMapNamespace } from './checkServiceMapNamespace';

function parseProvisionBody(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) {
    throw new InputError('the request body must be a JSON object');
  }
  for (const field of ['dryRun', 'defaultDenyNetworkPolicy']) {
    if (b[field] !== undefined && typeof b[field] !== 'boolean') {
      throw new InputError(
        `${field}: expected true or false, got ${JSON.stringify(b[field])}`,
      );
    }
  }
  return {
    dryRun: b.dryRun === true,
    defaultDenyNetworkPolicy: b.defaultDenyNetworkPolicy === true,
  };
}

/**
 * `POST /servicemaps/:namespace/:name/provision`: the ServiceMap's namespace on its cluster, with
 * labels, quota, default limits, member role bindings and optionally a default-deny network
 * policy; dry-run first, audited when applied.
 */
export function serviceMapProvisioningRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  authorize: Authorize;
  catalog: CocktailCatalog;
  operationsFor: (cluster: string) => Promise<KubernetesOperations>;
  /** Namespaces reserved besides `default` and `kube-*`. */
  reservedNamespaces?: string[];
}): express.Router {
  const router = Router();
  router.post('/servicemaps/:namespace/:name/provision', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    const body = parseProvisionBody(req.body);
    const serviceMap = await options.catalog.serviceMap(
      req.params.namespace,
      req.params.name,
      credentials,
    );
    const serviceRef = parseEntityRef(serviceRefOf(serviceMap));
    const service = await options.catalog.service(
      serviceRef.namespace,
      serviceRef.name,
      credentials,
    );
    const cluster = clusterNameOf(serviceMap);
    const run = async () => {
      await options.authorize(
        credentials,
        cocktailServiceMapProvisionPermission,
        refOf(serviceMap),
      );
      checkServiceMapNamespace({
        serviceMapRef: refOf(serviceMap),
        cluster,
        namespace: serviceMap.spec.namespace,
        reserved: options.reservedNamespaces ?? [],
        claims: (await options.catalog.serviceMaps(credentials)).map(map => ({
          ref: refOf(map),
          cluster: clusterNameOf(map),
          namespace: map.spec.namespace,
        })),
      });
      const manifests = renderServiceMapProvisioning({
        serviceMap,
        service,
        defaultDenyNetworkPolicy: body.defaultDenyNetworkPolicy,
      });
      return applyManifests(await options.operationsFor(cluster), manifests, {
        dryRun: body.dryRun,
      });
    };
    const result = body.dryRun
      ? await run()
      : await auditedOperation(
          options,
          {
            request: req,
            credentials,
            action: 'servicemap.provision',
            entityRef: refOf(serviceMap),
            cluster,
            namespace: serviceMap.spec.namespace,
            details: req.body ?? {},
          },
          run,
        );
    res.json({ result });
  });
  return router;
}
