import { KINDS, isV1beta1, objectRef } from '../apiVersions';
import {
  KUBE_VIP_KUBEADM_INIT_COMMAND,
  kubeVipManifest,
} from '../infrastructure/kubeVip';
import {
  MachineRole,
  NodeSetup,
  SelfManagedInfrastructure,
} from '../infrastructure/types';
import { kubeletNodeLabels } from '../nodeLabels';
import {
  RenderContext,
  clusterObject,
  compact,
  controlPlaneName,
} from '../renderContext';
import { NodePoolRequest } from '../types';
import { BootstrapProvider } from './types';

/** v1beta2 writes kubeadm args as `[{ name, value }]`, v1beta1 as a map. */
function args(v1beta1: boolean, values: Record<string, string>) {
  return v1beta1
    ? { ...values }
    : Object.entries(values).map(([name, value]) => ({ name, value }));
}

/** The provider's kubelet flags, with the pool's labels added to `node-labels`. */
function kubeletArgs(
  setup: NodeSetup,
  pool?: NodePoolRequest,
): Record<string, string> {
  const labels = [
    setup.kubeletArgs['node-labels'],
    kubeletNodeLabels(pool?.labels),
  ].filter(Boolean);
  return labels.length
    ? { ...setup.kubeletArgs, 'node-labels': labels.join(',') }
    : setup.kubeletArgs;
}

function nodeRegistration(
  v1beta1: boolean,
  setup: NodeSetup,
  pool?: NodePoolRequest,
) {
  const taints = pool?.taints?.map(taint => compact({ ...taint }));
  return compact({
    name: setup.nodeName,
    kubeletExtraArgs: args(v1beta1, kubeletArgs(setup, pool)),
    taints: taints?.length ? taints : undefined,
  });
}

/** What kubeadm writes and runs besides its own configuration, control plane or worker. */
function machineSetup(
  setup: NodeSetup,
  role: MachineRole,
  machineTemplateName: string,
) {
  const files = [...(setup.files?.(role, machineTemplateName) ?? [])];
  const commands = [...(setup.preKubeadmCommands ?? [])];
  if (role === 'control-plane' && setup.controlPlaneVip) {
    files.push({
      path: '/etc/kubernetes/manifests/kube-vip.yaml',
      content: kubeVipManifest(
        setup.controlPlaneVip,
        '/etc/kubernetes/admin.conf',
      ),
      owner: 'root:root',
      permissions: '0644',
    });
    commands.push(KUBE_VIP_KUBEADM_INIT_COMMAND);
  }
  return compact({
    files: files.length ? files : undefined,
    preKubeadmCommands: commands.length ? commands : undefined,
    users: setup.user
      ? [
          {
            name: setup.user.name,
            sshAuthorizedKeys: [setup.user.sshAuthorizedKey],
            sudo: 'ALL=(ALL) NOPASSWD:ALL',
          },
        ]
      : undefined,
  });
}

function renderControlPlane(
  ctx: RenderContext,
  infra: SelfManagedInfrastructure,
) {
  const v1beta1 = isV1beta1(ctx.versions, KINDS.kubeadmControlPlane);
  const setup = infra.nodeSetup(ctx);
  const name = controlPlaneName(ctx);
  const infrastructureRef = objectRef(
    v1beta1 ? 'objectReference' : 'contract',
    ctx.versions,
    infra.machineTemplateKind,
    name,
  );
  return clusterObject(ctx, KINDS.kubeadmControlPlane, name, {
    spec: {
      replicas: ctx.request.controlPlane?.replicas ?? 1,
      version: ctx.request.kubernetesVersion,
      machineTemplate: v1beta1
        ? { infrastructureRef }
        : { spec: { infrastructureRef } },
      kubeadmConfigSpec: compact({
        clusterConfiguration: setup.controllerManagerArgs
          ? {
              controllerManager: {
                extraArgs: args(v1beta1, setup.controllerManagerArgs),
              },
            }
          : undefined,
        initConfiguration: {
          nodeRegistration: nodeRegistration(v1beta1, setup),
        },
        joinConfiguration: {
          nodeRegistration: nodeRegistration(v1beta1, setup),
        },
        ...machineSetup(setup, 'control-plane', name),
      }),
    },
  });
}

function renderConfigTemplate(
  ctx: RenderContext,
  infra: SelfManagedInfrastructure,
  pool: NodePoolRequest,
  name: string,
) {
  const v1beta1 = isV1beta1(ctx.versions, KINDS.kubeadmConfigTemplate);
  const setup = infra.nodeSetup(ctx);
  return clusterObject(ctx, KINDS.kubeadmConfigTemplate, name, {
    spec: {
      template: {
        spec: {
          joinConfiguration: {
            nodeRegistration: nodeRegistration(v1beta1, setup, pool),
          },
          ...machineSetup(setup, 'worker', name),
        },
      },
    },
  });
}

/** KubeadmControlPlane and KubeadmConfigTemplate (Cluster API's own kubeadm providers). */
export const kubeadm: BootstrapProvider = {
  controlPlaneKind: KINDS.kubeadmControlPlane,
  configTemplateKind: KINDS.kubeadmConfigTemplate,
  renderControlPlane,
  renderConfigTemplate,
};
