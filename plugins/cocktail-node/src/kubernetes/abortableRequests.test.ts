import http from 'node:http';
import { AddressInfo } from 'node:net';
import type * as k8s from '@kubernetes/client-node';
import {
  makeAbortableApiClient,
  RequestTimeoutError,
  runWithDeadline,
} from './abortableRequests';

describe('runWithDeadline with an abortable client', () => {
  let server: http.Server;
  let closedRequests: number;
  let client: typeof k8s;
  let kubeConfig: k8s.KubeConfig;

  beforeAll(async () => {
    client = await import('@kubernetes/client-node');
    // A cluster that never answers, and notices when a client gives up on a request.
    server = http.createServer((_req, res) => {
      res.on('close', () => {
        if (!res.writableEnded) {
          closedRequests += 1;
        }
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    kubeConfig = new client.KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        { name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true },
      ],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
  });

  beforeEach(() => {
    closedRequests = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  async function eventually(check: () => boolean) {
    const deadline = Date.now() + 3000;
    while (!check() && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }

  it('aborts the HTTP request at the deadline instead of leaving it running', async () => {
    const core = makeAbortableApiClient(client, kubeConfig, client.CoreV1Api);
    await expect(
      runWithDeadline(200, () => core.listNamespace()),
    ).rejects.toBeInstanceOf(RequestTimeoutError);
    await eventually(() => closedRequests === 1);
    expect(closedRequests).toBe(1);
  });

  it('aborts requests of the generic object API too', async () => {
    const objects = makeAbortableApiClient(
      client,
      kubeConfig,
      client.KubernetesObjectApi,
    );
    await expect(
      runWithDeadline(200, () =>
        objects.read({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'x', namespace: 'default' },
        }),
      ),
    ).rejects.toThrow('no answer within 0.2 s');
    await eventually(() => closedRequests === 1);
    expect(closedRequests).toBe(1);
  });
});
