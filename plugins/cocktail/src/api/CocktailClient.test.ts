import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CocktailClient } from './CocktailClient';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://localhost:7007/api/cocktail';
const worker = { namespace: 'default', name: 'payments-worker' };

function createClient() {
  return new CocktailClient({
    discoveryApi: { getBaseUrl: async id => `http://localhost:7007/api/${id}` },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('CocktailClient', () => {
  it('posts an operation as JSON and returns its result', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${base}/servers/default/payments-worker/scale`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json({
            result: { object: 'Deployment/payments-worker' },
          });
        },
      ),
    );
    await expect(createClient().scale(worker, 3)).resolves.toEqual({
      object: 'Deployment/payments-worker',
    });
    expect(body).toEqual({ replicas: 3 });
  });

  it('asks for a dry-run delete in the query string', async () => {
    let url = '';
    server.use(
      http.delete(`${base}/servers/default/payments-worker`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({
          result: {
            dryRun: true,
            objects: ['Deployment/payments-worker'],
            deleted: [],
          },
        });
      }),
    );
    const result = await createClient().deleteServer(worker, { dryRun: true });
    expect(new URL(url).searchParams.get('dryRun')).toBe('true');
    expect(result.objects).toEqual(['Deployment/payments-worker']);
  });

  it('sends every audit filter, repeating entityRef, with the page size and cursor', async () => {
    let params = new URLSearchParams();
    server.use(
      http.get(`${base}/audit`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );
    await createClient().queryAuditLog(
      {
        entityRefs: [
          'servicemap:default/payments-prod',
          'cocktailserver:default/payments-worker',
        ],
        actor: 'user:default/alice',
        outcome: 'failed',
        from: '2026-11-01T00:00:00.000Z',
      },
      { limit: 25, cursor: 'abc' },
    );
    expect(params.getAll('entityRef')).toEqual([
      'servicemap:default/payments-prod',
      'cocktailserver:default/payments-worker',
    ]);
    expect(params.get('actor')).toBe('user:default/alice');
    expect(params.get('outcome')).toBe('failed');
    expect(params.get('from')).toBe('2026-11-01T00:00:00.000Z');
    expect(params.has('to')).toBe(false);
    expect(params.get('limit')).toBe('25');
    expect(params.get('cursor')).toBe('abc');
  });

  it('throws a ResponseError that carries the backend message and status', async () => {
    server.use(
      http.get(`${base}/clusters/nope`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'cluster: no cluster named nope',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(createClient().describeCluster('nope')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: 'cluster: no cluster named nope' } },
    });
  });

  it('escapes names in the path', async () => {
    let path = '';
    server.use(
      http.get(
        `${base}/servicemaps/:namespace/:name/summary`,
        ({ request }) => {
          path = new URL(request.url).pathname;
          return HttpResponse.json({});
        },
      ),
    );
    await createClient().getServiceMapSummary({
      namespace: 'team a',
      name: 'x/y',
    });
    expect(path).toBe('/api/cocktail/servicemaps/team%20a/x%2Fy/summary');
  });
});
