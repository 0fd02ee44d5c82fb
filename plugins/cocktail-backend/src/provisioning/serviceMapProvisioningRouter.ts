import {
  AuditorService,
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { cocktailServiceMapProvisionPermission } from '@cocktailcloud/plugin-cocktail-common';
import { renderServiceMapProvisioning } from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import { z } from 'zod';
import { bodyFlag, entityParams } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { AuditStore } from '../audit';
import { applyManifests } from '../lifecycle/applyManifests';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { clusterNameOf, refOf, serviceRefOf } from '../summaries/catalogRefs';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { checkServiceMapNamespace } from './checkServiceMapNamespace';

const provisionBody = z
  .strictObject({
    dryRun: bodyFlag.optional(),
    defaultDenyNetworkPolicy: bodyFlag.optional(),
  })
  .transform(body => ({
    dryRun: body.dryRun === true,
    defaultDenyNetworkPolicy: body.defaultDenyNetworkPolicy === true,
  }));

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
  const api = validatedRouter();
  api.post(
    '/servicemaps/:namespace/:name/provision',
    { params: entityParams, body: provisionBody },
    async ({ params, body }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const serviceMap = await options.catalog.serviceMap(
        params.namespace,
        params.name,
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
      const result = await auditedOperation(
        options,
        {
          request: req,
          credentials,
          dryRun: body.dryRun,
          action: 'servicemap.provision',
          entityRef: refOf(serviceMap),
          cluster,
          namespace: serviceMap.spec.namespace,
          details: body,
        },
        run,
      );
      res.json({ result });
    },
  );
  return api.router;
}
