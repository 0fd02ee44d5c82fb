import { PROVIDER_PROFILES } from '../providerProfiles';
import { clusterObject, compact } from '../renderContext';
import { KINDS } from '../apiVersions';
import {
  endpointOption,
  machineTemplateSpec,
  option,
  requiredOption,
} from './option';
import { SelfManagedInfrastructure } from './types';

/** `4cpu-16gib-40gib` → CPUs, MiB of memory and GiB of disk. */
export function vsphereSize(machineType: string | undefined) {
  const match = PROVIDER_PROFILES.vsphere.machineTypeFormat!.pattern.exec(
    machineType ?? PROVIDER_PROFILES.vsphere.machineType!,
  );
  if (!match) {
    throw new Error(`not a vsphere machine type: ${machineType}`);
  }
  return {
    numCPUs: Number(match[1]),
    memoryMiB: Number(match[2]) * 1024,
    diskGiB: match[3] ? Number(match[3]) : 25,
  };
}

/** CAPV (cluster-api-provider-vsphere), after its templates: DHCP network, kube-vip VIP. */
export const vsphere: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('VSphereCluster'),
  machineTemplateKind: KINDS.infrastructure('VSphereMachineTemplate'),
  renderCluster: ctx => {
    const identitySecret = option(ctx, 'identitySecret');
    return clusterObject(ctx, vsphere.clusterKind, ctx.request.name, {
      spec: compact({
        server: requiredOption(ctx, 'server'),
        thumbprint: option(ctx, 'thumbprint'),
        controlPlaneEndpoint: endpointOption(ctx),
        identityRef: identitySecret
          ? { kind: 'Secret', name: identitySecret }
          : undefined,
      }),
    });
  },
  renderMachineTemplate: (ctx, name, _role, machineType) =>
    clusterObject(
      ctx,
      vsphere.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({
          server: requiredOption(ctx, 'server'),
          thumbprint: option(ctx, 'thumbprint'),
          datacenter: requiredOption(ctx, 'datacenter'),
          datastore: option(ctx, 'datastore'),
          folder: option(ctx, 'folder'),
          resourcePool: option(ctx, 'resourcePool'),
          storagePolicyName: option(ctx, 'storagePolicy'),
          template: requiredOption(ctx, 'template'),
          os: 'Linux',
          network: {
            devices: [
              { networkName: requiredOption(ctx, 'network'), dhcp4: true },
            ],
          },
          ...vsphereSize(machineType),
        }),
      ),
    ),
  nodeSetup: ctx => {
    const key = option(ctx, 'sshAuthorizedKey');
    return {
      nodeName: '{{ local_hostname }}',
      kubeletArgs: { 'cloud-provider': 'external' },
      controllerManagerArgs: { 'cloud-provider': 'external' },
      externalCloudProvider: true,
      preKubeadmCommands: [
        'hostnamectl set-hostname "{{ ds.meta_data.hostname }}"',
        'echo "::1         ipv6-localhost ipv6-loopback localhost6 localhost6.localdomain6" >/etc/hosts',
        'echo "127.0.0.1   {{ ds.meta_data.hostname }} {{ local_hostname }} localhost localhost.localdomain localhost4 localhost4.localdomain4" >>/etc/hosts',
      ],
      ...(key && { user: { name: 'capv', sshAuthorizedKey: key } }),
      controlPlaneVip: endpointOption(ctx),
    };
  },
};
