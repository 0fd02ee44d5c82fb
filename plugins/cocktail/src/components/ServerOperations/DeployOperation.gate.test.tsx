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

// The permission decisions are cached per module, so the denied case has its own file.
describe('deploying past the image scan gate', () => {
  it('lets an admin deploy anyway with a reason, which is sent for the audit log', async () => {
    const bodies = givenGate();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    const dialog = await openDeploy();
    await userEvent.click(
      await within(dialog).findByLabelText(
        'Deploy anyway (recorded in the audit log)',
      ),
    );
    expect(
      within(dialog).getByText('Say why the image scan gate is overridden.'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Why'),
      'hotfix for INC-42; xz not reachable',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Deploy' }),
    );
    await within(dialog).findByText(/Applied 1 object/);
    expect(bodies[bodies.length - 1]).toEqual({
      dryRun: false,
      overrideScanGate: true,
      overrideReason: 'hotfix for INC-42; xz not reachable',
    });
  });
});
