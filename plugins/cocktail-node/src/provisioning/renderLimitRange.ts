import { parseQuantity } from '@cocktailcloud/plugin-cocktail-common';
import { InputError } from '@backstage/errors';
import { Manifest } from '../rendering/types';

/**
 * The name of the LimitRange the suite keeps in each ServiceMap's namespace.
 *
 * @public
 */
export const SERVICE_MAP_LIMIT_RANGE_NAME = 'cocktail-defaults';

/**
 * CPU and memory, each a Kubernetes quantity.
 *
 * @public
 */
export interface ContainerResources {
  cpu?: string;
  memory?: string;
}

/**
 * The container defaults a ServiceMap's namespace gets; each value overrides the built-in one.
 *
 * @public
 */
export interface LimitRangeDefaults {
  /** Requests for containers that set none: 100m CPU and 128Mi memory unless given. */
  defaultRequest?: ContainerResources;
  /** Limits for containers that set none: 500m CPU and 512Mi memory unless given. */
  default?: ContainerResources;
}

const BUILT_IN = {
  defaultRequest: { cpu: '100m', memory: '128Mi' },
  default: { cpu: '500m', memory: '512Mi' },
};

function withBuiltIn(
  builtIn: { cpu: string; memory: string },
  override: ContainerResources | undefined,
): { cpu: string; memory: string } {
  return {
    cpu: override?.cpu ?? builtIn.cpu,
    memory: override?.memory ?? builtIn.memory,
  };
}

/**
 * The LimitRange that gives containers default requests and limits. A ResourceQuota on
 * `requests.cpu` or `requests.memory` makes the API server refuse every pod whose containers
 * do not set them, so without defaults a plain Deployment would never start. Throws an
 * `InputError` for an override that is not a quantity or a request above its limit, which the
 * API server would refuse.
 */
export function renderLimitRange(
  namespace: string,
  labels: Record<string, string>,
  overrides: LimitRangeDefaults = {},
): Manifest {
  const defaultRequest = withBuiltIn(
    BUILT_IN.defaultRequest,
    overrides.defaultRequest,
  );
  const limit = withBuiltIn(BUILT_IN.default, overrides.default);
  const problems: string[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const request = parseQuantity(defaultRequest[resource]);
    const max = parseQuantity(limit[resource]);
    if (request === undefined) {
      problems.push(
        `limitRange.defaultRequest.${resource}: ${JSON.stringify(
          defaultRequest[resource],
        )} is not a Kubernetes quantity`,
      );
    }
    if (max === undefined) {
      problems.push(
        `limitRange.default.${resource}: ${JSON.stringify(
          limit[resource],
        )} is not a Kubernetes quantity`,
      );
    }
    if (request !== undefined && max !== undefined && request > max) {
      problems.push(
        `limitRange.defaultRequest.${resource}: ${defaultRequest[resource]} is more than the default limit ${limit[resource]}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(problems.join('\n'));
  }
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: SERVICE_MAP_LIMIT_RANGE_NAME, namespace, labels },
    spec: {
      limits: [{ type: 'Container', defaultRequest, default: limit }],
    },
  };
}
