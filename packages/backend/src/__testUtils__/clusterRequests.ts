import { mockServices } from '@backstage/backend-test-utils';
import { CocktailBackendClient } from '@cocktailcloud/plugin-scaffolder-backend-module-cocktail';
import { authorizationOf } from './startMatrixBackend';

/** A small Cluster API cluster on the Docker provider: what the tests create and refuse. */
export function dockerClusterRequest(
  name: string,
  sizes: { workers?: number } = {},
) {
  return {
    name,
    provider: 'docker',
    kubernetesVersion: 'v1.32.2',
    controlPlane: { replicas: 1 },
    nodePools: [{ name: 'workers', replicas: sizes.workers ?? 1 }],
    labels: { team: 'platform', environment: 'development' },
  };
}

/** The client the scaffolder actions use, pointed at a test backend. */
export function backendClientFor(baseUrl: string) {
  return new CocktailBackendClient({
    discovery: {
      getBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
    },
    auth: mockServices.auth(),
  });
}

/** Creates the `demo` Cluster API cluster (as erin) and waits until it is Provisioned. */
export async function createDemoCluster(baseUrl: string) {
  const headers = {
    Authorization: authorizationOf('erin'),
    'Content-Type': 'application/json',
  };
  const created = await fetch(`${baseUrl}/api/cocktail/cluster-api/clusters`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      request: {
        ...dockerClusterRequest('demo', { workers: 2 }),
        labels: { team: 'payments', environment: 'development' },
      },
    }),
  });
  if (created.status !== 200) {
    throw new Error(
      `creating the demo cluster: ${created.status} ${await created.text()}`,
    );
  }
  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = await fetch(
      `${baseUrl}/api/cocktail/cluster-api/clusters/default/demo`,
      { headers },
    ).then(r => r.json());
    if (status.phase === 'Provisioned') {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the demo cluster stayed ${status.phase}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
