import { dns1123LabelProblem } from '../names';
import { ProviderProfile } from '../providerProfiles';
import { InfrastructureProvider, NodePoolRequest } from '../types';
import { Issues, isPlainObject } from './requestReader';
import {
  validateAutoscaling,
  validatePoolLabels,
  validateTaints,
} from './validatePoolFields';

const POOL_FIELDS = [
  'name',
  'replicas',
  'machineType',
  'autoscaling',
  'labels',
  'taints',
  'class',
] as const;
/** AKS agent pool names: lowercase letters and digits, starting with a letter, at most 12. */
const AKS_POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

const WHY_NO_MACHINE_TYPES: Record<string, string> = {
  metal3: 'it picks bare-metal hosts',
  docker: 'machines are containers',
};

export interface PoolContext {
  provider: InfrastructureProvider;
  profile: ProviderProfile;
  /** ClusterClass mode: machine types come from the class, classes may be named. */
  topology: boolean;
}

/** Checks a machine type against the provider; returns the one to use. */
export function validateMachineType(
  issues: Issues,
  field: string,
  value: unknown,
  { provider, profile, topology }: PoolContext,
): string | undefined {
  const machineType = issues.string(field, value);
  if (machineType === undefined) {
    return topology ? undefined : profile.machineType;
  }
  if (!profile.machineType) {
    issues.add(
      field,
      `${provider} has no machine types (${
        WHY_NO_MACHINE_TYPES[provider] ?? 'it takes none'
      }); leave it out, got "${machineType}"`,
    );
    return undefined;
  }
  const format = profile.machineTypeFormat;
  if (format && !format.pattern.test(machineType)) {
    issues.add(
      field,
      `expected a ${provider} machine type like ${format.example}, got "${machineType}"`,
    );
  }
  return machineType;
}

function validatePool(
  issues: Issues,
  at: string,
  raw: unknown,
  context: PoolContext,
): NodePoolRequest | undefined {
  const pool = issues.object(at, raw, POOL_FIELDS);
  if (!pool) {
    if (raw === undefined) {
      issues.add(at, 'expected a node pool, got nothing');
    }
    return undefined;
  }
  const name = issues.requiredString(`${at}.name`, pool.name);
  if (name !== undefined) {
    const problem = dns1123LabelProblem(name);
    if (problem) {
      issues.add(`${at}.name`, problem);
    } else if (context.provider === 'aks' && !AKS_POOL_NAME.test(name)) {
      issues.add(
        `${at}.name`,
        `AKS node pool names are 1 to 12 lowercase letters and digits starting with a letter, got "${name}"`,
      );
    }
  }
  if (pool.replicas === undefined) {
    issues.add(`${at}.replicas`, 'is required');
  }
  const replicas = issues.integer(`${at}.replicas`, pool.replicas, 0, 10000);
  const machineType = validateMachineType(
    issues,
    `${at}.machineType`,
    pool.machineType,
    context,
  );
  const autoscaling = validateAutoscaling(
    issues,
    `${at}.autoscaling`,
    pool.autoscaling,
    replicas,
  );
  const labels = validatePoolLabels(
    issues,
    `${at}.labels`,
    pool.labels,
    context,
  );
  const taints = validateTaints(issues, `${at}.taints`, pool.taints);
  const workerClass = issues.string(`${at}.class`, pool.class);
  if (workerClass !== undefined && !context.topology) {
    issues.add(
      `${at}.class`,
      `names a ClusterClass worker class, which only applies with topology; got "${workerClass}" without topology`,
    );
  }
  if (name === undefined || replicas === undefined) {
    return undefined;
  }
  return {
    name,
    replicas,
    ...(machineType !== undefined && { machineType }),
    ...(autoscaling && { autoscaling }),
    ...(labels && Object.keys(labels).length > 0 && { labels }),
    ...(taints && taints.length > 0 && { taints }),
    ...(workerClass !== undefined && { class: workerClass }),
  };
}

/** The node pools: at least one, valid and uniquely named. */
export function validateNodePools(
  issues: Issues,
  value: unknown,
  context: PoolContext,
): NodePoolRequest[] {
  if (value === undefined) {
    issues.add('nodePools', 'is required: expected at least one node pool');
    return [];
  }
  const list = issues.array('nodePools', value);
  if (!list) {
    return [];
  }
  if (list.length === 0) {
    issues.add('nodePools', 'expected at least one node pool, got none');
  }
  const seen = new Map<string, number>();
  const pools: NodePoolRequest[] = [];
  list.forEach((raw, index) => {
    const at = `nodePools[${index}]`;
    const pool = validatePool(issues, at, raw, context);
    const name = isPlainObject(raw) ? raw.name : undefined;
    if (typeof name === 'string') {
      const first = seen.get(name);
      if (first !== undefined) {
        issues.add(
          `${at}.name`,
          `expected a unique name, got "${name}" which nodePools[${first}] already has`,
        );
      } else {
        seen.set(name, index);
      }
    }
    if (pool) {
      pools.push(pool);
    }
  });
  return pools;
}
