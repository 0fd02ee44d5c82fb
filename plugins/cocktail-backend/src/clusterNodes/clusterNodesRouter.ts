import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { cocktailClusterUpdatePermission } from '@cocktailcloud/plugin-cocktail-common';
import { ClusterPolicy } from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import { z } from 'zod';
import { AuditStore } from '../audit';
import { refusePolicy } from '../clusterApi/clusterOperations';
import { PersonOf } from '../clusterApi/policyPerson';
import { auditedOperation } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { ClusterAccess } from '../service/ClusterAccess';
import { requireKnownCluster } from '../service/requireKnownCluster';
import { CatalogEntityReader } from '../service/ServerResolver';
import { bodyFlag, entityName, wholeNumber } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import { drainNode } from './drainNode';
import { NodeOperations } from './NodeOperations';

const nodeParams = z.strictObject({
  name: entityName,
  node: z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, {
    error: 'expected a node name (lowercase letters, digits, "-" and ".")',
  }),
});
const dryRunBody = z
  .strictObject({ dryRun: bodyFlag.optional() })
  .transform(body => ({ dryRun: body.dryRun === true }));
const drainBody = z
  .strictObject({
    dryRun: bodyFlag.optional(),
    force: bodyFlag.optional(),
    timeoutSeconds: wholeNumber(1, 600).optional(),
  })
  .transform(body => ({
    dryRun: body.dryRun === true,
    force: body.force === true,
    timeoutMs: (body.timeoutSeconds ?? 60) * 1000,
  }));

/**
 * Cordon, uncordon and drain the nodes of a registered cluster, and list a node's pods while a
 * drain runs: checked with `cocktail.cluster.update` on the cluster's Resource, judged by the
 * cluster policy (action `node`), audited unless a dry run.
 */
export function clusterNodesRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  audit: AuditStore;
  logger?: LoggerService;
  authorize: Authorize;
  clusters: ClusterAccess;
  catalog: CatalogEntityReader;
  loadClient: () => Promise<typeof k8s>;
  personOf: PersonOf;
  clusterPolicy?: ClusterPolicy;
  requestTimeoutMs?: number;
  /** Between eviction attempts a disruption budget refused; 1 s when not given. */
  drainRetryIntervalMs?: number;
}): express.Router {
  const api = validatedRouter();

  async function nodeTarget(
    credentials: BackstageCredentials,
    params: { name: string; node: string },
  ) {
    const cluster = await requireKnownCluster(options.clusters, params.name);
    await options.authorize(
      credentials,
      cocktailClusterUpdatePermission,
      cluster.entityRef,
    );
    const ops = new NodeOperations(
      await options.loadClient(),
      await options.clusters.kubeConfigFor(cluster.name),
      cluster.name,
      options.requestTimeoutMs,
    );
    return { cluster, ops };
  }

  /** The cluster policy on a node operation: the cluster's Resource labels stand in for its request. */
  async function checkPolicy(
    credentials: BackstageCredentials,
    cluster: { name: string; entityRef: string },
    operation: string,
    node: string,
  ): Promise<string[]> {
    const policy = options.clusterPolicy;
    if (!policy) {
      return [];
    }
    const entity = await options.catalog.getEntityByRef(cluster.entityRef, {
      credentials: await options.auth.getOwnServiceCredentials(),
    });
    refusePolicy(
      policy.check(
        'node',
        {
          name: cluster.name,
          provider:
            entity?.metadata?.annotations?.['cocktailcloud.io/provider'],
          labels: entity?.metadata?.labels ?? {},
        },
        null,
        {
          operation,
          person: await options.personOf(credentials),
          target: { node },
        },
      ),
    );
    return policy.rulesFor('node');
  }

  function audited(
    req: express.Request,
    credentials: BackstageCredentials,
    cluster: { name: string; entityRef: string },
    action: string,
    dryRun: boolean,
  ) {
    return {
      request: req,
      credentials,
      dryRun,
      action,
      entityRef: cluster.entityRef,
      cluster: cluster.name,
      details: { node: req.params.node, ...(req.body ?? {}) },
    };
  }

  api.get(
    '/clusters/:name/nodes/:node/pods',
    { params: nodeParams },
    async ({ params }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const { ops } = await nodeTarget(credentials, params);
      const [node, pods] = await Promise.all([
        ops.readNode(params.node),
        ops.podsOn(params.node),
      ]);
      res.json({
        node: params.node,
        unschedulable: Boolean(node.spec?.unschedulable),
        pods: pods.map(pod => ({
          namespace: pod.metadata!.namespace!,
          name: pod.metadata!.name!,
          phase: pod.status?.phase,
          ownerKind: pod.metadata?.ownerReferences?.find(r => r.controller)
            ?.kind,
        })),
      });
    },
  );

  for (const [path, unschedulable] of [
    ['cordon', true],
    ['uncordon', false],
  ] as const) {
    api.post(
      `/clusters/:name/nodes/:node/${path}`,
      { params: nodeParams, body: dryRunBody },
      async ({ params, body }, req, res) => {
        const credentials = await options.httpAuth.credentials(req);
        const cluster = await requireKnownCluster(
          options.clusters,
          params.name,
        );
        const result = await auditedOperation(
          options,
          audited(
            req,
            credentials,
            cluster,
            `cluster.node.${path}`,
            body.dryRun,
          ),
          async () => {
            const { ops } = await nodeTarget(credentials, params);
            const policyRules = await checkPolicy(
              credentials,
              cluster,
              `${path}-node`,
              params.node,
            );
            const node = await ops.readNode(params.node);
            const already = Boolean(node.spec?.unschedulable) === unschedulable;
            const changes = already
              ? [
                  `Node ${params.node} is already ${
                    unschedulable ? 'cordoned' : 'schedulable'
                  }; nothing changes`,
                ]
              : [
                  unschedulable
                    ? `Cordon node ${params.node} (spec.unschedulable: true): no new pods are scheduled on it; its pods keep running`
                    : `Uncordon node ${params.node}: new pods may be scheduled on it again`,
                ];
            if (!body.dryRun && !already) {
              await ops.setUnschedulable(params.node, unschedulable);
            }
            return { dryRun: body.dryRun, changes, policyRules };
          },
        );
        res.json({ result });
      },
    );
  }

  api.post(
    '/clusters/:name/nodes/:node/drain',
    { params: nodeParams, body: drainBody },
    async ({ params, body }, req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const cluster = await requireKnownCluster(options.clusters, params.name);
      const result = await auditedOperation(
        options,
        audited(req, credentials, cluster, 'cluster.node.drain', body.dryRun),
        async () => {
          const { ops } = await nodeTarget(credentials, params);
          const policyRules = await checkPolicy(
            credentials,
            cluster,
            'drain-node',
            params.node,
          );
          const drained = await drainNode(ops, params.node, {
            ...body,
            retryIntervalMs: options.drainRetryIntervalMs,
          });
          return { ...drained, policyRules };
        },
      );
      res.json({ result });
    },
  );

  return api.router;
}
