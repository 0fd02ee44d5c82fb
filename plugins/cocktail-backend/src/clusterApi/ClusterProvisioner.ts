import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ClusterApiVersions,
  ClusterPolicy,
  ClusterRequest,
  CONTROL_PLANE_VERSION_FIELD,
  distributionVersion,
  Manifest,
  NodePoolRequest,
  renderClusterManifests,
  renderNodePool,
  validateClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { applyManifests } from '../lifecycle/applyManifests';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { describeRef } from '../lifecycle/ServerTarget';
import { clusterEntity } from './clusterEntity';
import {
  requestFromCluster,
  withRequestAnnotation,
} from './clusterRequestAnnotation';
import { checkUpgradeStep } from './kubernetesVersions';
import { readClusterStatus } from './readClusterStatus';

const CLUSTER_KIND = 'cluster.x-k8s.io/Cluster';
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** What the provisioner needs of the management cluster. */
export interface ManagementCluster {
  name: string;
  ops: KubernetesOperations;
  /** The apiVersion per `group/Kind` it serves, and the kinds it lacks. */
  versions(): Promise<{ versions: ClusterApiVersions; missingKinds: string[] }>;
}

function groupKind(manifest: Manifest) {
  return `${manifest.apiVersion.split('/')[0]}/${manifest.kind}`;
}

/** The version string each control-plane kind takes (RKE2 and K3s add their release suffix). */
function versionFor(kind: string, version: string) {
  if (kind === 'RKE2ControlPlane') {
    return distributionVersion('rke2', version);
  }
  if (kind === 'KThreesControlPlane') {
    return distributionVersion('k3s', version);
  }
  return version;
}

function getPath(object: any, path: string[]) {
  return path.reduce((value, key) => value?.[key], object);
}

function setPath(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<any>((inner, key) => ({ [key]: inner }), value);
}

/** `where` is the request's place in the body it came in, such as `request`. */
function refuseIssues(
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

/**
 * Creates, upgrades and scales clusters through Cluster API objects on the management cluster.
 * Every change is checked against the cluster policy first and dry-run on the API server; the
 * request a cluster was created from stays on its Cluster object for later changes.
 */
export class ClusterProvisioner {
  constructor(
    private readonly options: {
      management: () => Promise<ManagementCluster>;
      policy: ClusterPolicy;
      /** Tells the cluster registry to read the management cluster's kubeconfig secrets again. */
      refreshRegistry: () => Promise<void>;
    },
  ) {}

  private refusePolicy(violations: Array<{ rule: string; message: string }>) {
    if (violations.length) {
      throw new InputError(
        `the cluster policy refused the request: ${violations
          .map(v => `${v.message} (rule ${v.rule})`)
          .join('; ')}`,
      );
    }
  }

  private async versionsFor(
    management: ManagementCluster,
    request: ClusterRequest,
  ) {
    const { versions, missingKinds } = await management.versions();
    const manifests = renderClusterManifests(request, versions);
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

  async create(
    body: unknown,
    options: { dryRun: boolean; owner: string; where?: string },
  ) {
    const { request, issues } = validateClusterRequest(body);
    refuseIssues(issues, options.where);
    this.refusePolicy(this.options.policy.check('create', request!));
    const management = await this.options.management();
    const { manifests } = await this.versionsFor(management, request!);
    const annotated = manifests.map(m =>
      m.kind === 'Cluster' && m.apiVersion.startsWith('cluster.x-k8s.io/')
        ? withRequestAnnotation(m, request!)
        : m,
    );
    const result = await applyManifests(management.ops, annotated, options);
    return {
      ...result,
      cluster: {
        name: request!.name,
        namespace: request!.namespace ?? 'default',
      },
      entityRef: `resource:default/${request!.name}`,
      entity: clusterEntity(request!, {
        owner: options.owner,
        managementCluster: management.name,
      }),
    };
  }

  private async readCluster(
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

  async status(namespace: string, name: string) {
    const management = await this.options.management();
    const { cluster, versions } = await this.readCluster(
      management,
      namespace,
      name,
    );
    const status = await readClusterStatus(management.ops, cluster, versions);
    if (status.phase === 'Provisioned' && status.kubeconfigSecret) {
      await this.options.refreshRegistry();
    }
    return status;
  }

  private async controlPlane(
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

  private async nodePoolObjects(
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

  async upgrade(
    namespace: string,
    name: string,
    body: {
      version: string;
      stage: 'control-plane' | 'node-pools';
      dryRun: boolean;
    },
  ) {
    const management = await this.options.management();
    const { cluster, versions } = await this.readCluster(
      management,
      namespace,
      name,
    );
    const request = requestFromCluster(cluster);
    const policyRequest = {
      ...(request ?? { name, namespace }),
      kubernetesVersion: body.version,
    };
    const changes: Array<{
      object: string;
      path: string;
      from?: string;
      to: string;
    }> = [];
    const targets: Array<{ ref: any; patch: Record<string, unknown> }> = [];

    if (cluster.spec?.topology) {
      const current = cluster.spec.topology.version;
      checkUpgradeStep(current, body.version);
      this.refusePolicy(
        this.options.policy.check('upgrade', policyRequest as any, {
          kubernetesVersion: current,
        }),
      );
      changes.push({
        object: describeRef(cluster),
        path: 'spec.topology.version',
        from: current,
        to: body.version,
      });
      targets.push({
        ref: {
          apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
          kind: 'Cluster',
          namespace,
          name,
        },
        patch: { spec: { topology: { version: body.version } } },
      });
    } else {
      const plane = await this.controlPlane(management, cluster, versions);
      const planeVersion = getPath(plane.object, plane.path);
      if (body.stage === 'control-plane') {
        checkUpgradeStep(planeVersion, body.version);
        this.refusePolicy(
          this.options.policy.check('upgrade', policyRequest as any, {
            kubernetesVersion: planeVersion,
          }),
        );
        changes.push({
          object: describeRef(plane.object),
          path: plane.path.join('.'),
          from: planeVersion,
          to: versionFor(plane.kind, body.version),
        });
        targets.push({
          ref: {
            apiVersion: plane.apiVersion,
            kind: plane.kind,
            namespace,
            name: plane.object.metadata.name,
          },
          patch: setPath(plane.path, versionFor(plane.kind, body.version)),
        });
      } else {
        if (planeVersion !== versionFor(plane.kind, body.version)) {
          throw new ConflictError(
            `the control plane runs ${planeVersion}; upgrade it to ${body.version} before the node pools`,
          );
        }
        for (const pool of await this.nodePoolObjects(
          management,
          cluster,
          versions,
        )) {
          const current = pool.spec?.template?.spec?.version;
          if (current === versionFor(plane.kind, body.version)) {
            continue;
          }
          changes.push({
            object: describeRef(pool),
            path: 'spec.template.spec.version',
            from: current,
            to: versionFor(plane.kind, body.version),
          });
          targets.push({
            ref: {
              apiVersion: pool.apiVersion,
              kind: pool.kind,
              namespace,
              name: pool.metadata.name,
            },
            patch: {
              spec: {
                template: {
                  spec: { version: versionFor(plane.kind, body.version) },
                },
              },
            },
          });
        }
      }
    }
    if (!body.dryRun) {
      for (const target of targets) {
        await management.ops.patch(target.ref, target.patch, 'merge');
      }
    }
    if (
      request &&
      !body.dryRun &&
      (cluster.spec?.topology || body.stage === 'node-pools')
    ) {
      await management.ops.patch(
        {
          apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
          kind: 'Cluster',
          namespace,
          name,
        },
        withRequestAnnotation(
          { metadata: {} },
          { ...request, kubernetesVersion: body.version },
        ),
        'merge',
      );
    }
    return {
      dryRun: body.dryRun,
      stage: cluster.spec?.topology ? 'topology' : body.stage,
      changes,
    };
  }

  async scale(
    namespace: string,
    name: string,
    body:
      | { nodePool: string; replicas: number; dryRun: boolean }
      | { addNodePool: NodePoolRequest; dryRun: boolean },
  ) {
    const management = await this.options.management();
    const { cluster, versions } = await this.readCluster(
      management,
      namespace,
      name,
    );
    const request = requestFromCluster(cluster);
    if ('addNodePool' in body) {
      if (!request) {
        throw new ConflictError(
          `Cluster ${namespace}/${name} was not created by Cocktail, so its node pools cannot be rendered; add the pool to its manifests instead`,
        );
      }
      const next = {
        ...request,
        nodePools: [...request.nodePools, body.addNodePool],
      };
      const { request: checked, issues } = validateClusterRequest(next);
      refuseIssues(issues);
      this.refusePolicy(
        this.options.policy.check('scale', checked!, {
          kubernetesVersion: request.kubernetesVersion,
          nodePools: request.nodePools,
        }),
      );
      const manifests = renderNodePool(checked!, body.addNodePool, versions);
      const result = await applyManifests(management.ops, manifests, {
        dryRun: body.dryRun,
      });
      if (!body.dryRun) {
        await management.ops.patch(
          {
            apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
            kind: 'Cluster',
            namespace,
            name,
          },
          withRequestAnnotation({ metadata: {} }, checked!),
          'merge',
        );
      }
      return result;
    }
    const pools = await this.nodePoolObjects(management, cluster, versions);
    const pool = pools.find(
      p =>
        p.metadata.name === body.nodePool ||
        p.metadata.name === `${name}-${body.nodePool}`,
    );
    if (!pool) {
      throw new NotFoundError(
        `nodePool: ${name} has no node pool ${body.nodePool}; it has ${
          pools.map(p => p.metadata.name).join(', ') || 'none'
        }`,
      );
    }
    if (request) {
      const nodePools = request.nodePools.map(p =>
        pool.metadata.name.endsWith(p.name)
          ? { ...p, replicas: body.replicas }
          : p,
      );
      this.refusePolicy(
        this.options.policy.check(
          'scale',
          { ...request, nodePools },
          {
            kubernetesVersion: request.kubernetesVersion,
            nodePools: request.nodePools,
          },
        ),
      );
    }
    const change = {
      object: describeRef(pool),
      path: 'spec.replicas',
      from: pool.spec?.replicas,
      to: body.replicas,
    };
    if (!body.dryRun) {
      await management.ops.patch(
        {
          apiVersion: pool.apiVersion,
          kind: pool.kind,
          namespace,
          name: pool.metadata.name,
        },
        { spec: { replicas: body.replicas } },
        'merge',
      );
    }
    return { dryRun: body.dryRun, changes: [change] };
  }
}
