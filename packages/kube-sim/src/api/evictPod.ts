import {
  budgetsFor,
  disruptionBudgetStatus,
} from '../controllers/disruptionBudgets';
import { isPodReady } from '../controllers/pods';
import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { isDryRun, parseBody } from './requestBody';
import { StatusError, statusErrors } from './statusErrors';
import { KubeObject, ResourceType } from './types';

function checkEviction(request: ApiRequest, pod: KubeObject) {
  const body = parseBody(request) as KubeObject | undefined;
  if (body?.kind !== 'Eviction') {
    throw statusErrors.badRequest(
      `the body of a pods/eviction request must be a policy/v1 Eviction, got kind ${JSON.stringify(
        body?.kind,
      )}`,
    );
  }
  if (body.metadata?.name && body.metadata.name !== pod.metadata.name) {
    throw statusErrors.badRequest(
      `name in URL does not match name in Eviction object (${pod.metadata.name} vs ${body.metadata.name})`,
    );
  }
}

/**
 * POST pods/eviction: deletes the pod unless that would take a PodDisruptionBudget below its
 * healthy minimum (429, retry later), as the API server's eviction subresource does. A pod that
 * is not Ready may always go, as with `unhealthyPodEvictionPolicy: AlwaysAllow`.
 */
export function evictPod(
  ctx: ApiContext,
  type: ResourceType,
  pod: KubeObject,
  request: ApiRequest,
): ApiResult {
  checkEviction(request, pod);
  const budgets = budgetsFor(ctx.store, ctx.registry, pod);
  if (budgets.length > 1) {
    throw new StatusError(
      500,
      'InternalError',
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  }
  const budget = budgets[0];
  if (budget && isPodReady(pod)) {
    const status = disruptionBudgetStatus(ctx.store, type, budget);
    if (status.disruptionsAllowed <= 0) {
      throw new StatusError(
        429,
        'TooManyRequests',
        "Cannot evict pod as it would violate the pod's disruption budget.",
        {
          causes: [
            {
              reason: 'DisruptionBudget',
              message: `The disruption budget ${budget.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
            },
          ],
        },
      );
    }
  }
  ctx.store.delete(type, pod.metadata.namespace, pod.metadata.name!, {
    dryRun: isDryRun(request),
  });
  return {
    status: 201,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 201,
    },
  };
}
