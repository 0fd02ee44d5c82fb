import { parse } from 'yaml';
import { Issue } from './Issue';
import { numberOrText, parseKeyValues } from './parseKeyValues';
import { parseNodePool } from './parseNodePool';

/** A current Kubernetes release, used when no --kubernetes-version is given. */
export const DEFAULT_KUBERNETES_VERSION = 'v1.33.1';

/** The flags of `cocktail cluster render`, as commander gives them. */
export interface ClusterRenderOptions {
  provider: string;
  name: string;
  namespace?: string;
  region?: string;
  zone?: string;
  kubernetesVersion: string;
  controlPlane?: string;
  controlPlaneReplicas?: string;
  controlPlaneMachineType?: string;
  nodePool?: string[];
  podCidr?: string[];
  serviceCidr?: string[];
  class?: string;
  variable?: string[];
  label?: string[];
  option?: string[];
}

/** A --variable value as YAML (`3`, `true`, `{a: 1}`), plain text when it does not parse. */
function variableValue(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}

/** `[namespace/]name` of a ClusterClass. */
function parseClassRef(text: string): { name: string; namespace?: string } {
  const slash = text.indexOf('/');
  return slash > 0
    ? { namespace: text.slice(0, slash), name: text.slice(slash + 1) }
    : { name: text };
}

/**
 * The cluster request the flags describe, and the problems the flags' own syntax has. Leaves
 * out what was not given, so validateClusterRequest applies the provider's defaults.
 */
export function buildClusterRequest(options: ClusterRenderOptions): {
  request: Record<string, unknown>;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const controlPlane = {
    ...(options.controlPlane !== undefined && {
      provider: options.controlPlane,
    }),
    ...(options.controlPlaneReplicas !== undefined && {
      replicas: numberOrText(options.controlPlaneReplicas),
    }),
    ...(options.controlPlaneMachineType !== undefined && {
      machineType: options.controlPlaneMachineType,
    }),
  };
  const nodePools = options.nodePool?.length
    ? options.nodePool.map((spec, index) => parseNodePool(spec, index, issues))
    : [{ name: 'workers', replicas: 2 }];
  const network = {
    ...(options.podCidr && { podCidrs: options.podCidr }),
    ...(options.serviceCidr && { serviceCidrs: options.serviceCidr }),
  };
  const variables = parseKeyValues(
    options.variable ?? [],
    'topology.variables',
    '--variable',
    issues,
    variableValue,
  );
  if (variables && options.class === undefined) {
    issues.push({
      field: 'topology.variables',
      message:
        '--variable sets ClusterClass variables; give the class with --class',
    });
  }
  const classRef =
    options.class === undefined ? undefined : parseClassRef(options.class);
  const labels = parseKeyValues(
    options.label ?? [],
    'labels',
    '--label',
    issues,
  );
  const providerOptions = parseKeyValues(
    options.option ?? [],
    'providerOptions',
    '--option',
    issues,
  );
  return {
    request: {
      name: options.name,
      provider: options.provider,
      ...(options.namespace !== undefined && { namespace: options.namespace }),
      ...(options.region !== undefined && { region: options.region }),
      ...(options.zone !== undefined && { zone: options.zone }),
      kubernetesVersion: options.kubernetesVersion,
      ...(Object.keys(controlPlane).length && { controlPlane }),
      nodePools,
      ...(Object.keys(network).length && { network }),
      ...(classRef && {
        topology: { classRef, ...(variables && { variables }) },
      }),
      ...(labels && { labels }),
      ...(providerOptions && { providerOptions }),
    },
    issues,
  };
}
