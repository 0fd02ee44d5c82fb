import { KINDS } from '../apiVersions';
import { clusterObject, compact } from '../renderContext';
import { machineTemplateSpec, option } from './option';
import { SelfManagedInfrastructure } from './types';

/** CAPD (Cluster API's Docker provider, for development), after its quick-start templates. */
export const docker: SelfManagedInfrastructure = {
  clusterKind: KINDS.infrastructure('DockerCluster'),
  machineTemplateKind: KINDS.infrastructure('DockerMachineTemplate'),
  renderCluster: ctx =>
    clusterObject(ctx, docker.clusterKind, ctx.request.name, { spec: {} }),
  renderMachineTemplate: (ctx, name) =>
    clusterObject(
      ctx,
      docker.machineTemplateKind,
      name,
      machineTemplateSpec(
        compact({
          customImage: option(ctx, 'image'),
          extraMounts: [
            {
              containerPath: '/var/run/docker.sock',
              hostPath: '/var/run/docker.sock',
            },
          ],
        }),
      ),
    ),
  nodeSetup: () => ({
    // Containers share the host's disk: kubelet's default eviction thresholds would evict everything.
    kubeletArgs: {
      'eviction-hard':
        'nodefs.available<0%,nodefs.inodesFree<0%,imagefs.available<0%',
    },
    externalCloudProvider: false,
  }),
};
