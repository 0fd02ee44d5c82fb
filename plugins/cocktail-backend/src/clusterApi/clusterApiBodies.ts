import { NodePoolRequest } from '@cocktailcloud/plugin-cocktail-node';
import { z } from 'zod';
import { bodyFlag, entityRef, wholeNumber } from '../validation/inputFields';

/** `:namespace/:name` of a Cluster on the management cluster: Kubernetes names. */
export const clusterApiParams = z.strictObject({
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error:
      'expected a Kubernetes namespace (lowercase letters, digits and "-")',
  }),
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error: 'expected a cluster name (lowercase letters, digits and "-")',
  }),
});

const anObject = (error: string) =>
  z.record(z.string(), z.unknown(), { error });

/** `POST /cluster-api/clusters`: `{ request, dryRun, owner }`; the request is validated whole, later. */
export const createClusterBody = z
  .strictObject({
    request: anObject(
      'expected the cluster request, such as {"name": "demo", "provider": "aws", "kubernetesVersion": "v1.33.1", "nodePools": [{"name": "workers", "replicas": 2}]}',
    ),
    dryRun: bodyFlag.optional(),
    owner: entityRef.optional(),
    addons: z
      .array(
        z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
          error:
            'expected the name of an add-on of the catalog, such as calico',
        }),
        {
          error:
            'expected a list of add-on names, such as ["calico", "metrics-server"]',
        },
      )
      .max(30, { error: 'expected at most 30 add-ons' })
      .optional(),
  })
  .transform(body => ({ ...body, dryRun: body.dryRun === true }));

export const upgradeClusterBody = z
  .strictObject({
    version: z.string({
      error: 'expected the target Kubernetes version such as v1.34.0',
    }),
    stage: z
      .enum(['control-plane', 'node-pools'], {
        error: 'expected control-plane or node-pools',
      })
      .optional(),
    dryRun: bodyFlag.optional(),
  })
  .transform(body => ({
    version: body.version,
    stage: body.stage ?? 'control-plane',
    dryRun: body.dryRun === true,
  }));

const nodePoolName = z
  .string({ error: 'expected the name of the node pool to scale' })
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error: 'expected a node pool name (lowercase letters, digits and "-")',
  });

export const scaleClusterBody = z.union([
  z
    .strictObject({
      nodePool: nodePoolName,
      replicas: wholeNumber(0, 1000),
      dryRun: bodyFlag.optional(),
    })
    .transform(body => ({ ...body, dryRun: body.dryRun === true })),
  z
    .strictObject({
      addNodePool: anObject(
        'expected a node pool such as {"name": "gpu", "replicas": 2, "machineType": "g5.xlarge"}',
      ),
      dryRun: bodyFlag.optional(),
    })
    .transform(body => ({
      addNodePool: body.addNodePool as unknown as NodePoolRequest,
      dryRun: body.dryRun === true,
    })),
]);
