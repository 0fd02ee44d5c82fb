import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serverEntity, serverStatus } from '../../__testUtils__/fixtures';
import { EntityServerOverviewContent } from './EntityServerOverviewContent';

const server = createBackendServer();
registerMswTestHooks(server);

const statusUrl = `${COCKTAIL_URL}/servers/default/payments-worker/status`;
const driftUrl = `${COCKTAIL_URL}/servers/default/payments-worker/drift`;

describe('EntityServerOverviewContent', () => {
  it('shows the live status, the spec and that the cluster matches the catalog', async () => {
    server.use(
      http.get(statusUrl, () => HttpResponse.json(serverStatus())),
      http.get(driftUrl, () =>
        HttpResponse.json({
          objects: [
            {
              object: 'Deployment/payments-worker',
              state: 'in-sync',
              changes: [],
            },
          ],
        }),
      ),
    );
    await renderCocktail(<EntityServerOverviewContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText('2 ready of 2 desired (2 updated, 2 available)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Healthy')).toBeInTheDocument();
    expect(
      screen.getByText('worker: harbor.example.com/payments/api:1.4.2'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('In sync: all 1 objects match the catalog.'),
    ).toBeInTheDocument();
  });

  it('says how old stale data is and why, while a cluster does not answer', async () => {
    server.use(
      http.get(statusUrl, () =>
        HttpResponse.json(
          serverStatus({
            stale: true,
            staleForSeconds: 125,
            error: 'connect ECONNREFUSED 10.0.0.1:6443',
          }),
        ),
      ),
      http.get(driftUrl, () => HttpResponse.json({ objects: [] })),
    );
    await renderCocktail(<EntityServerOverviewContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(
        'Cluster prod is not answering: showing what it reported 2m ago. Why: connect ECONNREFUSED 10.0.0.1:6443',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Healthy (stale)')).toBeInTheDocument();
  });

  it('lists what drifted and how to bring it back', async () => {
    server.use(
      http.get(statusUrl, () => HttpResponse.json(serverStatus())),
      http.get(driftUrl, () =>
        HttpResponse.json({
          objects: [
            {
              object: 'Deployment/payments-worker',
              state: 'drifted',
              changes: [{ path: 'spec.replicas', expected: 2, actual: 5 }],
            },
            {
              object: 'Service/payments-worker',
              state: 'missing',
              changes: [],
            },
          ],
        }),
      ),
    );
    await renderCocktail(<EntityServerOverviewContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText('spec.replicas: catalog 2, cluster 5'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Service\/payments-worker is in the catalog but not on the cluster/,
      ),
    ).toBeInTheDocument();
  });

  it('tells a user without permission what to do instead of showing raw JSON', async () => {
    server.use(
      http.get(statusUrl, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'you are not allowed to cocktail.server.read on cocktailserver:default/payments-worker',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
      http.get(driftUrl, () => HttpResponse.json({ objects: [] })),
    );
    await renderCocktail(<EntityServerOverviewContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(/Live status: You do not have permission/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'you are not allowed to cocktail.server.read on cocktailserver:default/payments-worker. Ask a platform administrator or an admin of the Service to grant it.',
      ),
    ).toBeInTheDocument();
  });

  it('says the server is not deployed when nothing of it runs', async () => {
    server.use(
      http.get(statusUrl, () =>
        HttpResponse.json(
          serverStatus({ found: false, kind: undefined, pods: [] }),
        ),
      ),
      http.get(driftUrl, () => HttpResponse.json({ objects: [] })),
    );
    await renderCocktail(<EntityServerOverviewContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(/Nothing of this server runs on cluster prod/),
    ).toBeInTheDocument();
    expect(screen.getByText('Not deployed')).toBeInTheDocument();
  });
});
