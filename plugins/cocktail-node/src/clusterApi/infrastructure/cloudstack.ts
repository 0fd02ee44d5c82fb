import { KINDS } from '../apiVersions';
import { clusterObject, compact } from '../renderContext';
import {
  endpointOption,
  machineTemplateSpec,
  option,
  requiredOption,
} from './option';
import { SelfManagedInfrastructure } from './types';

/** CAPC (cluster-api-provider-cloudstack) v1beta3: one failure domain, named after its zone. */
export const cloudstack: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('CloudStackCluster'),
  machineTemplateKind: KINDS.infrastructure('CloudStackMachineTemplate'),
  renderCluster: ctx => {
    const endpoint = endpointOption(ctx);
    return clusterObject(ctx, cloudstack.clusterKind, ctx.request.name, {
      spec: {
        // An empty host: CloudStack allocates a public IP on isolated networks.
        controlPlaneEndpoint: endpoint ?? { host: '', port: 6443 },
        failureDomains: [
          {
            name: requiredOption(ctx, 'zone')
              .toLowerCase()
              .replace(/[^a-z0-9-]+/g, '-'),
            zone: {
              name: requiredOption(ctx, 'zone'),
              network: { name: requiredOption(ctx, 'network') },
            },
            acsEndpoint: {
              name: requiredOption(ctx, 'credentialsSecret'),
              namespace: ctx.request.namespace,
            },
          },
        ],
      },
    });
  },
  renderMachineTemplate: (ctx, name, _role, machineType) =>
    clusterObject(
      ctx,
      cloudstack.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({
          offering: { name: machineType },
          template: { name: requiredOption(ctx, 'template') },
          sshKey: option(ctx, 'sshKey'),
        }),
      ),
    ),
  nodeSetup: () => ({
    nodeName: '{{ local_hostname }}',
    kubeletArgs: {
      'provider-id': "cloudstack:///'{{ ds.meta_data.instance_id }}'",
    },
    externalCloudProvider: false,
  }),
};
