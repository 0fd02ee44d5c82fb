import { KINDS, isV1beta1, objectRef } from '../apiVersions';
import { distributionVersion } from '../distributionVersion';
import { SelfManagedInfrastructure } from '../infrastructure/types';
import {
  RenderContext,
  clusterObject,
  compact,
  controlPlaneName,
} from '../renderContext';
import { NodePoolRequest } from '../types';
import { distroFiles, distroNodeLabels, distroNodeTaints } from './distroNodes';
import { BootstrapProvider } from './types';

const K3S_PATHS = {
  manifests: '/var/lib/rancher/k3s/agent/pod-manifests',
  kubeconfig: '/etc/rancher/k3s/k3s.yaml',
};

function kubeletArgs(infra: SelfManagedInfrastructure, ctx: RenderContext) {
  return infra.nodeSetup(ctx).externalCloudProvider
    ? ['cloud-provider=external']
    : undefined;
}

function renderControlPlane(
  ctx: RenderContext,
  infra: SelfManagedInfrastructure,
) {
  const v1beta1 = isV1beta1(ctx.versions, KINDS.k3sControlPlane);
  const setup = infra.nodeSetup(ctx);
  const name = controlPlaneName(ctx);
  // KThreesControlPlane still takes a corev1.ObjectReference (with apiVersion) in v1beta2.
  const infrastructureRef = objectRef(
    'objectReference',
    ctx.versions,
    infra.machineTemplateKind,
    name,
  );
  const network = ctx.request.network;
  return clusterObject(ctx, KINDS.k3sControlPlane, name, {
    spec: {
      replicas: ctx.request.controlPlane?.replicas ?? 1,
      version: distributionVersion('k3s', ctx.request.kubernetesVersion),
      ...(v1beta1
        ? { infrastructureTemplate: infrastructureRef }
        : { machineTemplate: { infrastructureRef } }),
      kthreesConfigSpec: compact({
        serverConfig: compact({
          clusterCidr: network?.podCidrs?.join(','),
          serviceCidr: network?.serviceCidrs?.join(','),
          disableCloudController: setup.externalCloudProvider || undefined,
          tlsSan: setup.controlPlaneVip
            ? [setup.controlPlaneVip.host]
            : undefined,
        }),
        agentConfig: compact({ kubeletArgs: kubeletArgs(infra, ctx) }),
        files: distroFiles(setup, 'control-plane', name, K3S_PATHS),
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
  return clusterObject(ctx, KINDS.k3sConfigTemplate, name, {
    spec: {
      template: {
        spec: compact({
          agentConfig: compact({
            nodeLabels: distroNodeLabels(pool),
            nodeTaints: distroNodeTaints(pool),
            kubeletArgs: kubeletArgs(infra, ctx),
          }),
          files: distroFiles(infra.nodeSetup(ctx), 'worker', name, K3S_PATHS),
        }),
      },
    },
  });
}

/** KThreesControlPlane and KThreesConfigTemplate (k3s-io/cluster-api-k3s). */
export const k3s: BootstrapProvider = {
  controlPlaneKind: KINDS.k3sControlPlane,
  configTemplateKind: KINDS.k3sConfigTemplate,
  renderControlPlane,
  renderConfigTemplate,
};
