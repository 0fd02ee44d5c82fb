import { KINDS } from '../apiVersions';
import { RenderContext, clusterObject, compact } from '../renderContext';
import { machineTemplateSpec, option, requiredOption } from './option';
import { SelfManagedInfrastructure } from './types';

function identityRef(ctx: RenderContext) {
  return compact({
    name: requiredOption(ctx, 'identitySecret'),
    cloudName: requiredOption(ctx, 'cloudName'),
    region: ctx.request.region,
  });
}

/** CAPO (cluster-api-provider-openstack) v1beta2: managed network, router and API load balancer. */
export const openstack: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('OpenStackCluster'),
  machineTemplateKind: KINDS.infrastructure('OpenStackMachineTemplate'),
  renderCluster: ctx => {
    const externalNetworkId = option(ctx, 'externalNetworkId');
    const dnsNameservers = option(ctx, 'dnsNameservers')
      ?.split(',')
      .map(server => server.trim())
      .filter(Boolean);
    return clusterObject(ctx, openstack.clusterKind, ctx.request.name, {
      spec: compact({
        identityRef: identityRef(ctx),
        managedSubnets: [
          compact({
            cidr: requiredOption(ctx, 'nodeCidr'),
            dnsNameservers: dnsNameservers?.length ? dnsNameservers : undefined,
          }),
        ],
        managedSecurityGroups: { allowAllInClusterTraffic: true },
        apiServer: { managedLoadBalancer: { enabled: true } },
        externalNetwork: externalNetworkId
          ? { id: externalNetworkId }
          : undefined,
      }),
    });
  },
  renderMachineTemplate: (ctx, name, _role, machineType) =>
    clusterObject(
      ctx,
      openstack.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({
          flavor: { filter: { name: machineType } },
          image: { filter: { name: requiredOption(ctx, 'image') } },
          sshKeyName: option(ctx, 'sshKeyName'),
        }),
      ),
    ),
  nodeSetup: () => ({
    nodeName: '{{ local_hostname }}',
    kubeletArgs: {
      'cloud-provider': 'external',
      'provider-id': 'openstack:///{{ instance_id }}',
    },
    controllerManagerArgs: { 'cloud-provider': 'external' },
    externalCloudProvider: true,
  }),
};
