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
const OLD = 'harbor.example.com/payments/api:1.4.2';
const UNSCANNED = 'harbor.example.com/payments/api:1.6.0';

/** Revision 1 ran an image with a critical finding; 1.6.0 was never scanned (requireScan). */
function gateFor(images: string[]) {
  return {
    threshold: 'critical',
    requireScan: true,
    blocked: true,
    images: images.includes(OLD)
      ? [{ image: OLD, scanId: '7', atOrAbove: 1 }]
      : [],
    unscanned: images.filter(image => image === UNSCANNED),
    findings: images.includes(OLD)
      ? [
          {
            image: OLD,
            id: 'CVE-2024-45337',
            packageName: 'golang.org/x/crypto',
            severity: 'CRITICAL',
          },
        ]
      : [],
  };
}

/** The backend's gate on rollbacks and rolling updates; returns the bodies it receives. */
function givenGate() {
  const bodies: Record<string, any[]> = {};
  server.use(
    http.get(`${serverUrl}/status`, () => HttpResponse.json(serverStatus())),
    http.post(`${serverUrl}/:operation`, async ({ params, request }) => {
      const body: any = await request.json();
      (bodies[params.operation as string] ??= []).push(body);
      const images =
        params.operation === 'rollback'
          ? [OLD]
          : (Object.values(body.images) as string[]);
      return HttpResponse.json({
        result: body.dryRun
          ? { dryRun: true, images, gate: gateFor(images) }
          : { object: 'Deployment/payments-worker', resourceVersion: '9' },
      });
    }),
  );
  return bodies;
}

async function startOperation(label: string) {
  const button = await screen.findByRole('button', { name: `${label}…` });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return screen.findByRole('dialog');
}

describe('rolling back and updating images past the image scan gate', () => {
  it('shows why a rollback is blocked and sends the override with its reason', async () => {
    const bodies = givenGate();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    const dialog = await startOperation('Roll back');
    expect(
      await within(dialog).findByText(
        `Blocked by the image scan gate: findings at or above critical in ${OLD} (1): CVE-2024-45337 in golang.org/x/crypto (critical).`,
      ),
    ).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', {
      name: 'Roll back to revision 1',
    });
    expect(confirm).toBeDisabled();

    await userEvent.click(
      within(dialog).getByLabelText(
        'Roll back anyway (recorded in the audit log)',
      ),
    );
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Why'), 'INC-42');
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    expect(
      await within(dialog).findByText(
        'Applied to Deployment/payments-worker (resourceVersion 9).',
      ),
    ).toBeInTheDocument();
    expect(bodies.rollback).toEqual([
      { revision: '1', dryRun: true },
      { revision: '1', overrideScanGate: true, overrideReason: 'INC-42' },
    ]);
  });

  it('names an image never scanned in a rolling update, and sends the override', async () => {
    const bodies = givenGate();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    const dialog = await startOperation('Rolling update');
    const field = within(dialog).getByLabelText('Image of container worker');
    await userEvent.clear(field);
    await userEvent.type(field, UNSCANNED);
    expect(
      await within(dialog).findByText(
        `Blocked by the image scan gate: never scanned: ${UNSCANNED}.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByLabelText(
        'Update anyway (recorded in the audit log)',
      ),
    );
    await userEvent.type(within(dialog).getByLabelText('Why'), 'scan pending');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Update images' }),
    );

    await within(dialog).findByText(/Applied to Deployment\/payments-worker/);
    expect(
      bodies['rolling-update'][bodies['rolling-update'].length - 1],
    ).toEqual({
      images: { worker: UNSCANNED },
      overrideScanGate: true,
      overrideReason: 'scan pending',
    });
  });
});
