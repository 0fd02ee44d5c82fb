import type * as k8s from '@kubernetes/client-node';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MAX_CLUSTER_MESSAGE_CHARS } from '../kubernetes/describeRequestError';
import { createResourceClient } from './createResourceClient';
import { WATCHED_RESOURCES } from './watchedResources';

describe('createResourceClient', () => {
  let client: typeof k8s;
  let server: Server;
  let url: string;
  let answer: { status: number; body: string };

  beforeAll(async () => {
    client = await import('@kubernetes/client-node');
    server = createServer((_req, res) => {
      res.statusCode = answer.status;
      res.end(answer.body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  function listDeployments() {
    const kubeConfig = new client.KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    return createResourceClient(client, kubeConfig, WATCHED_RESOURCES[0]).list(
      () => {},
    );
  }

  it('says what an error status means without echoing a body that is not a Status', async () => {
    const page = `<html>${'internal-proxy.corp '.repeat(20_000)}</html>`;
    answer = { status: 502, body: page };

    const error = await listDeployments().catch(e => e);

    expect(error).toMatchObject({
      code: 502,
      message: 'a proxy in front of the cluster failed (502 Bad Gateway)',
    });
    expect(error.body.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('passes on a Status message, capped', async () => {
    answer = {
      status: 503,
      body: JSON.stringify({ kind: 'Status', message: 'x'.repeat(10_000) }),
    };

    const error = await listDeployments().catch(e => e);

    expect(error.message).toMatch(
      /^the cluster is unavailable \(503 Service Unavailable\): x+/,
    );
    expect(error.message.length).toBeLessThan(MAX_CLUSTER_MESSAGE_CHARS + 100);
  });
});
