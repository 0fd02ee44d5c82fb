import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadKubernetesClient } from '../clusters/kubernetesClient';
import { kubeConfigDiscovery } from './kubeConfigDiscovery';

describe('kubeConfigDiscovery', () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ path?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      seen.push({
        path: request.url,
        authorization: request.headers.authorization,
      });
      if (request.url === '/apis') {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ kind: 'APIGroupList', groups: [] }));
      } else {
        response.statusCode = 404;
        response.end('404 page not found');
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  async function kubeConfig() {
    const { KubeConfig } = await loadKubernetesClient();
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'management', server: url, skipTLSVerify: true }],
      users: [{ name: 'admin', token: 'secret-token' }],
      contexts: [{ name: 'management', cluster: 'management', user: 'admin' }],
      currentContext: 'management',
    });
    return config;
  }

  it("GETs discovery documents from the current context's cluster with its credentials", async () => {
    const get = kubeConfigDiscovery(await kubeConfig());

    await expect(get('/apis')).resolves.toEqual({
      kind: 'APIGroupList',
      groups: [],
    });
    expect(seen).toEqual([
      { path: '/apis', authorization: 'Bearer secret-token' },
    ]);
  });

  it('rejects with the status of a failed request', async () => {
    const get = kubeConfigDiscovery(await kubeConfig(), { cluster: 'test' });

    await expect(get('/apis/example.io/v1')).rejects.toThrow(
      'reading /apis/example.io/v1 on cluster test: not found (404)',
    );
  });
});
