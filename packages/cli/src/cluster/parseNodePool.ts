import { Issue } from './Issue';
import { numberOrText, parseKeyValues } from './parseKeyValues';

const KEYS = [
  'name',
  'replicas',
  'machineType',
  'min',
  'max',
  'labels',
  'taints',
  'class',
];
const DEFAULT_REPLICAS = 2;

/** `key[=value]:Effect;…` → taints; a taint without its effect is an issue. */
function parseTaints(text: string, field: string, issues: Issue[]) {
  return text
    .split(';')
    .filter(Boolean)
    .map(entry => {
      const colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        issues.push({
          field,
          message: `expected key=value:Effect or key:Effect, got "${entry}"`,
        });
        return undefined;
      }
      const keyValue = entry.slice(0, colon);
      const equals = keyValue.indexOf('=');
      return {
        key: equals >= 0 ? keyValue.slice(0, equals) : keyValue,
        ...(equals >= 0 && { value: keyValue.slice(equals + 1) }),
        effect: entry.slice(colon + 1),
      };
    })
    .filter(taint => taint !== undefined);
}

/**
 * One `--node-pool` value, e.g.
 * `name=workers,replicas=3,machineType=m5.large,min=2,max=6,labels=a=b;c=d,taints=key=value:NoSchedule`,
 * as a node pool of the request. The name defaults to `workers` (then `pool-<n>`), replicas to 2
 * (within min and max when given).
 */
export function parseNodePool(
  spec: string,
  index: number,
  issues: Issue[],
): Record<string, unknown> {
  const field = `nodePools[${index}]`;
  const values: Record<string, string> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const equals = part.indexOf('=');
    const key = equals > 0 ? part.slice(0, equals) : part;
    if (equals <= 0 || !KEYS.includes(key)) {
      issues.push({
        field,
        message: `expected --node-pool key=value pairs with keys ${KEYS.join(
          ', ',
        )}, got "${part}"`,
      });
      continue;
    }
    values[key] = part.slice(equals + 1);
  }
  const pool: Record<string, unknown> = {
    name: values.name ?? (index === 0 ? 'workers' : `pool-${index + 1}`),
  };
  if (values.machineType !== undefined) {
    pool.machineType = values.machineType;
  }
  if ((values.min === undefined) !== (values.max === undefined)) {
    issues.push({
      field: `${field}.autoscaling`,
      message: 'expected both min and max in --node-pool for autoscaling',
    });
  } else if (values.min !== undefined) {
    pool.autoscaling = {
      minReplicas: numberOrText(values.min),
      maxReplicas: numberOrText(values.max),
    };
  }
  pool.replicas =
    values.replicas !== undefined
      ? numberOrText(values.replicas)
      : defaultReplicas(pool.autoscaling as any);
  if (values.labels !== undefined) {
    pool.labels = parseKeyValues(
      values.labels.split(';').filter(Boolean),
      `${field}.labels`,
      'labels=',
      issues,
    );
  }
  if (values.taints !== undefined) {
    pool.taints = parseTaints(values.taints, `${field}.taints`, issues);
  }
  if (values.class !== undefined) {
    pool.class = values.class;
  }
  return pool;
}

function defaultReplicas(
  autoscaling: { minReplicas: unknown; maxReplicas: unknown } | undefined,
): number {
  const { minReplicas: min, maxReplicas: max } = autoscaling ?? {};
  if (typeof min !== 'number' || typeof max !== 'number') {
    return DEFAULT_REPLICAS;
  }
  return Math.min(Math.max(DEFAULT_REPLICAS, min), max);
}
