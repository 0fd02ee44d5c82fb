import {
  dns1123LabelProblem,
  labelKeyProblem,
  labelValueProblem,
} from './names';
import { ProviderProfile } from './providerProfiles';
import { DEFAULT_CLUSTER_API_PROVIDERS } from './providers/builtInClusterApiProviders';
import { ClusterApiProviders } from './providers/ClusterApiProviders';
import {
  Issues,
  describe,
  isPlainObject,
  join,
} from './validation/requestReader';
import {
  ClusterRequest,
  ClusterRequestIssue,
  ControlPlaneProvider,
  InfrastructureProvider,
} from './types';
import {
  validateMachineType,
  validateNodePools,
} from './validation/validateNodePools';
import { validateNetwork } from './validation/validateNetwork';
import { validateProviderOptions } from './validation/validateProviderOptions';
import { validateTopology } from './validation/validateTopology';

const REQUEST_FIELDS = [
  'name',
  'namespace',
  'provider',
  'region',
  'zone',
  'kubernetesVersion',
  'controlPlane',
  'nodePools',
  'network',
  'topology',
  'labels',
  'providerOptions',
];
const KUBERNETES_VERSION =
  /^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

function validateName(
  issues: Issues,
  field: string,
  value: unknown,
  required: boolean,
): string | undefined {
  const name = required
    ? issues.requiredString(field, value)
    : issues.string(field, value);
  const problem = name === undefined ? undefined : dns1123LabelProblem(name);
  if (problem) {
    issues.add(field, problem);
  }
  return name;
}

function validateProvider(
  issues: Issues,
  value: unknown,
  providers: ClusterApiProviders,
): InfrastructureProvider | undefined {
  const ids = providers.infrastructureIds();
  if (typeof value !== 'string' || !ids.includes(value)) {
    issues.add(
      'provider',
      `expected one of ${ids.join(', ')}, got ${describe(value)}`,
    );
    return undefined;
  }
  return value;
}

function validateVersion(
  issues: Issues,
  value: unknown,
  controlPlane: ControlPlaneProvider | undefined,
  providers: ClusterApiProviders,
): string | undefined {
  const version = issues.requiredString('kubernetesVersion', value);
  if (version === undefined) {
    return undefined;
  }
  const match = KUBERNETES_VERSION.exec(version);
  if (!match) {
    issues.add(
      'kubernetesVersion',
      `expected vX.Y.Z like v1.33.1, got "${version}"`,
    );
    return undefined;
  }
  const problem =
    controlPlane &&
    providers.controlPlane(controlPlane)?.versionProblem?.(version);
  if (problem) {
    issues.add('kubernetesVersion', problem);
  }
  return version;
}

function validateControlPlane(
  issues: Issues,
  value: unknown,
  provider: InfrastructureProvider | undefined,
  topology: boolean,
  providers: ClusterApiProviders,
): ClusterRequest['controlPlane'] {
  const controlPlane = issues.object('controlPlane', value, [
    'provider',
    'replicas',
    'machineType',
  ]);
  const profile = provider && providers.infrastructure(provider)!.profile;
  const managed = profile && profile.managed;
  const controlPlaneIds = providers.controlPlaneIds();
  let cpProvider: ControlPlaneProvider = 'kubeadm';
  if (controlPlane?.provider !== undefined) {
    if (
      typeof controlPlane.provider !== 'string' ||
      !controlPlaneIds.includes(controlPlane.provider)
    ) {
      issues.add(
        'controlPlane.provider',
        `expected one of ${controlPlaneIds.join(', ')}, got ${describe(
          controlPlane.provider,
        )}`,
      );
    } else if (managed && controlPlane.provider !== 'kubeadm') {
      issues.add(
        'controlPlane.provider',
        `${provider} runs its own control plane; leave controlPlane.provider out, got "${controlPlane.provider}"`,
      );
    } else {
      cpProvider = controlPlane.provider as ControlPlaneProvider;
    }
  }
  const replicas = issues.integer(
    'controlPlane.replicas',
    controlPlane?.replicas,
    1,
    99,
  );
  if (replicas !== undefined && replicas % 2 === 0 && !managed) {
    issues.add(
      'controlPlane.replicas',
      `expected an odd number (the control plane runs etcd, which needs a majority), got ${replicas}`,
    );
  }
  if (managed || !provider || !profile) {
    return undefined;
  }
  const machineType = validateMachineType(
    issues,
    'controlPlane.machineType',
    controlPlane?.machineType,
    { provider, profile, topology },
  );
  return {
    provider: cpProvider,
    replicas: replicas ?? 1,
    ...(machineType !== undefined && { machineType }),
  };
}

function validateClusterLabels(
  issues: Issues,
  value: unknown,
): Record<string, string> | undefined {
  const labels = issues.stringMap('labels', value);
  for (const [key, label] of Object.entries(labels ?? {})) {
    const problem = labelKeyProblem(key) ?? labelValueProblem(label);
    if (problem) {
      issues.add(join('labels', key), problem);
    }
  }
  return labels && Object.keys(labels).length ? labels : undefined;
}

/**
 * Checks a cluster request and fills in its defaults. Reports every problem at once, each
 * with the path of its field (`nodePools[1].replicas`) and a message that says what was
 * expected and what was got; `request` is set only when there are none. `providers` (the
 * built-in ones by default) decides which providers and options there are.
 *
 * @public
 */
export function validateClusterRequest(
  request: unknown,
  providers: ClusterApiProviders = DEFAULT_CLUSTER_API_PROVIDERS,
): {
  request?: ClusterRequest;
  issues: ClusterRequestIssue[];
} {
  const issues = new Issues();
  if (!isPlainObject(request)) {
    issues.add(
      '',
      `expected a cluster request object, got ${describe(request)}`,
    );
    return { issues: issues.list };
  }
  issues.object('', request, REQUEST_FIELDS);
  const name = validateName(issues, 'name', request.name, true);
  const namespace =
    validateName(issues, 'namespace', request.namespace, false) ?? 'default';
  const provider = validateProvider(issues, request.provider, providers);
  const profile: ProviderProfile | undefined =
    provider && providers.infrastructure(provider)!.profile;
  const topology = validateTopology(issues, request.topology);
  const topologyMode = request.topology !== undefined;
  const controlPlane = validateControlPlane(
    issues,
    request.controlPlane,
    provider,
    topologyMode,
    providers,
  );
  const kubernetesVersion = validateVersion(
    issues,
    request.kubernetesVersion,
    topologyMode ? undefined : controlPlane?.provider,
    providers,
  );
  const region = issues.string('region', request.region) ?? profile?.region;
  const zone = issues.string('zone', request.zone);
  if (profile && !profile.regions && request.region !== undefined) {
    issues.add(
      'region',
      `${provider} has no regions; leave it out, got ${describe(
        request.region,
      )}`,
    );
  }
  if (profile && !profile.zones && request.zone !== undefined) {
    issues.add(
      'zone',
      `${provider} has no zones${
        provider === 'cloudstack' ? ' here (set providerOptions.zone)' : ''
      }; leave it out, got ${describe(request.zone)}`,
    );
  }
  const nodePools =
    provider && profile
      ? validateNodePools(issues, request.nodePools, {
          provider,
          profile,
          topology: topologyMode,
        })
      : [];
  const network = validateNetwork(
    issues,
    request.network,
    profile?.managed ?? false,
  );
  const labels = validateClusterLabels(issues, request.labels);
  const providerOptions =
    provider && profile
      ? validateProviderOptions(
          issues,
          request.providerOptions,
          { provider, profile },
          name ?? 'cluster',
          topologyMode,
        )
      : undefined;

  if (issues.list.length || !name || !provider || !kubernetesVersion) {
    return { issues: issues.list };
  }
  return {
    request: {
      name,
      namespace,
      provider,
      ...(region !== undefined && { region }),
      ...(zone !== undefined && { zone }),
      kubernetesVersion,
      ...(controlPlane && { controlPlane }),
      nodePools,
      ...(network && { network }),
      ...(topology && { topology }),
      ...(labels && { labels }),
      ...(providerOptions && { providerOptions }),
    },
    issues: [],
  };
}
