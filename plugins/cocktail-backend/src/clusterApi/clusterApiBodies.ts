import { InputError } from '@backstage/errors';
import { NodePoolRequest } from '@cocktailcloud/plugin-cocktail-node';

function object(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function dryRunOf(b: Record<string, unknown>): boolean {
  if (b.dryRun !== undefined && typeof b.dryRun !== 'boolean') {
    throw new InputError(
      `dryRun: expected true or false, got ${JSON.stringify(b.dryRun)}`,
    );
  }
  return b.dryRun === true;
}

/** `POST /cluster-api/clusters`: `{ request, dryRun }`; the request is validated later, whole. */
export function parseCreateBody(body: unknown) {
  const b = object(body);
  if (!b.request || typeof b.request !== 'object') {
    throw new InputError(
      'request: expected the cluster request, such as {"name": "demo", "provider": "aws", "kubernetesVersion": "v1.33.1", "nodePools": [{"name": "workers", "replicas": 2}]}',
    );
  }
  if (b.owner !== undefined && (typeof b.owner !== 'string' || !b.owner)) {
    throw new InputError(
      `owner: expected an entity ref such as group:platform-team, got ${JSON.stringify(
        b.owner,
      )}`,
    );
  }
  return {
    request: b.request,
    dryRun: dryRunOf(b),
    owner: b.owner as string | undefined,
  };
}

export function parseUpgradeBody(body: unknown) {
  const b = object(body);
  if (typeof b.version !== 'string') {
    throw new InputError(
      `version: expected the target Kubernetes version such as v1.34.0, got ${JSON.stringify(
        b.version,
      )}`,
    );
  }
  const stage = b.stage ?? 'control-plane';
  if (stage !== 'control-plane' && stage !== 'node-pools') {
    throw new InputError(
      `stage: expected control-plane or node-pools, got ${JSON.stringify(
        stage,
      )}`,
    );
  }
  return { version: b.version, stage, dryRun: dryRunOf(b) } as const;
}

export function parseScaleBody(
  body: unknown,
):
  | { nodePool: string; replicas: number; dryRun: boolean }
  | { addNodePool: NodePoolRequest; dryRun: boolean } {
  const b = object(body);
  const dryRun = dryRunOf(b);
  if (b.addNodePool !== undefined) {
    if (!b.addNodePool || typeof b.addNodePool !== 'object') {
      throw new InputError(
        'addNodePool: expected a node pool such as {"name": "gpu", "replicas": 2, "machineType": "g5.xlarge"}',
      );
    }
    return { addNodePool: b.addNodePool as NodePoolRequest, dryRun };
  }
  if (typeof b.nodePool !== 'string' || !b.nodePool) {
    throw new InputError(
      'nodePool: expected the name of the node pool to scale, or addNodePool to add one',
    );
  }
  if (
    typeof b.replicas !== 'number' ||
    !Number.isInteger(b.replicas) ||
    b.replicas < 0 ||
    b.replicas > 1000
  ) {
    throw new InputError(
      `replicas: expected a whole number from 0 to 1000, got ${JSON.stringify(
        b.replicas,
      )}`,
    );
  }
  return { nodePool: b.nodePool, replicas: b.replicas, dryRun };
}
