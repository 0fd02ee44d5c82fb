import { KINDS } from '../apiVersions';
import { clusterObject, compact } from '../renderContext';
import { machineTemplateSpec, option, requiredOption } from './option';
import { SelfManagedInfrastructure } from './types';

/** CAPG (cluster-api-provider-gcp), with the external GCP cloud controller manager. */
export const gcp: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('GCPCluster'),
  machineTemplateKind: KINDS.infrastructure('GCPMachineTemplate'),
  renderCluster: ctx =>
    clusterObject(ctx, gcp.clusterKind, ctx.request.name, {
      spec: {
        project: requiredOption(ctx, 'project'),
        region: ctx.request.region,
        network: { name: requiredOption(ctx, 'network') },
      },
    }),
  renderMachineTemplate: (ctx, name, _role, machineType) =>
    clusterObject(
      ctx,
      gcp.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({ instanceType: machineType, image: option(ctx, 'image') }),
      ),
    ),
  nodeSetup: () => ({
    nodeName: '{{ ds.meta_data.local_hostname.split(".")[0] }}',
    kubeletArgs: { 'cloud-provider': 'external' },
    controllerManagerArgs: {
      'cloud-provider': 'external',
      'allocate-node-cidrs': 'false',
    },
    externalCloudProvider: true,
  }),
};
