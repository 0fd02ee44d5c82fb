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
});
