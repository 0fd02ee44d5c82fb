import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ServiceMapSummary } from '@cocktailcloud/plugin-cocktail-common';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import {
  serviceMapEntity,
  serviceMapSummary,
} from '../../__testUtils__/fixtures';
import { EntityServiceMapContent } from './EntityServiceMapContent';

const server = createBackendServer();
registerMswTestHooks(server);

const summaryUrl = `${COCKTAIL_URL}/servicemaps/default/payments-prod/summary`;

function givenSummary(summary: ServiceMapSummary | Response) {
  server.use(
    http.get(summaryUrl, () =>
      summary instanceof Response ? summary : HttpResponse.json(summary),
    ),
  );
}

describe('EntityServiceMapContent', () => {
  it('lists its servers with their state, readiness and revision', async () => {
    givenSummary(serviceMapSummary());
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(await rowsOfTable('Servers (2)')).toEqual([
      ['payments-worker', 'Deployment', 'Healthy', '2/2', '2'],
      ['payments-api', 'Deployment', 'Degraded', '1/3', '2'],
    ]);
    expect(
      screen.getByRole('link', { name: 'payments-worker' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/cocktailserver/payments-worker',
    );
  });

  it('shows how much of its namespace quota is used, per resource', async () => {
    givenSummary(serviceMapSummary());
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText('CPU: 3.80 of 32 (12%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Memory: 6.0 GiB of 64 GiB (9%)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Pods: 7 of 50 (14%)')).toBeInTheDocument();
    expect(
      screen.getByText('ResourceQuota in payments-prod on prod'),
    ).toBeInTheDocument();
    expect(screen.getByText('Watching, up to date')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'prod' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/prod',
    );
  });

  it('says that nothing limits a namespace without a ResourceQuota', async () => {
    givenSummary(
      serviceMapSummary({
        quota: {
          cluster: 'prod',
          namespace: 'payments-prod',
          found: false,
          hard: {},
          used: {},
        },
        servers: [],
      }),
    );
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText(
        'Namespace payments-prod has no ResourceQuota, so nothing limits what it uses. Provision the ServiceMap to create one from its quota.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No CocktailServers in the catalog belong here yet.'),
    ).toBeInTheDocument();
  });

  it('says why the quota could not be read', async () => {
    givenSummary(
      serviceMapSummary({
        quota: {
          cluster: 'prod',
          namespace: 'payments-prod',
          found: false,
          hard: {},
          used: {},
          error:
            'resourcequotas is forbidden: User "cocktail" cannot list resource "resourcequotas"',
        },
      }),
    );
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText(
        'Could not read the quota: resourcequotas is forbidden: User "cocktail" cannot list resource "resourcequotas"',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/has no ResourceQuota/)).not.toBeInTheDocument();
  });

  it('warns that the data is cached, since when and why, while the cluster does not answer', async () => {
    givenSummary(
      serviceMapSummary({
        clusterState: {
          cluster: 'prod',
          synced: true,
          stale: true,
          healthyAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          error: 'connect ECONNREFUSED 10.0.0.1:6443',
        },
      }),
    );
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText(
        'Cluster prod is not answering: showing what it reported 5m ago. Why: connect ECONNREFUSED 10.0.0.1:6443',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not answering; showing cached data'),
    ).toBeInTheDocument();
  });

  it('says the ServiceMap may still be processing when the backend does not know it', async () => {
    givenSummary(
      HttpResponse.json(
        {
          error: {
            name: 'NotFoundError',
            message: 'ServiceMap default/payments-prod not found',
          },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    await renderCocktail(<EntityServiceMapContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText('Error: ServiceMap: Not found'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'ServiceMap default/payments-prod not found. If it was just added, the catalog may still be processing it; try again in a minute.',
      ),
    ).toBeInTheDocument();
  });
});
