import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ServiceSummary } from '@cocktailcloud/plugin-cocktail-common';
import {
  COCKTAIL_URL,
  accessHandler,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serviceEntity, serviceSummary } from '../../__testUtils__/fixtures';
import { EntityServiceContent } from './EntityServiceContent';

const server = createBackendServer();
registerMswTestHooks(server);

const summaryUrl = `${COCKTAIL_URL}/services/default/payments/summary`;

function givenSummary(summary: ServiceSummary | Response) {
  server.use(
    http.get(summaryUrl, () =>
      summary instanceof Response ? summary : HttpResponse.json(summary),
    ),
  );
}

function cellsOf(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent ?? '');
}

/** The text of each cell of each body row of the table under the given heading. */
async function rowsOfTable(title: string): Promise<string[][]> {
  let table: HTMLElement | null = await screen.findByText(title);
  while (table && !table.querySelector('table')) {
    table = table.parentElement;
  }
  return within(table!.querySelector('tbody')!)
    .getAllByRole('row')
    .map(cellsOf);
}

describe('EntityServiceContent', () => {
  it('lists the members with their roles and what each role allows', async () => {
    givenSummary(serviceSummary());
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(
      screen.getByText('Owner: group:default/payments-team'),
    ).toBeInTheDocument();
    expect(await rowsOfTable('Members')).toEqual([
      [
        'alice',
        'admin',
        'everything a developer can, and deletes servers, provisions ServiceMaps, overrides the scan gate',
      ],
      [
        'bob',
        'developer',
        'deploys, updates images, restarts, scales, rolls back, suspends servers; uploads scans',
      ],
      [
        'carol',
        'viewer',
        'reads status, monitoring, the audit log and image scans',
      ],
    ]);
  });

  it("shows the signed-in person's role on the Service", async () => {
    givenSummary(serviceSummary());
    server.use(accessHandler({ role: 'developer' }));
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(await screen.findByTestId('cocktail-your-role')).toHaveTextContent(
      'You are a developer on Payments.',
    );
  });

  it('lists every environment with its cluster, namespace, healthy servers and quota use', async () => {
    givenSummary(serviceSummary());
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(await rowsOfTable('Environments (2)')).toEqual([
      [
        'dev',
        'payments-dev',
        'dev',
        'payments-dev',
        '1 of 1',
        '0.70 of 4',
        '2.0 GiB of 8.0 GiB',
      ],
      [
        'prod',
        'payments-prod',
        'prod',
        'payments-prod',
        '1 of 2',
        '3.80 of 32',
        '6.0 GiB of 64 GiB',
      ],
    ]);
  });

  it('shows what the ServiceMaps assign of the Service quota and what they use of it', async () => {
    givenSummary(serviceSummary());
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(await rowsOfTable('Quota')).toEqual([
      ['CPU', '12 of 16 (75%)', '4.50 of 12 (38%)'],
      ['Memory', '48 GiB of 64 GiB (75%)', '12 GiB of 48 GiB (25%)'],
      ['Pods', '60 of 100 (60%)', '9 of 60 (15%)'],
    ]);
    expect(screen.queryByText(/Over-assigned/)).not.toBeInTheDocument();
  });

  it('warns when the ServiceMaps assign more than the Service quota allows', async () => {
    givenSummary(
      serviceSummary({
        assigned: {
          cpu: 20,
          memory: 80 * 2 ** 30,
          gpu: 0,
          storage: 0,
          pods: 60,
        },
      }),
    );
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(
      await screen.findByText(
        "Over-assigned: the ServiceMaps assign more CPU, Memory than the Service's quota allows.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('20 of 16 (100%)')).toBeInTheDocument();
  });

  it('lists the servers of every environment with their state', async () => {
    givenSummary(serviceSummary());
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(await rowsOfTable('Servers in every environment')).toEqual([
      ['payments-worker', 'prod', 'Deployment', 'Healthy', '2/2', '2'],
      ['payments-api', 'prod', 'Deployment', 'Degraded', '1/3', '2'],
      ['payments-worker-dev', 'dev', 'Deployment', 'Healthy', '1/1', '2'],
    ]);
  });

  it('says what is missing for a new Service without members, ServiceMaps or quota', async () => {
    givenSummary(
      serviceSummary({
        allocated: undefined,
        assigned: { cpu: 0, memory: 0, gpu: 0, storage: 0, pods: 0 },
        used: { cpu: 0, memory: 0, gpu: 0, storage: 0, pods: 0 },
        serviceMaps: [],
      }),
    );
    await renderCocktail(<EntityServiceContent />, {
      entity: {
        ...serviceEntity,
        spec: { owner: 'group:default/payments-team' },
      },
    });

    expect(
      await screen.findByText(
        'This Service has no ServiceMaps in the catalog yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Neither the Service nor its ServiceMaps set a quota.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No CocktailServers in the catalog belong here yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No members besides the owner.'),
    ).toBeInTheDocument();
  });

  it('still shows the members when the summary cannot be loaded', async () => {
    givenSummary(
      HttpResponse.json(
        {
          error: { name: 'Error', message: 'catalog query failed' },
          response: { statusCode: 500 },
        },
        { status: 500 },
      ),
    );
    await renderCocktail(<EntityServiceContent />, { entity: serviceEntity });

    expect(
      await screen.findByText(
        'Error: Service summary: The Cocktail backend reported an error',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog query failed')).toBeInTheDocument();
    expect(await rowsOfTable('Members')).toHaveLength(3);
  });
});
