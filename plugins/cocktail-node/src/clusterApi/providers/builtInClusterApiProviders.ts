import { BOOTSTRAP_PROVIDERS } from '../bootstrap';
import { SELF_MANAGED_INFRASTRUCTURE } from '../infrastructure';
import { MANAGED_SERVICES } from '../managed';
import { PROVIDER_PROFILES } from '../providerProfiles';
import {
  ClusterApiControlPlaneProvider,
  ClusterApiInfrastructureProvider,
  ClusterApiProviders,
} from './ClusterApiProviders';

/**
 * The infrastructure providers the suite ships: aws, azure, gcp, openstack, vsphere,
 * cloudstack, metal3, docker, eks, aks and gke.
 *
 * @public
 */
export const BUILT_IN_INFRASTRUCTURE_PROVIDERS: ClusterApiInfrastructureProvider[] =
  Object.entries(PROVIDER_PROFILES).map(([id, profile]) => ({
    id,
    profile,
    selfManaged:
      SELF_MANAGED_INFRASTRUCTURE[id as keyof typeof PROVIDER_PROFILES],
    managedService: MANAGED_SERVICES[id as keyof typeof PROVIDER_PROFILES],
  }));

/**
 * The control-plane providers the suite ships: kubeadm, rke2 and k3s.
 *
 * @public
 */
export const BUILT_IN_CONTROL_PLANE_PROVIDERS: ClusterApiControlPlaneProvider[] =
  [
    { id: 'kubeadm', provider: BOOTSTRAP_PROVIDERS.kubeadm },
    {
      id: 'rke2',
      provider: BOOTSTRAP_PROVIDERS.rke2,
      versionProblem: version =>
        /^v\d+\.\d\d\.\d+$/.test(version)
          ? undefined
          : `RKE2 releases have two-digit minor versions (v1.NN.P), got "${version}"`,
    },
    { id: 'k3s', provider: BOOTSTRAP_PROVIDERS.k3s },
  ];

/**
 * A registry holding the built-in providers only: what the command line and callers that pass
 * no registry render with.
 *
 * @public
 */
export function builtInClusterApiProviders(): ClusterApiProviders {
  const providers = new ClusterApiProviders();
  BUILT_IN_INFRASTRUCTURE_PROVIDERS.forEach(p =>
    providers.addInfrastructureProvider(p),
  );
  BUILT_IN_CONTROL_PLANE_PROVIDERS.forEach(p =>
    providers.addControlPlaneProvider(p),
  );
  return providers;
}

/** Shared by callers that pass no registry; never changed after it is built. */
export const DEFAULT_CLUSTER_API_PROVIDERS = builtInClusterApiProviders();
