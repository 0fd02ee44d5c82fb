import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serverEntity, serverStatus } from '../../__testUtils__/fixtures';
import { EntityServerOperationsContent } from './EntityServerOperationsContent';

const server = createBackendServer();
registerMswTestHooks(server);

const serverUrl = `${COCKTAIL_URL}/servers/default/payments-worker`;

const gate = {
  threshold: 'CRITICAL',
  blocked: true,
  images: [
    {
      image: 'harbor.example.com/payments/api:1.4.2',
      scanId: '7',
      atOrAbove: 1,
    },
  ],
  findings: [
    {
      image: 'harbor.example.com/payments/api:1.4.2',
      id: 'CVE-2024-3094',
      packageName: 'xz-utils',
      severity: 'CRITICAL',
    },
  ],
};

function givenGate() {
  const bodies: any[] = [];
  server.use(
    http.get(`${serverUrl}/status`, () => HttpResponse.json(serverStatus())),
    http.post(`${serverUrl}/deploy`, async ({ request }) => {
      const body: any = await request.json();
      bodies.push(body);
      return HttpResponse.json({
        result: {
          dryRun: body.dryRun,
          changes: [
            {
              object: 'Deployment/payments-worker',
              action: 'update',
              changes: [{ path: 'spec.replicas', from: 3, to: 2 }],
            },
          ],
          applied: body.dryRun ? [] : ['Deployment/payments-worker'],
          pruned: [],
          gate,
        },
      });
    }),
  );
  return bodies;
}

async function openDeploy() {
  const button = await screen.findByRole('button', { name: 'Deploy…' });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return screen.findByRole('dialog');
}

describe('deploying past the image scan gate without the override permission', () => {
  it('names the blocking findings and, without the override permission, does not deploy', async () => {
    givenGate();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
      deny: ['cocktail.imagescan.override'],
    });
    const dialog = await openDeploy();
    expect(
      await within(dialog).findByText(
        /Blocked by the image scan gate: findings at or above critical in harbor.example.com\/payments\/api:1.4.2 \(1\): CVE-2024-3094 in xz-utils \(critical\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/ask an admin \(cocktail.imagescan.override\)/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Deploy' }),
    ).toBeDisabled();
    expect(
      within(dialog).queryByLabelText(/Deploy anyway/),
    ).not.toBeInTheDocument();
  });
});
