import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  ClusterDescription,
  ClusterListItem,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import {
  clusterDescription,
  clusterListItem,
} from '../../__testUtils__/fixtures';
import { ClustersPageContent } from './ClustersPage';

const server = createBackendServer();
registerMswTestHooks(server);

const dev = clusterListItem({
  name: 'dev',
  title: 'Development',
  source: 'config',
  provider: 'kind',
  region: undefined,
  entityRef: undefined,
  cache: { cluster: 'dev', synced: true, stale: false },
  serviceMaps: 2,
  servers: 5,
});
const prod = clusterListItem();

const devDescription = clusterDescription({
  name: 'dev',
  title: 'Development',
  source: 'config',
  provider: 'kind',
  region: undefined,
  entityRef: undefined,
  version: 'v1.31.0',
  nodes: [{ name: 'dev-control-plane', ready: true, roles: ['control-plane'] }],
});

/** The backend lists `items`; each cluster's description comes from `describe`. */
function givenClusters(
  items: ClusterListItem[],
  describe: Record<string, () => Promise<Response> | Response> = {},
) {
  server.use(
    http.get(`${COCKTAIL_URL}/clusters`, () => HttpResponse.json({ items })),
    http.get(`${COCKTAIL_URL}/clusters/:name`, ({ params }) =>
      describe[params.name as string](),
    ),
  );
}

const answer = (description: ClusterDescription) => () =>
  HttpResponse.json(description);

/** Each cell's text, its separate lines (provider and region, health and why) joined by spaces. */
function cellsOf(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map(cell => {
      const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      while (texts.nextNode()) {
        parts.push(texts.currentNode.textContent ?? '');
      }
      return parts.join(' ').replace(/\s+/g, ' ').trim();
    });
}

/** The table row of a cluster; the table re-renders its rows as descriptions arrive. */
function rowOf(cluster: string) {
  return screen.getByText(cluster).closest('tr')!;
}

describe('ClustersPageContent', () => {
  it('lists every cluster with its health, version, nodes, provider and what runs on it', async () => {
    givenClusters([dev, prod], {
      dev: answer(devDescription),
      prod: answer(clusterDescription()),
    });
    await renderCocktail(<ClustersPageContent />);

    expect(await screen.findByText('v1.30.4')).toBeInTheDocument();
    expect(await screen.findByText('v1.31.0')).toBeInTheDocument();
    expect(cellsOf(rowOf('Development'))).toEqual([
      'Development dev, from config',
      'Healthy',
      'v1.31.0',
      '1',
      'kind',
      '2',
      '5',
    ]);
    expect(cellsOf(rowOf('Production'))).toEqual([
      'Production prod, from catalog',
      'Healthy',
      'v1.30.4',
      '3',
      'eks eu-west-1',
      '4',
      '11',
    ]);
    expect(screen.getByRole('link', { name: 'Production' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/prod',
    );
  });

  it('shows a reachable cluster while an unreachable one is still being asked, then why it failed', async () => {
    let answerProd: () => void = () => {};
    const prodAnswered = new Promise<void>(resolve => {
      answerProd = resolve;
    });
    givenClusters(
      [
        dev,
        clusterListItem({
          cache: {
            cluster: 'prod',
            synced: true,
            stale: true,
            healthyAt: new Date(Date.now() - 10 * 60_000).toISOString(),
            error: 'connect ETIMEDOUT 10.0.0.1:6443',
          },
        }),
      ],
      {
        dev: answer(devDescription),
        prod: async () => {
          await prodAnswered;
          return HttpResponse.json(
            clusterDescription({
              health: 'unreachable',
              version: undefined,
              nodes: undefined,
              error: 'connect ETIMEDOUT 10.0.0.1:6443',
            }),
          );
        },
      },
    );
    await renderCocktail(<ClustersPageContent />);

    expect(await screen.findByText('v1.31.0')).toBeInTheDocument();
    expect(within(rowOf('Production')).getByText('…')).toBeInTheDocument();
    expect(
      within(rowOf('Production')).getByText('Watch interrupted'),
    ).toBeInTheDocument();

    answerProd();

    expect(await screen.findByText('Unreachable')).toBeInTheDocument();
    expect(cellsOf(rowOf('Production'))).toEqual([
      'Production prod, from catalog',
      'Unreachable connect ETIMEDOUT 10.0.0.1:6443 cached data 10m old',
      'unknown',
      '',
      'eks eu-west-1',
      '4',
      '11',
    ]);
    expect(cellsOf(rowOf('Development'))[1]).toBe('Healthy');
  });

  it('falls back to the cached health when a cluster cannot be described', async () => {
    givenClusters([dev], {
      dev: () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'kubeconfig for dev is invalid' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
    });
    await renderCocktail(<ClustersPageContent />);

    expect(await screen.findByText('unknown')).toBeInTheDocument();
    expect(cellsOf(rowOf('Development')).slice(0, 3)).toEqual([
      'Development dev, from config',
      'Healthy',
      'unknown',
    ]);
  });

  it('says why a cluster whose credential source is refused is not reached', async () => {
    const refusal =
      'its API server https://10.1.2.3:6443 is not in cocktail.catalogClusters.allowedApiServers';
    givenClusters(
      [
        clusterListItem({
          error: refusal,
          cache: { cluster: 'prod', synced: false, stale: true },
        }),
      ],
      {
        prod: () =>
          HttpResponse.json(
            {
              error: { name: 'NotAllowedError', message: refusal },
              response: { statusCode: 403 },
            },
            { status: 403 },
          ),
      },
    );
    await renderCocktail(<ClustersPageContent />);

    await waitFor(() =>
      expect(cellsOf(rowOf('Production'))[1]).toContain(
        `Not reached: ${refusal}`,
      ),
    );
  });

  it('explains how to register a cluster when none is registered', async () => {
    givenClusters([]);
    await renderCocktail(<ClustersPageContent />);

    expect(
      await screen.findByText(/No clusters are registered/),
    ).toHaveTextContent(
      'No clusters are registered. Add one under cocktail.clusters in app-config, or register a Resource of type kubernetes-cluster in the catalog.',
    );
    expect(screen.getByRole('link', { name: 'catalog' })).toHaveAttribute(
      'href',
      '/catalog?filters[kind]=resource',
    );
  });

  it('tells a user who may not list clusters what to do', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/clusters`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'you are not allowed to cocktail.cluster.read',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderCocktail(<ClustersPageContent />);

    expect(
      await screen.findByText('Error: Clusters: You do not have permission'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'you are not allowed to cocktail.cluster.read. Ask a platform administrator or an admin of the Service to grant it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Clusters \(/)).not.toBeInTheDocument();
  });
});
