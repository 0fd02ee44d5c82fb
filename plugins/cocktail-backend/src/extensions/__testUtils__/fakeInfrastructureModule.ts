import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  clusterObject,
  cocktailClusterApiProvidersExtensionPoint,
  SelfManagedInfrastructure,
} from '@cocktailcloud/plugin-cocktail-node';

const GROUP = 'infrastructure.cluster.x-k8s.io';
export const FAKE_CLUSTER_KIND = `${GROUP}/FakeCloudCluster`;
export const FAKE_MACHINE_TEMPLATE_KIND = `${GROUP}/FakeCloudMachineTemplate`;

const fakeCloud: SelfManagedInfrastructure = {
  clusterKind: FAKE_CLUSTER_KIND,
  machineTemplateKind: FAKE_MACHINE_TEMPLATE_KIND,
  renderCluster: ctx =>
    clusterObject(ctx, FAKE_CLUSTER_KIND, ctx.request.name, {
      spec: {
        datacenter: ctx.request.providerOptions?.datacenter,
        region: ctx.request.region,
      },
    }),
  renderMachineTemplate: (ctx, name, role, machineType) =>
    clusterObject(ctx, FAKE_MACHINE_TEMPLATE_KIND, name, {
      spec: { template: { spec: { flavor: machineType, role } } },
    }),
  nodeSetup: () => ({ kubeletArgs: {}, externalCloudProvider: false }),
};

/**
 * A backend module adding a Cluster API infrastructure provider, as an adopter running an
 * in-house or newer cloud (Nutanix, Harvester, …) would.
 */
export const fakeInfrastructureModule = createBackendModule({
  pluginId: 'cocktail',
  moduleId: 'fake-cloud-provider',
  register(env) {
    env.registerInit({
      deps: { providers: cocktailClusterApiProvidersExtensionPoint },
      async init({ providers }) {
        providers.addInfrastructureProvider({
          id: 'fakecloud',
          profile: {
            managed: false,
            regions: true,
            zones: false,
            region: 'north-1',
            machineType: 'f1.medium',
            options: {
              datacenter: {
                description: 'the data centre the cluster runs in',
                required: true,
              },
            },
          },
          selfManaged: fakeCloud,
          apiVersions: {
            [FAKE_CLUSTER_KIND]: `${GROUP}/v1alpha1`,
            [FAKE_MACHINE_TEMPLATE_KIND]: `${GROUP}/v1alpha1`,
          },
        });
      },
    });
  },
});
