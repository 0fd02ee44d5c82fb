import { KINDS, objectRef } from '../apiVersions';
import { RenderContext, clusterObject, compact } from '../renderContext';
import { machineTemplateSpec, option, requiredOption } from './option';
import { SelfManagedInfrastructure } from './types';

/** The AzureClusterIdentity reference AzureCluster and AzureManagedControlPlane take. */
export function azureIdentityRef(ctx: RenderContext) {
  const namespace = option(ctx, 'identityNamespace');
  return {
    ...objectRef(
      'objectReference',
      ctx.versions,
      KINDS.infrastructure('AzureClusterIdentity'),
      requiredOption(ctx, 'identityName'),
    ),
    ...(namespace && { namespace }),
  };
}

/** CAPZ (cluster-api-provider-azure), after templates/flavors/base and default. */
export const azure: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('AzureCluster'),
  machineTemplateKind: KINDS.infrastructure('AzureMachineTemplate'),
  renderCluster: ctx =>
    clusterObject(ctx, azure.clusterKind, ctx.request.name, {
      spec: compact({
        location: ctx.request.region,
        resourceGroup: requiredOption(ctx, 'resourceGroup'),
        subscriptionID: option(ctx, 'subscriptionID'),
        identityRef: azureIdentityRef(ctx),
        networkSpec: {
          vnet: { name: requiredOption(ctx, 'vnetName') },
          subnets: [
            { name: 'control-plane-subnet', role: 'control-plane' },
            { name: 'node-subnet', role: 'node' },
          ],
        },
      }),
    }),
  renderMachineTemplate: (ctx, name, role, machineType) =>
    clusterObject(
      ctx,
      azure.machineTemplateKind,
      name,
      machineTemplateSpec({
        vmSize: machineType,
        osDisk: {
          osType: 'Linux',
          diskSizeGB: role === 'control-plane' ? 128 : 64,
        },
        // Empty: CAPZ generates a key pair.
        sshPublicKey: option(ctx, 'sshPublicKey') ?? '',
      }),
    ),
  nodeSetup: ctx => ({
    nodeName: '{{ ds.meta_data["local_hostname"] }}',
    kubeletArgs: { 'cloud-provider': 'external' },
    controllerManagerArgs: {
      'cloud-provider': 'external',
      'allocate-node-cidrs': 'false',
      'cluster-name': ctx.request.name,
    },
    externalCloudProvider: true,
    // CAPZ writes the cloud provider config for each machine template into
    // "<template>-azure-json" (keys control-plane-azure.json / worker-node-azure.json).
    files: (role, machineTemplateName) => [
      {
        contentFrom: {
          secret: {
            name: `${machineTemplateName}-azure-json`,
            key:
              role === 'control-plane'
                ? 'control-plane-azure.json'
                : 'worker-node-azure.json',
          },
        },
        owner: 'root:root',
        path: '/etc/kubernetes/azure.json',
        permissions: '0644',
      },
    ],
  }),
};
