import { ConflictError } from '@backstage/errors';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
  ClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { describeRef, ObjectRef } from '../lifecycle/ServerTarget';
import {
  CLUSTER_KIND,
  getPath,
  listNodePoolObjects,
  ManagementCluster,
  readControlPlane,
  refusePolicy,
  setPath,
  versionFor,
} from './clusterOperations';
import {
  requestFromCluster,
  withRequestAnnotation,
} from './clusterRequestAnnotation';
import { checkUpgradeStep } from './kubernetesVersions';

type Versions = Record<string, string>;

/** One object the upgrade changes: what the dry run lists, and the patch that does it. */
interface UpgradeStep {
  change: { object: string; path: string; from?: string; to: string };
  ref: ObjectRef;
  patch: Record<string, unknown>;
}

interface UpgradeContext {
  management: ManagementCluster;
  policy: ClusterPolicy;
  cluster: any;
  versions: Versions;
  /** What the policy judges: the cluster's request (or its name) at the new version. */
  policyRequest: ClusterRequest;
  version: string;
  person?: ClusterPolicyPerson;
}

function clusterRef({ cluster, versions }: UpgradeContext): ObjectRef {
  return {
    apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
    kind: 'Cluster',
    namespace: cluster.metadata.namespace,
    name: cluster.metadata.name,
  };
}

function checkStep(ctx: UpgradeContext, current: string) {
  checkUpgradeStep(current, ctx.version);
  refusePolicy(
    ctx.policy.check(
      'upgrade',
      ctx.policyRequest,
      { kubernetesVersion: current },
      {
        operation: 'upgrade',
        person: ctx.person,
        target: { version: ctx.version },
      },
    ),
  );
}

/** A ClusterClass cluster: its topology version, which Cluster API rolls out itself. */
function planTopologyUpgrade(ctx: UpgradeContext): UpgradeStep[] {
  const current = ctx.cluster.spec.topology.version;
  checkStep(ctx, current);
  return [
    {
      change: {
        object: describeRef(ctx.cluster),
        path: 'spec.topology.version',
        from: current,
        to: ctx.version,
      },
      ref: clusterRef(ctx),
      patch: { spec: { topology: { version: ctx.version } } },
    },
  ];
}

/** The control plane, the version it runs, and the version string its kind takes for the target. */
async function controlPlaneOf(ctx: UpgradeContext) {
  const plane = await readControlPlane(
    ctx.management,
    ctx.cluster,
    ctx.versions,
  );
  return {
    plane,
    current: getPath(plane.object, plane.path),
    to: versionFor(plane.kind, ctx.version),
  };
}

async function planControlPlaneUpgrade(
  ctx: UpgradeContext,
): Promise<UpgradeStep[]> {
  const { plane, current, to } = await controlPlaneOf(ctx);
  checkStep(ctx, current);
  return [
    {
      change: {
        object: describeRef(plane.object),
        path: plane.path.join('.'),
        from: current,
        to,
      },
      ref: {
        apiVersion: plane.apiVersion,
        kind: plane.kind,
        namespace: ctx.cluster.metadata.namespace,
        name: plane.object.metadata.name,
      },
      patch: setPath(plane.path, to),
    },
  ];
}

/** The node pools not yet at the version, once the control plane runs it. */
async function planNodePoolUpgrade(
  ctx: UpgradeContext,
): Promise<UpgradeStep[]> {
  const { current: planeVersion, to } = await controlPlaneOf(ctx);
  if (planeVersion !== to) {
    throw new ConflictError(
      `the control plane runs ${planeVersion}; upgrade it to ${ctx.version} before the node pools`,
    );
  }
  const pools = await listNodePoolObjects(
    ctx.management,
    ctx.cluster,
    ctx.versions,
  );
  return pools
    .filter(pool => pool.spec?.template?.spec?.version !== to)
    .map(pool => ({
      change: {
        object: describeRef(pool),
        path: 'spec.template.spec.version',
        from: pool.spec?.template?.spec?.version,
        to,
      },
      ref: {
        apiVersion: pool.apiVersion,
        kind: pool.kind,
        namespace: ctx.cluster.metadata.namespace,
        name: pool.metadata.name,
      },
      patch: { spec: { template: { spec: { version: to } } } },
    }));
}

/**
 * Upgrades a cluster's Kubernetes version one step: its topology version, or its control
 * plane and then (a second call) its node pools; a dry run lists the changes.
 */
export async function upgradeCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Versions },
  body: {
    version: string;
    stage: 'control-plane' | 'node-pools';
    dryRun: boolean;
  },
  person?: ClusterPolicyPerson,
) {
  const { namespace, name } = cluster.metadata;
  const request = requestFromCluster(cluster);
  const ctx: UpgradeContext = {
    management,
    policy,
    cluster,
    versions,
    policyRequest: {
      ...(request ?? { name, namespace }),
      kubernetesVersion: body.version,
    } as ClusterRequest,
    version: body.version,
    person,
  };
  const topology = Boolean(cluster.spec?.topology);
  let steps: UpgradeStep[];
  if (topology) {
    steps = planTopologyUpgrade(ctx);
  } else if (body.stage === 'control-plane') {
    steps = await planControlPlaneUpgrade(ctx);
  } else {
    steps = await planNodePoolUpgrade(ctx);
  }
  if (!body.dryRun) {
    for (const step of steps) {
      await management.ops.patch(step.ref, step.patch, 'merge');
    }
    // The request the cluster was made from follows once the whole cluster runs the version.
    if (request && (topology || body.stage === 'node-pools')) {
      await management.ops.patch(
        clusterRef(ctx),
        withRequestAnnotation(
          { metadata: {} },
          { ...request, kubernetesVersion: body.version },
        ),
        'merge',
      );
    }
  }
  return {
    dryRun: body.dryRun,
    stage: topology ? 'topology' : body.stage,
    changes: steps.map(step => step.change),
    policyRules: policy.rulesFor('upgrade'),
  };
}
