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

const RKE2_PATHS = {
  manifests: '/var/lib/rancher/rke2/agent/pod-manifests',
  kubeconfig: '/etc/rancher/rke2/rke2.yaml',
};

function kubelet(infra: SelfManagedInfrastructure, ctx: RenderContext) {
  return infra.nodeSetup(ctx).externalCloudProvider
    ? { extraArgs: ['cloud-provider=external'] }
    : undefined;
}

function renderControlPlane(
  ctx: RenderContext,
  infra: SelfManagedInfrastructure,
) {
  const v1beta1 = isV1beta1(ctx.versions, KINDS.rke2ControlPlane);
  const setup = infra.nodeSetup(ctx);
  const name = controlPlaneName(ctx);
  const infrastructureRef = objectRef(
    v1beta1 ? 'objectReference' : 'contract',
    ctx.versions,
    infra.machineTemplateKind,
    name,
  );
  return clusterObject(ctx, KINDS.rke2ControlPlane, name, {
    spec: compact({
      replicas: ctx.request.controlPlane?.replicas ?? 1,
      version: distributionVersion('rke2', ctx.request.kubernetesVersion),
      rolloutStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1 },
      },
      machineTemplate: v1beta1
        ? { infrastructureRef }
        : { spec: { infrastructureRef } },
      // Nodes join through the Cluster's control-plane endpoint (load balancer or VIP).
      registrationMethod: 'control-plane-endpoint',
      serverConfig: compact({
        cloudProviderName: setup.externalCloudProvider ? 'external' : undefined,
        tlsSan: setup.controlPlaneVip
          ? [setup.controlPlaneVip.host]
          : undefined,
      }),
      agentConfig: compact({ kubelet: kubelet(infra, ctx) }),
      files: distroFiles(setup, 'control-plane', name, RKE2_PATHS),
    }),
  });
}

function renderConfigTemplate(
  ctx: RenderContext,
  infra: SelfManagedInfrastructure,
  pool: NodePoolRequest,
  name: string,
) {
  return clusterObject(ctx, KINDS.rke2ConfigTemplate, name, {
    spec: {
      template: {
        spec: compact({
          agentConfig: compact({
            nodeLabels: distroNodeLabels(pool),
            nodeTaints: distroNodeTaints(pool),
            kubelet: kubelet(infra, ctx),
          }),
          files: distroFiles(infra.nodeSetup(ctx), 'worker', name, RKE2_PATHS),
        }),
      },
    },
  });
}

/** RKE2ControlPlane and RKE2ConfigTemplate (rancher/cluster-api-provider-rke2). */
export const rke2: BootstrapProvider = {
  controlPlaneKind: KINDS.rke2ControlPlane,
  configTemplateKind: KINDS.rke2ConfigTemplate,
  renderControlPlane,
  renderConfigTemplate,
};
