import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSim } from '@cocktailcloud/kube-sim';
import request from 'supertest';
import { cocktailPlugin } from './plugin';

jest.setTimeout(60_000);

describe('cocktailPlugin', () => {
  it('serves its API wired to the configured clusters, the catalog and the database', async () => {
    const sim = await KubeSim.start({
      clusters: ['prod'],
      cluster: { controllers: false },
    });
    const backend = await startTestBackend({
      features: [
        cocktailPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cocktail: {
              clusters: [
                {
                  name: 'prod',
                  url: sim.cluster('prod').url,
                  skipTLSVerify: true,
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const clusters = await request(backend.server).get(
        '/api/cocktail/clusters',
      );
      expect(clusters.status).toBe(200);
      expect(clusters.body.items.map((c: any) => [c.name, c.source])).toEqual([
        ['prod', 'config'],
      ]);
      const described = await request(backend.server).get(
        '/api/cocktail/clusters/prod',
      );
      expect(described.body).toMatchObject({
        health: 'reachable',
        version: 'v1.33.0-kube-sim',
      });
      const verify = await request(backend.server).get(
        '/api/cocktail/audit/verify',
      );
      expect(verify.body).toEqual({ ok: true, checkedRows: 0 });
    } finally {
      await backend.stop();
      await sim.stop();
    }
  });

  it('lists a cluster whose credential source is refused with why, and never reaches it', async () => {
    const backend = await startTestBackend({
      features: [
        cocktailPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: {
                name: 'edge',
                namespace: 'default',
                annotations: {
                  'kubernetes.io/api-server': 'https://10.1.2.3:6443',
                  'kubernetes.io/auth-provider': 'serviceAccount',
                },
              },
              spec: { type: 'kubernetes-cluster', owner: 'group:ops' },
            },
          ],
        }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    try {
      const clusters = await request(backend.server).get(
        '/api/cocktail/clusters',
      );
      expect(clusters.body.items).toMatchObject([
        {
          name: 'edge',
          source: 'catalog',
          entityRef: 'resource:default/edge',
          error: expect.stringContaining(
            'until cocktail.catalogClusters.allowedApiServers lists its API server; add "10.1.2.3"',
          ),
        },
      ]);
      const described = await request(backend.server).get(
        '/api/cocktail/clusters/edge',
      );
      expect(described.status).toBe(403);
      expect(described.body.error.message).toMatch(
        /^Cluster "edge" is not reached: /,
      );
    } finally {
      await backend.stop();
    }
  });
});
