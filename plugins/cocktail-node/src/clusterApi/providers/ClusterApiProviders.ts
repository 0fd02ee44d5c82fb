import { OFFLINE_CLUSTER_API_VERSIONS } from '../apiVersions';
import { BootstrapProvider } from '../bootstrap/types';
import { SelfManagedInfrastructure } from '../infrastructure/types';
import { ManagedService } from '../managed/types';
import { ProviderProfile } from '../providerProfiles';
import { ClusterApiVersions } from '../types';

/**
 * A Cluster API infrastructure provider: self-managed machines (whose control plane a
 * control-plane provider runs) or a managed Kubernetes service that runs its own.
 *
 * @public
 */
export interface ClusterApiInfrastructureProvider {
  /** The `provider` of a cluster request, e.g. `nutanix`: a DNS-1123 label. */
  id: string;
  /** Defaults and the options the provider takes; `managed` must match `managedService`. */
  profile: ProviderProfile;
  /** Exactly one of `selfManaged` and `managedService`. */
  selfManaged?: SelfManagedInfrastructure;
  managedService?: ManagedService;
  /**
   * The apiVersion to write for each of its kinds (`group/Kind` → apiVersion) when the
   * management cluster is not asked; discovery also accepts only these versions for them.
   */
  apiVersions?: ClusterApiVersions;
}

/**
 * A Cluster API control-plane provider with the bootstrap provider of its workers.
 *
 * @public
 */
export interface ClusterApiControlPlaneProvider {
  /** The `controlPlane.provider` of a cluster request, e.g. `kubeadm`. */
  id: string;
  provider: BootstrapProvider;
  /** A problem with a Kubernetes version this control plane cannot run, in words. */
  versionProblem?(version: string): string | undefined;
  apiVersions?: ClusterApiVersions;
}

const PROVIDER_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkId(what: string, id: string, taken: Map<string, unknown>) {
  if (!PROVIDER_ID.test(id ?? '')) {
    throw new Error(
      `${what} id must be a DNS-1123 label (lowercase letters, digits, '-'), got "${id}"`,
    );
  }
  if (taken.has(id)) {
    throw new Error(`${what} "${id}" is registered twice`);
  }
}

/**
 * The infrastructure and control-plane providers clusters can be rendered for: the built-in
 * ones and those backend modules add through cocktailClusterApiProvidersExtensionPoint.
 *
 * @public
 */
export class ClusterApiProviders {
  readonly #infrastructure = new Map<
    string,
    ClusterApiInfrastructureProvider
  >();
  readonly #controlPlanes = new Map<string, ClusterApiControlPlaneProvider>();

  addInfrastructureProvider(provider: ClusterApiInfrastructureProvider): void {
    checkId('infrastructure provider', provider.id, this.#infrastructure);
    if (!provider.selfManaged === !provider.managedService) {
      throw new Error(
        `infrastructure provider "${provider.id}" must have exactly one of selfManaged and managedService`,
      );
    }
    if (provider.profile.managed !== Boolean(provider.managedService)) {
      throw new Error(
        `infrastructure provider "${
          provider.id
        }": profile.managed must be ${Boolean(
          provider.managedService,
        )}, as it ${
          provider.managedService ? 'is' : 'is not'
        } a managed service`,
      );
    }
    this.#infrastructure.set(provider.id, provider);
  }

  addControlPlaneProvider(provider: ClusterApiControlPlaneProvider): void {
    checkId('control-plane provider', provider.id, this.#controlPlanes);
    this.#controlPlanes.set(provider.id, provider);
  }

  infrastructure(id: string): ClusterApiInfrastructureProvider | undefined {
    return this.#infrastructure.get(id);
  }

  controlPlane(id: string): ClusterApiControlPlaneProvider | undefined {
    return this.#controlPlanes.get(id);
  }

  infrastructureIds(): string[] {
    return [...this.#infrastructure.keys()];
  }

  controlPlaneIds(): string[] {
    return [...this.#controlPlanes.keys()];
  }

  /** The apiVersion of every kind any provider renders, when the management cluster is not asked. */
  offlineVersions(): ClusterApiVersions {
    const versions: Record<string, string> = {
      ...OFFLINE_CLUSTER_API_VERSIONS,
    };
    for (const provider of [
      ...this.#infrastructure.values(),
      ...this.#controlPlanes.values(),
    ]) {
      Object.assign(versions, provider.apiVersions);
    }
    return versions;
  }
}
