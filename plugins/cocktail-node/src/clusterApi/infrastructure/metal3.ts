import { KINDS, isV1beta1 } from '../apiVersions';
import { clusterObject, compact } from '../renderContext';
import {
  endpointOption,
  machineTemplateSpec,
  option,
  requiredOption,
} from './option';
import { SelfManagedInfrastructure } from './types';

/**
 * CAPM3 (cluster-api-provider-metal3) without a cloud provider: CAPM3 finds each Node by its
 * metal3.io/uuid label and sets its providerID. kube-vip holds the API virtual IP.
 */
export const metal3: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('Metal3Cluster'),
  machineTemplateKind: KINDS.infrastructure('Metal3MachineTemplate'),
  renderCluster: ctx =>
    clusterObject(ctx, metal3.clusterKind, ctx.request.name, {
      spec: compact({
        controlPlaneEndpoint: endpointOption(ctx),
        cloudProviderEnabled: false,
      }),
    }),
  renderMachineTemplate: (ctx, name) =>
    clusterObject(
      ctx,
      metal3.machineTemplateKind,
      name,
      machineTemplateSpec({
        image: compact({
          url: requiredOption(ctx, 'imageUrl'),
          checksum: option(ctx, 'imageChecksum'),
          checksumType: option(ctx, 'imageChecksumType'),
          // v1beta1 called it `format`.
          [isV1beta1(ctx.versions, metal3.machineTemplateKind)
            ? 'format'
            : 'diskFormat']: option(ctx, 'imageFormat'),
        }),
      }),
    ),
  nodeSetup: ctx => ({
    kubeletArgs: { 'node-labels': 'metal3.io/uuid={{ ds.meta_data.uuid }}' },
    externalCloudProvider: false,
    controlPlaneVip: endpointOption(ctx),
  }),
};
