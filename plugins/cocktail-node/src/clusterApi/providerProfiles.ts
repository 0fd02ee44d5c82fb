import { BuiltInInfrastructureProvider } from './types';

/**
 * One key of `ClusterRequest.providerOptions`.
 *
 * @public
 */
export interface ProviderOption {
  description: string;
  /** The cluster cannot be rendered without it. */
  required?: boolean;
  /** What is used when it is absent (`{name}` stands for the cluster's name). */
  default?: string;
}

/**
 * What differs between providers before rendering: defaults and the options they take.
 *
 * @public
 */
export interface ProviderProfile {
  /** eks, aks and gke run the control plane themselves and grow nodes in MachinePools. */
  managed: boolean;
  /** Whether `region` and `zone` mean anything to the provider. */
  regions: boolean;
  zones: boolean;
  region?: string;
  /** Machine type used where a request names none; absent for providers without machine types. */
  machineType?: string;
  /** A format the machine type must follow, for providers where it is not a plain name. */
  machineTypeFormat?: { pattern: RegExp; example: string };
  options: Record<string, ProviderOption>;
}

const controlPlaneEndpoint: ProviderOption = {
  description:
    'address (host or host:port, port 6443 if absent) of the virtual IP the control plane answers on; it must be free in the machines network',
  required: true,
};

const azureOptions: Record<string, ProviderOption> = {
  subscriptionID: {
    description:
      'Azure subscription; the one of the cluster identity if absent',
  },
  resourceGroup: {
    description: 'resource group the cluster is created in',
    default: '{name}',
  },
  identityName: {
    description: 'name of the AzureClusterIdentity to use',
    default: 'cluster-identity',
  },
  identityNamespace: {
    description: 'namespace of the AzureClusterIdentity',
  },
  sshPublicKey: {
    description: 'base64-encoded SSH public key for the nodes',
  },
};

/**
 * The providers' defaults and options.
 *
 * @public
 */
export const PROVIDER_PROFILES: Record<
  BuiltInInfrastructureProvider,
  ProviderProfile
> = {
  aws: {
    managed: false,
    regions: true,
    zones: true,
    region: 'us-east-1',
    machineType: 't3.large',
    options: {
      sshKeyName: {
        description:
          'EC2 key pair for the nodes; none if absent (CAPA would otherwise look for a key named "default")',
      },
      amiId: {
        description:
          'AMI for the nodes; CAPA looks up its published image for the Kubernetes version if absent',
      },
    },
  },
  eks: {
    managed: true,
    regions: true,
    zones: true,
    region: 'us-east-1',
    machineType: 't3.large',
    options: {
      sshKeyName: { description: 'EC2 key pair for the nodes' },
    },
  },
  azure: {
    managed: false,
    regions: true,
    zones: true,
    region: 'eastus',
    machineType: 'Standard_D4s_v3',
    options: {
      ...azureOptions,
      vnetName: {
        description: 'virtual network of the cluster',
        default: '{name}-vnet',
      },
    },
  },
  aks: {
    managed: true,
    regions: true,
    zones: true,
    region: 'eastus',
    machineType: 'Standard_D4s_v3',
    options: azureOptions,
  },
  gcp: {
    managed: false,
    regions: true,
    zones: true,
    region: 'us-central1',
    machineType: 'n2-standard-4',
    options: {
      project: { description: 'GCP project ID', required: true },
      network: {
        description: 'VPC network of the cluster',
        default: 'default',
      },
      image: {
        description:
          'image for the nodes (a full image URL); CAPG uses its published image for the Kubernetes version if absent',
      },
    },
  },
  gke: {
    managed: true,
    regions: true,
    zones: true,
    region: 'us-central1',
    machineType: 'n2-standard-4',
    options: {
      project: { description: 'GCP project ID', required: true },
    },
  },
  openstack: {
    managed: false,
    regions: true,
    zones: true,
    machineType: 'm1.medium',
    options: {
      image: {
        description: 'Glance image name for the nodes',
        required: true,
      },
      cloudName: {
        description: 'entry of clouds.yaml to use',
        default: 'openstack',
      },
      identitySecret: {
        description: 'Secret holding clouds.yaml',
        default: '{name}-cloud-config',
      },
      externalNetworkId: {
        description:
          'external network for the router and API load balancer; CAPO picks the only one if absent',
      },
      nodeCidr: {
        description: 'CIDR of the subnet CAPO creates for the nodes',
        default: '10.6.0.0/24',
      },
      dnsNameservers: {
        description: 'comma-separated DNS servers for the nodes subnet',
      },
      sshKeyName: { description: 'Nova key pair for the nodes' },
    },
  },
  vsphere: {
    managed: false,
    regions: false,
    zones: false,
    machineType: '2cpu-8gib-25gib',
    machineTypeFormat: {
      pattern: /^([1-9][0-9]*)cpu-([1-9][0-9]*)gib(?:-([1-9][0-9]*)gib)?$/,
      example: '4cpu-16gib-40gib (CPUs, memory, optional disk)',
    },
    options: {
      server: { description: 'vCenter address', required: true },
      datacenter: { description: 'vSphere datacenter', required: true },
      template: {
        description: 'VM template to clone the nodes from',
        required: true,
      },
      network: { description: 'port group of the nodes', required: true },
      controlPlaneEndpoint,
      datastore: { description: 'datastore for the VMs' },
      folder: { description: 'VM folder' },
      resourcePool: { description: 'resource pool' },
      storagePolicy: { description: 'storage policy name' },
      thumbprint: { description: 'TLS thumbprint of vCenter' },
      identitySecret: {
        description:
          'Secret with the vCenter credentials; the controller credentials if absent',
      },
      sshAuthorizedKey: {
        description: 'SSH public key for the capv user',
      },
    },
  },
  cloudstack: {
    managed: false,
    regions: false,
    zones: false,
    machineType: 'Medium Instance',
    options: {
      zone: { description: 'CloudStack zone', required: true },
      network: { description: 'CloudStack network', required: true },
      template: {
        description: 'CloudStack template for the nodes',
        required: true,
      },
      controlPlaneEndpoint: {
        description:
          'public IP of the API server; CloudStack allocates one on isolated networks if absent',
      },
      credentialsSecret: {
        description: 'Secret with the CloudStack API credentials',
        default: 'cloudstack-credentials',
      },
      sshKey: { description: 'SSH key pair for the nodes' },
    },
  },
  metal3: {
    managed: false,
    regions: false,
    zones: false,
    options: {
      imageUrl: {
        description: 'URL of the OS image Ironic writes to the hosts',
        required: true,
      },
      imageChecksum: {
        description: 'checksum (or URL of the checksum) of the image',
      },
      imageChecksumType: {
        description: 'md5, sha256 or sha512',
      },
      imageFormat: {
        description: 'raw, qcow2, vdi, vmdk or live-iso',
      },
      controlPlaneEndpoint,
    },
  },
  docker: {
    managed: false,
    regions: false,
    zones: false,
    options: {
      image: {
        description:
          'kind node image; kindest/node at the Kubernetes version if absent',
      },
    },
  },
};

/** An option as given, else its default with `{name}` filled in. */
export function optionValue(
  options: Record<string, string> | undefined,
  profile: ProviderProfile,
  key: string,
  clusterName: string,
): string | undefined {
  return (
    options?.[key] ??
    profile.options[key]?.default?.replace('{name}', clusterName)
  );
}

/** `host` or `host:port` → `{ host, port }`, port 6443 by default. */
export function parseEndpoint(
  value: string,
): { host: string; port: number } | undefined {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+)(?::([0-9]{1,5}))?$/.exec(value);
  if (!match) {
    return undefined;
  }
  const port = match[2] ? Number(match[2]) : 6443;
  if (port < 1 || port > 65535) {
    return undefined;
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
