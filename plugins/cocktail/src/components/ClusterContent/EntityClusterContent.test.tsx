import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ClusterDescription } from '@cocktailcloud/plugin-cocktail-common';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import {
  clusterDescription,
  clusterEntity,
} from '../../__testUtils__/fixtures';
import { EntityClusterContent } from './EntityClusterContent';

const server = createBackendServer();
registerMswTestHooks(server);

function givenCluster(description: ClusterDescription | Response) {
  server.use(
    http.get(`${COCKTAIL_URL}/clusters/prod/access`, () =>
      HttpResponse.json({
        items: [],
        scope: 'all',
        allowedRoles: ['view'],
        maxDurationMinutes: 480,
      }),
    ),
    http.get(`${COCKTAIL_URL}/clusters/prod`, () =>
      description instanceof Response
        ? description
        : HttpResponse.json(description),
    ),
  );
}

describe('EntityClusterContent', () => {
  it('shows the health, version and ready nodes of a reachable cluster', async () => {
    givenCluster(clusterDescription());
    await renderCocktail(<EntityClusterContent />, { entity: clusterEntity });

    expect(await screen.findByText('3 ready of 3')).toBeInTheDocument();
    expect(screen.getByText('Healthy')).toBeInTheDocument();
    expect(screen.getByText('v1.30.4')).toBeInTheDocument();
    expect(screen.getByText('eks')).toBeInTheDocument();
    expect(screen.getByText('eu-west-1')).toBeInTheDocument();
  });

  it('lists the nodes with their state, roles, kubelet and allocatable capacity', async () => {
    givenCluster(
      clusterDescription({
        nodes: [
          {
            name: 'prod-node-1',
            ready: true,
            kubeletVersion: 'v1.30.4',
            roles: ['control-plane'],
            allocatable: { cpu: '3920m', memory: '15Gi', pods: '110' },
          },
          {
            name: 'prod-node-2',
            ready: false,
            kubeletVersion: 'v1.30.2',
            roles: [],
            allocatable: { cpu: '7910m', memory: '31Gi', pods: '110' },
          },
        ],
      }),
    );
    await renderCocktail(<EntityClusterContent />, { entity: clusterEntity });

    expect(await rowsOfTable('Nodes (2)')).toEqual([
      [
        'prod-node-1',
        'Ready',
        'control-plane',
        'v1.30.4',
        '3920m',
        '15Gi',
        '110',
        'Cordon…Drain…',
      ],
      [
        'prod-node-2',
        'Not ready',
        'worker',
        'v1.30.2',
        '7910m',
        '31Gi',
        '110',
        'Cordon…Drain…',
      ],
    ]);
    expect(screen.getByText('1 ready of 2')).toBeInTheDocument();
    expect(screen.getByText('Nodes not ready')).toBeInTheDocument();
  });

  it('links to the ServiceMaps that run on the cluster', async () => {
    givenCluster(clusterDescription());
    await renderCocktail(<EntityClusterContent />, { entity: clusterEntity });

    expect(
      await screen.findByText('ServiceMaps on this cluster (1)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments-prod' })).toHaveAttribute(
      'href',
      '/catalog/default/servicemap/payments-prod',
    );
  });

  it('says when no ServiceMap runs on the cluster', async () => {
    givenCluster(clusterDescription());
    await renderCocktail(<EntityClusterContent />, {
      entity: { ...clusterEntity, relations: [] },
    });

    expect(
      await screen.findByText(
        'No ServiceMap in the catalog runs on this cluster.',
      ),
    ).toBeInTheDocument();
  });

  it('says the cluster is unreachable, why, and that its nodes are unknown', async () => {
    givenCluster(
      clusterDescription({
        health: 'unreachable',
        version: undefined,
        nodes: undefined,
        error: 'connect ETIMEDOUT 10.0.0.1:6443',
      }),
    );
    await renderCocktail(<EntityClusterContent />, { entity: clusterEntity });

    expect(await screen.findByText('Unreachable')).toBeInTheDocument();
    expect(
      screen.getByText('connect ETIMEDOUT 10.0.0.1:6443'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nodes are unknown while the cluster does not answer.'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('unknown')).toHaveLength(2);
  });

  it('tells a user who may not read clusters what to do', async () => {
    givenCluster(
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
    );
    await renderCocktail(<EntityClusterContent />, { entity: clusterEntity });

    expect(
      await screen.findByText(
        'Error: Cluster prod: You do not have permission',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'you are not allowed to cocktail.cluster.read. Ask a platform administrator or an admin of the Service to grant it.',
      ),
    ).toBeInTheDocument();
  });
});
