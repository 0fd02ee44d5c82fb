import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CocktailBackendClient } from './CocktailBackendClient';

interface Answer {
  status: number;
  body: unknown;
}

let server: Server;
let baseUrl: string;
let answer: Answer;
let received: { method?: string; path?: string; authorization?: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    received = {
      method: req.method,
      path: req.url,
      authorization: req.headers.authorization,
    };
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

const credentials = mockCredentials.user('user:default/alice');
const orders = { namespace: 'default', name: 'orders' };

function createClient() {
  return new CocktailBackendClient({
    discovery: {
      getBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
    },
    auth: mockServices.auth(),
  });
}

function backendError(status: number, name: string, message: string): Answer {
  return {
    status,
    body: { error: { name, message }, response: { statusCode: status } },
  };
}

describe('CocktailBackendClient', () => {
  it('calls the backend with a token on behalf of the user who started the task', async () => {
    answer = {
      status: 200,
      body: { result: { dryRun: true, changes: [], applied: [], pruned: [] } },
    };
    const result = await createClient().deployServer(credentials, orders, {
      dryRun: true,
    });
    expect(result.dryRun).toBe(true);
    expect(received).toEqual({
      method: 'POST',
      path: '/api/cocktail/servers/default/orders/deploy',
      authorization: `Bearer ${mockCredentials.service.token({
        onBehalfOf: credentials,
        targetPluginId: 'cocktail',
      })}`,
    });
  });

  it.each([
    [400, 'InputError', 'replicas: expected a whole number'],
    [403, 'NotAllowedError', 'you are not allowed to cocktail.server.deploy'],
    [404, 'NotFoundError', 'servicemap:default/dev is not in the catalog'],
    [409, 'ConflictError', 'cocktailserver:default/orders is in the catalog'],
  ])(
    'passes on a %i refusal as %s with the backend message',
    async (status, name, message) => {
      answer = backendError(status, name, message);
      await expect(
        createClient().serverStatus(credentials, orders),
      ).rejects.toMatchObject({ name, message });
    },
  );

  it('keeps the status of other failures as the cause of the backend message', async () => {
    answer = backendError(
      500,
      'Error',
      'applying Cluster/demo failed: timeout. Nothing was applied.',
    );
    await expect(
      createClient().createCluster(credentials, {
        request: { name: 'demo' },
        dryRun: false,
      }),
    ).rejects.toMatchObject({
      message: 'applying Cluster/demo failed: timeout. Nothing was applied.',
      cause: { name: 'ResponseError', statusCode: 500 },
    });
  });
});
