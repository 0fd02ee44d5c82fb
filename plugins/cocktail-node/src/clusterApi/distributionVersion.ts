import { ControlPlaneProvider } from './types';

/**
 * The version string a control-plane provider takes for a Kubernetes version: RKE2 and K3s
 * name their releases after it (`v1.33.1+rke2r1`, `v1.33.1+k3s1`); the first release of each
 * is used. The same string goes on the workers' MachineDeployments.
 *
 * @public
 */
export function distributionVersion(
  controlPlane: ControlPlaneProvider | undefined,
  kubernetesVersion: string,
): string {
  switch (controlPlane) {
    case 'rke2':
      return `${kubernetesVersion}+rke2r1`;
    case 'k3s':
      return `${kubernetesVersion}+k3s1`;
    default:
      return kubernetesVersion;
  }
}
