import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { KubernetesClientModule } from '../kubernetesClient';
import { CatalogClusterSource } from '../types';

export const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUcocktail\n-----END CERTIFICATE-----\n';
export const CA_DATA = Buffer.from(PEM).toString('base64');

export const serviceCredentials = mockCredentials.service('plugin:cocktail');

export function loadClient(): Promise<KubernetesClientModule> {
  return import('@kubernetes/client-node');
}

/** A `cocktail.clusters[]` entry as app-config would hold it. */
export type ClusterEntry = Record<string, string | number | boolean>;

type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

/** `cocktail.clusters`, with other `cocktail` keys such as `catalogClusters`. */
export function clustersConfig(
  clusters: ClusterEntry[],
  cocktail: ConfigData = {},
): ConfigReader {
  return new ConfigReader({ cocktail: { clusters, ...cocktail } });
}

/** A kubernetes-cluster Resource as the catalog returns it. */
export function clusterResource(
  name: string,
  annotations: Record<string, string>,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations, ...metadata },
    spec: { type: 'kubernetes-cluster', owner: 'group:platform-team' },
  };
}

export function fakeCatalog(items: Entity[] = []) {
  return {
    getEntities: jest.fn<
      ReturnType<CatalogClusterSource['getEntities']>,
      Parameters<CatalogClusterSource['getEntities']>
    >(async () => ({ items })),
  };
}

/**
 * A kubeconfig with two contexts: `dev` (the current one, HTTPS with a CA and
 * a token) and `ops` (plain HTTP with insecure-skip-tls-verify and a token).
 */
export function twoContextKubeconfig(): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'dev',
    clusters: [
      {
        name: 'dev-cluster',
        cluster: {
          server: 'https://dev.example.com:6443',
          'certificate-authority-data': CA_DATA,
        },
      },
      {
        name: 'ops-cluster',
        cluster: {
          server: 'http://127.0.0.1:18443',
          'insecure-skip-tls-verify': true,
        },
      },
    ],
    users: [
      { name: 'dev-user', user: { token: 'dev-token' } },
      { name: 'ops-user', user: { token: 'ops-token' } },
    ],
    contexts: [
      { name: 'dev', context: { cluster: 'dev-cluster', user: 'dev-user' } },
      { name: 'ops', context: { cluster: 'ops-cluster', user: 'ops-user' } },
    ],
  });
}
