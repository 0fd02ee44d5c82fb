import { KINDS } from '../apiVersions';
import { parseCidr, ipv4At } from '../cidr';
import { azureIdentityRef } from '../infrastructure/azure';
import { option, requiredOption } from '../infrastructure/option';
import { RenderContext, clusterObject, compact } from '../renderContext';
import { ManagedService } from './types';

/**
 * AKS wants the cluster DNS service at an address inside the service range; CAPZ's default
 * (10.0.0.10) only fits its default range, so it is derived from the first IPv4 range given.
 */
function dnsServiceIP(ctx: RenderContext): string | undefined {
  const range = ctx.request.network?.serviceCidrs
    ?.map(parseCidr)
    .find(cidr => cidr?.family === 4);
  return range ? ipv4At(range, 10) : undefined;
}

/**
 * AKS through CAPZ: AzureManagedControlPlane and AzureManagedMachinePools. AKS needs a System
 * pool: the request's first pool is it, the others are User pools.
 */
export const aks: ManagedService = {
  clusterKind: KINDS.infrastructure('AzureManagedCluster'),
  controlPlaneKind: KINDS.infrastructure('AzureManagedControlPlane'),
  machinePoolKind: KINDS.infrastructure('AzureManagedMachinePool'),
  autoscaler: 'aks',
  renderCluster: ctx =>
    clusterObject(ctx, aks.clusterKind, ctx.request.name, { spec: {} }),
  renderControlPlane: ctx =>
    clusterObject(ctx, aks.controlPlaneKind, ctx.request.name, {
      spec: compact({
        location: ctx.request.region,
        resourceGroupName: requiredOption(ctx, 'resourceGroup'),
        subscriptionID: option(ctx, 'subscriptionID'),
        identityRef: azureIdentityRef(ctx),
        version: ctx.request.kubernetesVersion,
        sshPublicKey: option(ctx, 'sshPublicKey'),
        dnsServiceIP: dnsServiceIP(ctx),
      }),
    }),
  renderMachinePool: (ctx, pool, name) =>
    clusterObject(ctx, aks.machinePoolKind, name, {
      spec: compact({
        mode: ctx.request.nodePools[0]?.name === pool.name ? 'System' : 'User',
        name: pool.name,
        sku: pool.machineType,
        scaling: pool.autoscaling
          ? {
              minSize: pool.autoscaling.minReplicas,
              maxSize: pool.autoscaling.maxReplicas,
            }
          : undefined,
        availabilityZones: ctx.request.zone ? [ctx.request.zone] : undefined,
        nodeLabels: pool.labels,
        taints: pool.taints?.map(taint => ({
          key: taint.key,
          value: taint.value ?? '',
          effect: taint.effect,
        })),
      }),
    }),
};
