import { KINDS } from '../apiVersions';
import { clusterObject, compact } from '../renderContext';
import { machineTemplateSpec, option } from './option';
import { SelfManagedInfrastructure } from './types';

/** The instance profiles `clusterawsadm bootstrap iam create-cloudformation-stack` creates. */
const INSTANCE_PROFILES = {
  'control-plane': 'control-plane.cluster-api-provider-aws.sigs.k8s.io',
  worker: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
};

/** CAPA (cluster-api-provider-aws), after its templates/cluster-template.yaml. */
export const aws: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('AWSCluster'),
  machineTemplateKind: KINDS.infrastructure('AWSMachineTemplate'),
  renderCluster: ctx =>
    clusterObject(ctx, aws.clusterKind, ctx.request.name, {
      spec: {
        region: ctx.request.region,
        // An empty key name means no key; omitted, CAPA would ask EC2 for a key named "default".
        sshKeyName: option(ctx, 'sshKeyName') ?? '',
        controlPlaneLoadBalancer: {
          loadBalancerType: 'nlb',
          healthCheckProtocol: 'HTTPS',
        },
      },
    }),
  renderMachineTemplate: (ctx, name, role, machineType) => {
    const amiId = option(ctx, 'amiId');
    return clusterObject(
      ctx,
      aws.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({
          instanceType: machineType,
          iamInstanceProfile: INSTANCE_PROFILES[role],
          sshKeyName: option(ctx, 'sshKeyName') ?? '',
          ami: amiId ? { id: amiId } : undefined,
        }),
      ),
    );
  },
  nodeSetup: () => ({
    nodeName: '{{ ds.meta_data.local_hostname }}',
    kubeletArgs: { 'cloud-provider': 'external' },
    controllerManagerArgs: { 'cloud-provider': 'external' },
    externalCloudProvider: true,
  }),
};
