import { labelKeyProblem, labelValueProblem } from '../names';
import { nodeLabelRoute } from '../nodeLabels';
import { NodePoolRequest, NodePoolTaint } from '../types';
import { Issues, describe, join } from './requestReader';
import type { PoolContext } from './validateNodePools';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Labels for the nodes of a pool: valid keys and values the nodes can actually carry. */
export function validatePoolLabels(
  issues: Issues,
  field: string,
  value: unknown,
  { profile }: PoolContext,
): Record<string, string> | undefined {
  const labels = issues.stringMap(field, value);
  for (const [key, label] of Object.entries(labels ?? {})) {
    const problem = labelKeyProblem(key) ?? labelValueProblem(label);
    if (problem) {
      issues.add(join(field, key), problem);
    } else if (!profile.managed && nodeLabelRoute(key) === 'forbidden') {
      issues.add(
        join(field, key),
        `the kubelet may not set labels under kubernetes.io or k8s.io except kubelet.kubernetes.io/, node.kubernetes.io/ and the well-known topology labels; use node-role.kubernetes.io/<role> or your own domain, got "${key}"`,
      );
    }
  }
  return labels;
}

export function validateTaints(
  issues: Issues,
  field: string,
  value: unknown,
): NodePoolTaint[] | undefined {
  const list = issues.array(field, value);
  if (!list) {
    return undefined;
  }
  const taints: NodePoolTaint[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const at = `${field}[${index}]`;
    const taint = issues.object(at, raw, ['key', 'value', 'effect']);
    if (!taint) {
      return;
    }
    const key = issues.requiredString(`${at}.key`, taint.key);
    const taintValue =
      taint.value === ''
        ? undefined
        : issues.string(`${at}.value`, taint.value);
    const effect = taint.effect;
    if (key !== undefined) {
      const problem = labelKeyProblem(key);
      if (problem) {
        issues.add(`${at}.key`, problem);
      }
    }
    if (taintValue !== undefined && labelValueProblem(taintValue)) {
      issues.add(`${at}.value`, labelValueProblem(taintValue)!);
    }
    if (typeof effect !== 'string' || !TAINT_EFFECTS.includes(effect)) {
      issues.add(
        `${at}.effect`,
        `expected one of ${TAINT_EFFECTS.join(', ')}, got ${describe(effect)}`,
      );
      return;
    }
    if (key === undefined) {
      return;
    }
    if (seen.has(`${key}:${effect}`)) {
      issues.add(at, `repeats the taint ${key}:${effect}`);
    }
    seen.add(`${key}:${effect}`);
    taints.push({
      key,
      ...(taintValue !== undefined && { value: taintValue }),
      effect: effect as NodePoolTaint['effect'],
    });
  });
  return taints;
}

export function validateAutoscaling(
  issues: Issues,
  field: string,
  value: unknown,
  replicas: number | undefined,
): NodePoolRequest['autoscaling'] {
  const autoscaling = issues.object(field, value, [
    'minReplicas',
    'maxReplicas',
  ]);
  if (!autoscaling) {
    return undefined;
  }
  const min = issues.integer(
    `${field}.minReplicas`,
    autoscaling.minReplicas,
    0,
  );
  const max = issues.integer(
    `${field}.maxReplicas`,
    autoscaling.maxReplicas,
    1,
  );
  if (autoscaling.minReplicas === undefined) {
    issues.add(`${field}.minReplicas`, 'is required');
  }
  if (autoscaling.maxReplicas === undefined) {
    issues.add(`${field}.maxReplicas`, 'is required');
  }
  if (min === undefined || max === undefined) {
    return undefined;
  }
  if (min > max) {
    issues.add(
      field,
      `expected minReplicas <= maxReplicas, got ${min} > ${max}`,
    );
  } else if (replicas !== undefined && (replicas < min || replicas > max)) {
    issues.add(
      field.replace(/autoscaling$/, 'replicas'),
      `expected a number from autoscaling.minReplicas ${min} to maxReplicas ${max}, got ${replicas}`,
    );
  }
  return { minReplicas: min, maxReplicas: max };
}
