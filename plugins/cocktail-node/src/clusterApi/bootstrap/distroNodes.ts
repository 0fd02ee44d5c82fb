import { kubeVipManifest } from '../infrastructure/kubeVip';
import { BootstrapFile, MachineRole, NodeSetup } from '../infrastructure/types';
import { nodeLabelRoute } from '../nodeLabels';
import { NodePoolRequest } from '../types';

/** Node labels in the `key=value` form RKE2 and K3s take (those the kubelet may set). */
export function distroNodeLabels(pool: NodePoolRequest): string[] | undefined {
  const labels = Object.entries(pool.labels ?? {})
    .filter(([key]) => nodeLabelRoute(key) === 'kubelet')
    .map(([key, value]) => `${key}=${value}`);
  return labels.length ? labels : undefined;
}

/** Taints in the `key=value:Effect` form RKE2 and K3s take. */
export function distroNodeTaints(pool: NodePoolRequest): string[] | undefined {
  const taints = (pool.taints ?? []).map(
    taint =>
      `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${
        taint.effect
      }`,
  );
  return taints.length ? taints : undefined;
}

/**
 * Files for an RKE2 or K3s node: the provider's, plus on control planes the kube-vip static
 * pod (in the distribution's manifests folder, using its admin kubeconfig).
 */
export function distroFiles(
  setup: NodeSetup,
  role: MachineRole,
  machineTemplateName: string,
  distro: { manifests: string; kubeconfig: string },
): BootstrapFile[] | undefined {
  const files = [...(setup.files?.(role, machineTemplateName) ?? [])];
  if (role === 'control-plane' && setup.controlPlaneVip) {
    files.push({
      path: `${distro.manifests}/kube-vip.yaml`,
      content: kubeVipManifest(setup.controlPlaneVip, distro.kubeconfig),
      owner: 'root:root',
      permissions: '0644',
    });
  }
  return files.length ? files : undefined;
}
