import { ResponseError } from '@backstage/errors';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage, Server } from 'node:http';
import { CocktailApiClient } from './CocktailApiClient';

interface Received {
  method?: string;
  url: URL;
  authorization?: string;
  contentType?: string;
  body?: unknown;
}

interface Answer {
  status?: number;
  json?: unknown;
  text?: string;
  contentType?: string;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: (request: Received) => Answer = () => ({ json: {} });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const request: Received = {
      method: req.method,
      url: new URL(req.url!, baseUrl),
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: await readBody(req),
    };
    received.push(request);
    const { status = 200, json, text, contentType } = answer(request);
    res.writeHead(status, {
      'Content-Type':
        contentType ?? (text === undefined ? 'application/json' : 'text/plain'),
    });
    res.end(text ?? JSON.stringify(json));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  received = [];
  answer = () => ({ json: {} });
});

function createClient() {
  return new CocktailApiClient({
    discoveryApi: { getBaseUrl: async id => `${baseUrl}/api/${id}` },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

function backendError(status: number, name: string, message: string): Answer {
  return {
    status,
    json: { error: { name, message }, response: { statusCode: status } },
  };
}

const worker = { namespace: 'default', name: 'payments-worker' };

describe('CocktailApiClient', () => {
  it('reads from the cocktail plugin with the token it is given', async () => {
    answer = () => ({ json: { items: [{ name: 'dev' }] } });
    await expect(
      createClient().listClusters({ token: 'user-token' }),
    ).resolves.toEqual({ items: [{ name: 'dev' }] });
    expect(received[0].method).toBe('GET');
    expect(received[0].url.pathname).toBe('/api/cocktail/clusters');
    expect(received[0].authorization).toBe('Bearer user-token');
  });

  it('leaves authentication to the injected fetch when no token is given', async () => {
    await createClient().describeCluster('dev');
    expect(received[0].authorization).toBeUndefined();
    expect(received[0].url.pathname).toBe('/api/cocktail/clusters/dev');
  });

  it('asks what a person may do on an entity, by ref in the query', async () => {
    answer = () => ({ json: { entityRef: 'cocktailserver:default/api' } });
    await createClient().getEntityAccess('cocktailserver:default/api');
    expect(received[0].url.pathname).toBe('/api/cocktail/access');
    expect(received[0].url.searchParams.get('entityRef')).toBe(
      'cocktailserver:default/api',
    );
  });

  it('posts a server operation as JSON and returns its result', async () => {
    answer = () => ({ json: { result: { object: 'Deployment/api' } } });
    await expect(
      createClient().rollback(worker, '3', { dryRun: true }),
    ).resolves.toEqual({ object: 'Deployment/api' });
    expect(received[0]).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      body: { revision: '3', dryRun: true },
    });
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/servers/default/payments-worker/rollback',
    );
  });

  it('escapes namespaces and names in the path', async () => {
    await createClient().getServiceMapSummary({
      namespace: 'team a',
      name: 'x/y',
    });
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/servicemaps/team%20a/x%2Fy/summary',
    );
  });

  it('asks for a dry-run delete in the query string', async () => {
    answer = () => ({
      json: {
        result: { dryRun: true, objects: ['Deployment/x'], deleted: [] },
      },
    });
    const result = await createClient().deleteServer(worker, { dryRun: true });
    expect(received[0].method).toBe('DELETE');
    expect(received[0].url.searchParams.get('dryRun')).toBe('true');
    expect(result.objects).toEqual(['Deployment/x']);
  });

  it('names a server deployed inline by where it runs', async () => {
    await createClient().getInlineServerStatus({
      entityRef: 'cocktailserver:default/orders',
      cluster: 'dev',
      namespace: 'payments-dev',
      server: 'orders',
    });
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/servers/inline-status',
    );
    expect(Object.fromEntries(received[0].url.searchParams)).toEqual({
      entityRef: 'cocktailserver:default/orders',
      cluster: 'dev',
      namespace: 'payments-dev',
      server: 'orders',
    });
  });

  it('provisions a ServiceMap and returns what was applied', async () => {
    answer = () => ({
      json: { result: { dryRun: true, objects: ['Namespace/payments-dev'] } },
    });
    const result = await createClient().provisionServiceMap(
      { namespace: 'default', name: 'payments-dev' },
      { dryRun: true, defaultDenyNetworkPolicy: true },
    );
    expect(result.objects).toEqual(['Namespace/payments-dev']);
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/servicemaps/default/payments-dev/provision',
    );
    expect(received[0].body).toEqual({
      dryRun: true,
      defaultDenyNetworkPolicy: true,
    });
  });

  it('reads the summary of a Service', async () => {
    answer = () => ({ json: { entityRef: 'service:default/payments' } });
    await expect(
      createClient().getServiceSummary({
        namespace: 'default',
        name: 'payments',
      }),
    ).resolves.toEqual({ entityRef: 'service:default/payments' });
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/services/default/payments/summary',
    );
  });

  it("sends a scan's findings filters and page", async () => {
    answer = () => ({ json: { items: [], total: 0 } });
    await createClient().getScanFindings(
      '42',
      { severity: 'CRITICAL,HIGH', fixable: true, q: 'CVE-2024' },
      { limit: 20, cursor: '40' },
    );
    expect(received[0].url.pathname).toBe(
      '/api/cocktail/image-scans/42/findings',
    );
    expect(Object.fromEntries(received[0].url.searchParams)).toEqual({
      severity: 'CRITICAL,HIGH',
      fixable: 'true',
      q: 'CVE-2024',
      limit: '20',
      cursor: '40',
    });
  });

  it('sends every audit filter, repeating entityRef, with the page size and cursor', async () => {
    answer = () => ({ json: { items: [] } });
    await createClient().queryAuditLog(
      {
        entityRefs: ['servicemap:default/payments-prod', 'service:default/p'],
        outcome: 'failed',
        from: '2026-11-01T00:00:00.000Z',
      },
      { limit: 25, cursor: 'abc' },
    );
    const params = received[0].url.searchParams;
    expect(received[0].url.pathname).toBe('/api/cocktail/audit');
    expect(params.getAll('entityRef')).toEqual([
      'servicemap:default/payments-prod',
      'service:default/p',
    ]);
    expect(params.get('outcome')).toBe('failed');
    expect(params.has('to')).toBe(false);
    expect(params.get('limit')).toBe('25');
    expect(params.get('cursor')).toBe('abc');
  });

  it('downloads the audit export as a file', async () => {
    answer = () => ({ text: 'id,actor\n1,user:default/alice\n' });
    const blob = await createClient().exportAuditLog(
      { actor: 'user:default/alice' },
      'csv',
    );
    await expect(blob.text()).resolves.toBe('id,actor\n1,user:default/alice\n');
    expect(received[0].url.pathname).toBe('/api/cocktail/audit/export');
    expect(received[0].url.searchParams.get('format')).toBe('csv');
    expect(received[0].url.searchParams.get('actor')).toBe(
      'user:default/alice',
    );
  });

  it('creates a cluster through Cluster API and follows it', async () => {
    answer = request =>
      request.method === 'POST'
        ? { json: { result: { entityRef: 'resource:default/demo' } } }
        : { json: { phase: 'Provisioned', kubeconfigSecret: true } };
    const client = createClient();
    const created = await client.createCluster({
      request: { name: 'demo', provider: 'docker' },
      dryRun: false,
      owner: 'group:default/platform',
    });
    const status = await client.getClusterProvisioningStatus({
      namespace: 'default',
      name: 'demo',
    });
    expect(created.entityRef).toBe('resource:default/demo');
    expect(status.phase).toBe('Provisioned');
    expect(received.map(r => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/cocktail/cluster-api/clusters',
      'GET /api/cocktail/cluster-api/clusters/default/demo',
    ]);
    expect(received[0].body).toEqual({
      request: { name: 'demo', provider: 'docker' },
      dryRun: false,
      owner: 'group:default/platform',
    });
  });

  it.each([
    [403, 'NotAllowedError', 'you are not allowed to cocktail.server.scale'],
    [409, 'ConflictError', 'the Deployment changed; reload it'],
    [404, 'NotFoundError', 'cluster: no cluster named nope'],
  ])(
    'turns a %i answer into a ResponseError with the backend error',
    async (status, name, message) => {
      answer = () => backendError(status, name, message);
      const error = await createClient()
        .scale(worker, 3)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error).toMatchObject({
        statusCode: status,
        body: { error: { name, message } },
        cause: { name, message },
      });
    },
  );

  it('keeps the status of an answer that is not JSON', async () => {
    answer = () => ({ status: 502, text: 'Bad Gateway' });
    await expect(createClient().verifyAuditChain()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 502,
    });
  });
});
