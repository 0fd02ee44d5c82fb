import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ClusterApiProviders,
  ClusterApiVersions,
  ClusterRequest,
  CONTROL_PLANE_VERSION_FIELD,
  distributionVersion,
  Manifest,
  renderClusterManifests,
} from '@cocktailcloud/plugin-cocktail-node';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';

export const CLUSTER_KIND = 'cluster.x-k8s.io/Cluster';
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** What the provisioner needs of the management cluster. */
export interface ManagementCluster {
  name: string;
  ops: KubernetesOperations;
  /** The infrastructure and control-plane providers requests are checked and rendered with. */
  providers: ClusterApiProviders;
  /** The apiVersion per `group/Kind` it serves, and the kinds it lacks. */
  versions(): Promise<{ versions: ClusterApiVersions; missingKinds: string[] }>;
}

function groupKind(manifest: Manifest) {
  return `${manifest.apiVersion.split('/')[0]}/${manifest.kind}`;
}

/** The version string each control-plane kind takes (RKE2 and K3s add their release suffix). */
export function versionFor(kind: string, version: string) {
  if (kind === 'RKE2ControlPlane') {
    return distributionVersion('rke2', version);
  }
  if (kind === 'KThreesControlPlane') {
    return distributionVersion('k3s', version);
  }
  return version;
}

export function getPath(object: any, path: string[]) {
  return path.reduce((value, key) => value?.[key], object);
}

export function setPath(
  path: string[],
  value: unknown,
): Record<string, unknown> {
  return path.reduceRight<any>((inner, key) => ({ [key]: inner }), value);
}

/** `where` is the request's place in the body it came in, such as `request`. */
export function refuseIssues(
  issues: Array<{ field: string; message: string }>,
  where?: string,
) {
  if (issues.length) {
    const fieldOf = (field: string) => {
      if (!where) {
        return field;
      }
      return field ? `${where}.${field}` : where;
    };
    throw new InputError(
      issues
        .map(issue => `${fieldOf(issue.field)}: ${issue.message}`)
        .join('; '),
    );
  }
}

/** The policy's refusal of a request, every rule it broke named. */
export function refusePolicy(
  violations: Array<{ rule: string; message: string }>,
) {
  if (violations.length) {
    throw new InputError(
      `the cluster policy refused the request: ${violations
        .map(v => `${v.message} (rule ${v.rule})`)
        .join('; ')}`,
    );
  }
}

/** The manifests of a request, refused when the management cluster lacks one of their kinds. */
export async function renderForManagement(
  management: ManagementCluster,
  request: ClusterRequest,
) {
  const { versions, missingKinds } = await management.versions();
  const manifests = renderClusterManifests(
    request,
    versions,
    management.providers,
  );
  const missing = [...new Set(manifests.map(groupKind))].filter(kind =>
    missingKinds.includes(kind),
  );
  if (missing.length) {
    throw new InputError(
      `provider: management cluster ${
        management.name
      } does not serve ${missing.join(', ')}; install the ${
        request.provider
      } provider there (clusterctl init) or choose another provider`,
    );
  }
  return { versions, manifests };
}

/** A Cluster object on the management cluster, and the versions it serves. */
export async function readCluster(
  management: ManagementCluster,
  namespace: string,
  name: string,
) {
  const { versions } = await management.versions();
  const cluster = await management.ops.read({
    apiVersion: versions[CLUSTER_KIND],
    kind: 'Cluster',
    namespace,
    name,
  });
  if (!cluster) {
    throw new NotFoundError(
      `no Cluster ${namespace}/${name} on management cluster ${management.name}`,
    );
  }
  return { cluster, versions };
}

/** The control plane a Cluster references, with where its version is. */
export async function readControlPlane(
  management: ManagementCluster,
  cluster: any,
  versions: ClusterApiVersions,
) {
  const ref = cluster.spec?.controlPlaneRef;
  if (!ref) {
    throw new ConflictError(
      `Cluster ${cluster.metadata.name} has no control plane reference yet`,
    );
  }
  const group = ref.apiGroup ?? ref.apiVersion?.split('/')[0];
  const apiVersion = versions[`${group}/${ref.kind}`] ?? ref.apiVersion;
  const object = await management.ops.read({
    apiVersion,
    kind: ref.kind,
    namespace: cluster.metadata.namespace,
    name: ref.name,
  });
  const path = CONTROL_PLANE_VERSION_FIELD[ref.kind];
  if (!object || !path) {
    throw new ConflictError(
      `control plane ${ref.kind}/${ref.name} of ${cluster.metadata.name} ${
        object ? 'has no known version field' : 'was not found'
      }`,
    );
  }
  return { object, apiVersion, kind: ref.kind, path };
}

/** A Cluster's MachineDeployments and MachinePools. */
export async function listNodePoolObjects(
  management: ManagementCluster,
  cluster: any,
  versions: ClusterApiVersions,
) {
  const kinds = ['MachineDeployment', 'MachinePool'];
  const lists = await Promise.all(
    kinds.map(kind =>
      versions[`cluster.x-k8s.io/${kind}`]
        ? management.ops.list(
            versions[`cluster.x-k8s.io/${kind}`],
            kind,
            cluster.metadata.namespace,
            `${CLUSTER_NAME_LABEL}=${cluster.metadata.name}`,
          )
        : Promise.resolve([]),
    ),
  );
  return lists.flat();
}
