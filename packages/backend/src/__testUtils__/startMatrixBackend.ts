import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleCocktail from '@cocktailcloud/plugin-catalog-backend-module-cocktail';
import cocktailPlugin from '@cocktailcloud/plugin-cocktail-backend';
import kubernetesModuleCocktail from '@cocktailcloud/plugin-kubernetes-backend-module-cocktail';
import cocktailPolicyModule from '@cocktailcloud/plugin-permission-backend-module-cocktail-policy';
import { KubeSim, seedManifestDirectory } from '@cocktailcloud/kube-sim';
import path from 'node:path';
import { catalogUserInfoFactory } from './catalogUserInfo';
import { writeCrossedEntities } from './matrixCatalog';
import { oboAuthFactories } from './oboAuth';

/**
 * The portal's backend as `packages/backend` wires it for tenancy — the catalog with the
 * example entities, the permission backend with the shipped Cocktail policy, the Cocktail and
 * Kubernetes plugins — against simulated `dev` and `prod` clusters seeded with the examples.
 */
export async function startMatrixBackend(
  repoRoot: string,
  options: {
    /** Merged over the `cocktail` config the matrix uses. */
    cocktail?: Record<string, unknown>;
    /** Config besides `cocktail`, such as `backend.database`. */
    config?: Record<string, unknown>;
    /** Service factories that replace the test backend's, such as a real database. */
    services?: Array<
      ServiceFactory<unknown, 'root' | 'plugin', 'singleton' | 'multiton'>
    >;
    /** The simulated clusters of another backend, for a second replica of it. */
    sim?: KubeSim;
    /** A real Alertmanager both clusters' alerts go to (told apart by a `cluster` label). */
    alertmanagerUrl?: string;
  } = {},
) {
  const sim = options.sim ?? (await startSeededClusters(repoRoot));
  const crossed = await writeCrossedEntities();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleCocktail,
      permissionPlugin,
      cocktailPolicyModule,
      cocktailPlugin,
      kubernetesPlugin,
      kubernetesModuleCocktail,
      permissionsServiceFactory,
      ...oboAuthFactories,
      catalogUserInfoFactory([path.join(repoRoot, 'examples/org.yaml')]),
      ...(options.services ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          permission: { enabled: true },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Resource',
                  'Location',
                  'Group',
                  'User',
                  'Service',
                  'ServiceMap',
                  'CocktailServer',
                ],
              },
            ],
            locations: [
              {
                type: 'file',
                target: path.join(repoRoot, 'examples/all.yaml'),
              },
              { type: 'file', target: crossed },
            ],
            processingInterval: { seconds: 1 },
          },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
          cocktail: {
            permissions: { platformAdmins: ['group:default/platform-team'] },
            clusters: ['dev', 'prod'].map(name => ({
              name,
              url: sim.cluster(name).url,
              serviceAccountToken: 'matrix',
              skipTLSVerify: true,
              ...(options.alertmanagerUrl && {
                alertmanager: {
                  url: options.alertmanagerUrl,
                  labels: { cluster: name },
                },
              }),
            })),
            clusterApi: { managementCluster: 'dev', policies: [] },
            ...options.cocktail,
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;
  return { sim, backend, baseUrl };
}

/** The demo's people, as user refs. */
export const PEOPLE = {
  erin: 'user:default/erin',
  alice: 'user:default/alice',
  bob: 'user:default/bob',
  carol: 'user:default/carol',
  dave: 'user:default/dave',
  guest: 'user:development/guest',
} as const;
export type Person = keyof typeof PEOPLE;

/** The Authorization header a person's browser would send (the test backend's mock token). */
export function authorizationOf(person: Person): string {
  return mockCredentials.user.header(PEOPLE[person]);
}

/** The simulated `dev` and `prod` clusters, seeded with the demo's manifests. */
async function startSeededClusters(repoRoot: string): Promise<KubeSim> {
  const sim = await KubeSim.start({
    clusters: ['dev', 'prod'],
    clusterApi: ['dev'],
    cluster: {
      controllers: { podReadyDelayMs: 20, syncPeriodMs: 100 },
      clusterApiProvisionMs: 300,
    } as any,
  });
  await seedManifestDirectory(
    sim,
    path.join(repoRoot, 'test/fixtures/demo-manifests'),
  );
  return sim;
}
