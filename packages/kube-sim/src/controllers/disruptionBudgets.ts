import { ResourceRegistry } from '../api/ResourceRegistry';
import {
  labelSelectorFromObject,
  matchesLabelSelector,
} from '../api/selectors';
import { KubeObject, ResourceType } from '../api/types';
import { ObjectStore } from '../store/ObjectStore';
import { resolveIntOrPercent } from './ControllerContext';
import { isPodActive, isPodReady } from './pods';

/** The status a PodDisruptionBudget controller writes: how many pods may go now. */
export interface DisruptionBudgetStatus {
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  expectedPods: number;
  observedGeneration?: number;
}

function budgetsType(registry: ResourceRegistry): ResourceType | undefined {
  return registry.find('policy', 'v1', 'poddisruptionbudgets');
}

function selects(budget: KubeObject, pod: KubeObject): boolean {
  const selector = budget.spec?.selector;
  if (!selector) {
    return false;
  }
  try {
    return matchesLabelSelector(
      labelSelectorFromObject(selector),
      pod.metadata.labels ?? {},
    );
  } catch {
    return false;
  }
}

/** The PodDisruptionBudgets of the pod's namespace whose selector matches it. */
export function budgetsFor(
  store: ObjectStore,
  registry: ResourceRegistry,
  pod: KubeObject,
): KubeObject[] {
  const type = budgetsType(registry);
  return type
    ? store
        .list(type, pod.metadata.namespace)
        .filter(budget => selects(budget, pod))
    : [];
}

/**
 * What a budget allows, counted as the disruption controller counts it: expected pods are the
 * active pods it selects, healthy ones those that are Ready; `minAvailable` or
 * `maxUnavailable` (an integer or a percentage, rounded up) sets how many must stay healthy.
 */
export function disruptionBudgetStatus(
  store: ObjectStore,
  podsType: ResourceType,
  budget: KubeObject,
): DisruptionBudgetStatus {
  const pods = store
    .list(podsType, budget.metadata.namespace)
    .filter(pod => isPodActive(pod) && selects(budget, pod));
  const expectedPods = pods.length;
  const currentHealthy = pods.filter(isPodReady).length;
  const { minAvailable, maxUnavailable } = budget.spec ?? {};
  const desiredHealthy =
    maxUnavailable !== undefined
      ? Math.max(
          0,
          expectedPods -
            resolveIntOrPercent(maxUnavailable, expectedPods, true, '0'),
        )
      : resolveIntOrPercent(minAvailable, expectedPods, true, '1');
  return {
    currentHealthy,
    desiredHealthy,
    disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy),
    expectedPods,
    observedGeneration: budget.metadata.generation,
  };
}

/** Writes every budget's status in a namespace, as the disruption controller keeps it current. */
export function syncDisruptionBudgets(
  store: ObjectStore,
  registry: ResourceRegistry,
  podsType: ResourceType,
  namespace: string,
) {
  const type = budgetsType(registry);
  if (!type) {
    return;
  }
  for (const budget of store.list(type, namespace)) {
    const status = {
      ...budget.status,
      ...disruptionBudgetStatus(store, podsType, budget),
    };
    if (JSON.stringify(status) !== JSON.stringify(budget.status)) {
      store.update(type, {
        ...budget,
        status,
        metadata: { ...budget.metadata, resourceVersion: undefined },
      });
    }
  }
}
