import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  ClusterAddonsResponse,
  ClusterApiOverview,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import { ClusterApiSection } from './ClusterApiSection';

const server = createBackendServer();
registerMswTestHooks(server);

const BASE = `${COCKTAIL_URL}/cluster-api/clusters/default/demo`;

const demoEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'demo',
    namespace: 'default',
    annotations: { 'cocktailcloud.io/cluster-api': 'dev/default/demo' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

const overview: ClusterApiOverview = {
  name: 'demo',
  namespace: 'default',
  managementCluster: 'dev',
  phase: 'Provisioned',
  conditions: [{ type: 'Available', status: 'True' }],
  version: 'v1.32.2',
  controlPlane: {
    kind: 'KubeadmControlPlane',
    name: 'demo-control-plane',
    version: 'v1.32.2',
    replicas: 1,
    readyReplicas: 1,
  },
  nodePools: [
    {
      name: 'demo-workers',
      kind: 'MachineDeployment',
      replicas: 2,
      readyReplicas: 2,
      version: 'v1.32.2',
      machineType: 'm5.large',
    },
  ],
  machines: [
    {
      name: 'demo-control-plane-a1',
      pool: 'demo-control-plane',
      controlPlane: true,
      nodeName: 'demo-control-plane-a1',
      phase: 'Running',
      version: 'v1.32.2',
    },
    {
      name: 'demo-workers-b2',
      pool: 'demo-workers',
      controlPlane: false,
      nodeName: 'demo-workers-b2',
      phase: 'Running',
      version: 'v1.32.2',
    },
  ],
  events: [
    {
      type: 'Normal',
      reason: 'Provisioned',
      message: 'Cluster demo is provisioned',
      object: 'Cluster/demo',
      lastSeen: '2026-12-06T10:00:00Z',
    },
  ],
  boundServiceMaps: [],
  createdByCocktail: true,
};

const addons: ClusterAddonsResponse = {
  available: true,
  addons: [
    {
      name: 'calico',
      title: 'Calico',
      description: 'Pod networking',
      category: 'cni',
      chartName: 'tigera-operator',
      version: 'v3.29.1',
      installedVersion: 'v3.29.1',
      status: 'deployed',
      ready: true,
      revision: 1,
      upgradeAvailable: false,
      default: true,
    },
    {
      name: 'ingress-nginx',
      title: 'ingress-nginx',
      description: 'An Ingress controller',
      category: 'ingress',
      chartName: 'ingress-nginx',
      version: '4.11.3',
      status: 'not-installed',
      ready: false,
      upgradeAvailable: false,
      default: false,
    },
  ],
};

function givenCluster() {
  server.use(
    http.get(`${BASE}/overview`, () => HttpResponse.json(overview)),
    http.get(`${BASE}/addons`, () => HttpResponse.json(addons)),
  );
}

describe('ClusterApiSection', () => {
  it('shows the phase, pools with machine type, machines with their nodes, add-ons and events', async () => {
    givenCluster();
    await renderCocktail(<ClusterApiSection entity={demoEntity} />, {
      entity: demoEntity,
    });

    expect(
      await screen.findByText(
        'KubeadmControlPlane demo-control-plane: 1 of 1 ready',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Available: True')).toBeInTheDocument();
    expect((await rowsOfTable('Node pools (1)'))[0].slice(0, 5)).toEqual([
      'demo-workersMachineDeployment',
      '2 of 2',
      'v1.32.2',
      'm5.large',
      'off',
    ]);
    expect((await rowsOfTable('Machines (2)'))[1].slice(0, 5)).toEqual([
      'demo-workers-b2',
      'demo-workers',
      'demo-workers-b2',
      'Running',
      'v1.32.2',
    ]);
    expect(screen.getByText('deployed')).toBeInTheDocument();
    expect(screen.getByText('Cluster demo is provisioned')).toBeInTheDocument();
    // The only pool cannot be removed, and says why.
    expect(
      screen.getByRole('button', { name: 'Remove node pool demo-workers' }),
    ).toBeDisabled();
  });

  it('installs an add-on after showing what the dry run says will change', async () => {
    givenCluster();
    const sent: any[] = [];
    server.use(
      http.post(`${BASE}/addons`, async ({ request }) => {
        const body = (await request.json()) as any;
        sent.push(body);
        return HttpResponse.json({
          result: {
            dryRun: body.dryRun === true,
            changes: [
              'Apply HelmChartProxy/demo-ingress-nginx: ingress-nginx 4.11.3 from https://kubernetes.github.io/ingress-nginx into namespace ingress-nginx',
            ],
            policyRules: ['no-gpu-operator'],
          },
        });
      }),
    );
    await renderCocktail(<ClusterApiSection entity={demoEntity} />, {
      entity: demoEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Install ingress-nginx' }),
    );

    const dialog = await screen.findByRole('dialog');
    const changes = await within(dialog).findByRole('list', {
      name: 'what will change',
    });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Apply HelmChartProxy/demo-ingress-nginx: ingress-nginx 4.11.3 from https://kubernetes.github.io/ingress-nginx into namespace ingress-nginx',
      'Cluster policy: passes no-gpu-operator',
    ]);
    expect(sent).toEqual([
      { addon: 'ingress-nginx', action: 'install', dryRun: true },
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Install ingress-nginx' }),
    );
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      addon: 'ingress-nginx',
      action: 'install',
      dryRun: false,
    });
    expect(
      await within(dialog).findByRole('list', { name: 'what changed' }),
    ).toBeInTheDocument();
  });

  it('shows the policy refusal before anything can be confirmed', async () => {
    givenCluster();
    server.use(
      http.post(`${BASE}/upgrade`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'the cluster policy refused the request: upgrades wait for the change window (rule change-window)',
            },
            request: { method: 'POST', url: '/upgrade' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await renderCocktail(<ClusterApiSection entity={demoEntity} />, {
      entity: demoEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Upgrade…' }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Kubernetes version')).toHaveValue(
      'v1.33.0',
    );
    expect(
      await within(dialog).findByText(
        'Refused: the cluster policy refused the request: upgrades wait for the change window (rule change-window)',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Upgrade to v1.33.0' }),
    ).toBeDisabled();
  });

  it('disables the operations with the reason for someone who may not change the cluster', async () => {
    givenCluster();
    server.use(
      accessHandler({
        deny: ['cocktail.cluster.update', 'cocktail.cluster.delete'],
      }),
    );
    await renderCocktail(<ClusterApiSection entity={demoEntity} />, {
      entity: demoEntity,
    });

    expect(
      await screen.findByRole('button', { name: 'Upgrade…' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Delete cluster…' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Install ingress-nginx' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Replace machine demo-workers-b2' }),
    ).toBeDisabled();
  });

  it('says why a cluster not made through Cluster API has no pools or add-ons here', async () => {
    const plain = {
      ...demoEntity,
      metadata: { name: 'prod', namespace: 'default' },
    };
    await renderCocktail(<ClusterApiSection entity={plain} />, {
      entity: plain,
    });
    expect(
      await screen.findByText(/was not created through Cluster API/),
    ).toBeInTheDocument();
  });
});
