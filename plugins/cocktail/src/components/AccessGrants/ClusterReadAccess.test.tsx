import { registerMswTestHooks } from '@backstage/test-utils';
import { AccessGrant } from '@cocktailcloud/plugin-cocktail-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import { clusterEntity } from '../../__testUtils__/fixtures';
import { ClusterReadAccess } from './ClusterReadAccess';

const server = createBackendServer();
registerMswTestHooks(server);

const CLUSTER_ACCESS_URL = `${COCKTAIL_URL}/clusters/prod/access`;

function clusterGrant(overrides: Partial<AccessGrant> = {}): AccessGrant {
  return {
    id: '7a2b3c4d-2222-4abc-8def-000000000002',
    scope: 'cluster',
    entityRef: 'resource:default/prod',
    cluster: 'prod',
    namespace: 'kube-system',
    userRef: 'user:default/erin',
    role: 'view',
    reason: 'incident review',
    serviceAccount: 'cocktail-access-erin-7a2b3c4d',
    tokenFingerprint: '0123456789abcdef',
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 30 * 60_000 - 1_000).toISOString(),
    ...overrides,
  };
}

describe('ClusterReadAccess', () => {
  it('lets a platform admin ask for read on the whole cluster and lists the grants', async () => {
    let sent: unknown;
    let granted = false;
    server.use(
      http.get(CLUSTER_ACCESS_URL, () =>
        HttpResponse.json({
          items: granted ? [clusterGrant()] : [],
          scope: 'all',
          allowedRoles: ['view'],
          maxDurationMinutes: 480,
        }),
      ),
      http.post(CLUSTER_ACCESS_URL, async ({ request }) => {
        sent = await request.json();
        granted = true;
        return HttpResponse.json(
          {
            result: {
              grant: clusterGrant(),
              kubeconfig: 'apiVersion: v1\nkind: Config\n',
              fileName: 'prod-cluster-read-erin-7a2b3c4d.kubeconfig',
            },
          },
          { status: 201 },
        );
      }),
    );
    await renderCocktail(<ClusterReadAccess entity={clusterEntity} />, {
      entity: clusterEntity,
    });
    expect(
      await screen.findByText('Read the whole cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/view on every namespace: read everything but Secrets/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Kubernetes role')).not.toBeInTheDocument();
    expect(
      await screen.findByText('Cluster-wide read grants (0)'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'incident review' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Get kubeconfig' }));
    expect(
      await screen.findByTestId('cocktail-access-issued'),
    ).toHaveTextContent('view access to kube-system on prod until');
    expect(sent).toEqual({ durationMinutes: 60, reason: 'incident review' });
    await waitFor(async () =>
      expect(await rowsOfTable('Cluster-wide read grants (1)')).toEqual([
        [
          'erincocktail-access-erin-7a2b3c4d',
          'view',
          'incident review',
          '30 min left',
          'Revoke',
        ],
      ]),
    );
  });

  it('shows others the form disabled with the reason, and asks for no grants', async () => {
    let listed = false;
    server.use(
      accessHandler({ deny: ['cocktail.access.cluster'] }),
      http.get(CLUSTER_ACCESS_URL, () => {
        listed = true;
        return HttpResponse.json({}, { status: 403 });
      }),
    );
    await renderCocktail(<ClusterReadAccess entity={clusterEntity} />, {
      entity: clusterEntity,
    });
    expect(
      await screen.findByTestId('cocktail-access-refusal'),
    ).toHaveTextContent('Reading a whole cluster with kubectl needs');
    expect(screen.getByLabelText('Reason')).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Get kubeconfig' }),
    ).toBeDisabled();
    expect(
      screen.queryByText(/Cluster-wide read grants/),
    ).not.toBeInTheDocument();
    expect(listed).toBe(false);
  });
});
