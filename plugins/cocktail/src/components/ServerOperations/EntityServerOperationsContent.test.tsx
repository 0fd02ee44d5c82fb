import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  CocktailServerEntityV1alpha1,
  ServerStatus,
} from '@cocktailcloud/plugin-cocktail-common';
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

/** The backend answers the status; returns the bodies of the POSTs it receives, per operation. */
function givenServer(status: ServerStatus = serverStatus()) {
  const received: Record<string, unknown[]> = {};
  server.use(
    http.get(`${serverUrl}/status`, () => HttpResponse.json(status)),
    http.post(`${serverUrl}/:operation`, async ({ params, request }) => {
      const operation = params.operation as string;
      (received[operation] ??= []).push(await request.json());
      return HttpResponse.json({
        result: {
          object: 'Deployment/payments-worker',
          resourceVersion: '48213',
        },
      });
    }),
  );
  return received;
}

async function startOperation(label: string) {
  const button = await screen.findByRole('button', { name: `${label}…` });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return screen.findByRole('dialog');
}

function whatWillChange(dialog: HTMLElement) {
  return within(within(dialog).getByRole('list', { name: 'what will change' }))
    .getAllByRole('listitem')
    .map(item => item.textContent);
}

describe('EntityServerOperationsContent', () => {
  it('scales after saying exactly what changes, and sends the new replica count', async () => {
    const received = givenServer();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Scale');
    const replicas = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '3');

    expect(whatWillChange(dialog)).toEqual([
      'Replicas of Deployment payments-worker in namespace payments-prod on cluster prod: 2 → 3.',
      '1 pod(s) will be started.',
    ]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Scale to 3' }),
    );

    expect(
      await within(dialog).findByText(
        'Applied to Deployment/payments-worker (resourceVersion 48213).',
      ),
    ).toBeInTheDocument();
    expect(received.scale).toEqual([{ replicas: 3 }]);
  });

  it("links to the ServiceMap's Access tab for kubectl", async () => {
    givenServer();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByRole('link', {
        name: "Get time-limited access to payments-prod's namespace",
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/servicemap/payments-prod/cocktail-access',
    );
  });

  it('does not offer scaling to the count the server already has', async () => {
    const received = givenServer();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Scale');

    expect(
      within(dialog).getByText(
        'The server already has 2 replicas; enter a different number.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Scale to 2' }),
    ).toBeDisabled();
    expect(received.scale).toBeUndefined();
  });

  it('deploys after a dry run lists the changes as sentences', async () => {
    const received: unknown[] = [];
    givenServer();
    server.use(
      http.post(`${serverUrl}/deploy`, async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean };
        received.push(body);
        return HttpResponse.json({
          result: {
            dryRun: body.dryRun,
            changes: [
              {
                object: 'Deployment/payments-worker',
                action: 'update',
                changes: [{ path: 'spec.replicas', from: 2, to: 3 }],
              },
              {
                object: 'Service/payments-worker',
                action: 'unchanged',
                changes: [],
              },
              {
                object: 'ConfigMap/payments-worker-env',
                action: 'create',
                changes: [],
              },
              {
                object: 'Ingress/payments-worker',
                action: 'prune',
                changes: [],
              },
            ],
            applied: body.dryRun
              ? []
              : ['Deployment/payments-worker', 'ConfigMap/payments-worker-env'],
            pruned: body.dryRun ? [] : ['Ingress/payments-worker'],
          },
        });
      }),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Deploy');

    await within(dialog).findByRole('list', { name: 'what will change' });
    expect(whatWillChange(dialog)).toEqual([
      'Update Deployment/payments-worker: spec.replicas 2 → 3.',
      'Create ConfigMap/payments-worker-env.',
      'Delete Ingress/payments-worker: the catalog no longer names it.',
    ]);
    expect(received).toEqual([{ dryRun: true }]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Deploy' }),
    );

    expect(
      await within(dialog).findByText(
        'Applied 2 object(s), deleted Ingress/payments-worker.',
      ),
    ).toBeInTheDocument();
    expect(received).toEqual([{ dryRun: true }, { dryRun: false }]);
  });

  it('does not deploy when the dry run finds nothing to change', async () => {
    givenServer();
    server.use(
      http.post(`${serverUrl}/deploy`, () =>
        HttpResponse.json({
          result: {
            dryRun: true,
            changes: [
              {
                object: 'Deployment/payments-worker',
                action: 'unchanged',
                changes: [],
              },
            ],
            applied: [],
            pruned: [],
          },
        }),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Deploy');

    expect(
      await within(dialog).findByText(
        'Nothing to change: the cluster already matches the catalog spec.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Deploy' }),
    ).toBeDisabled();
  });

  it('rolls back to the earlier revision the cluster keeps', async () => {
    const received = givenServer();
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Roll back');
    await userEvent.click(within(dialog).getByLabelText('Revision'));
    const options = screen
      .getAllByRole('option')
      .map(option => option.textContent);
    expect(options).toEqual([
      'Revision 1: harbor.example.com/payments/api:1.4.2',
    ]);
    await userEvent.click(screen.getByRole('option', { name: /Revision 1/ }));

    expect(whatWillChange(dialog)).toEqual([
      'Deployment payments-worker in namespace payments-prod on cluster prod goes back from revision 2 to revision 1.',
      'Images at revision 1: harbor.example.com/payments/api:1.4.2.',
      'The catalog spec is unchanged: the next deploy from the catalog undoes the rollback.',
    ]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back to revision 1' }),
    );

    expect(
      await within(dialog).findByText(
        'Applied to Deployment/payments-worker (resourceVersion 48213).',
      ),
    ).toBeInTheDocument();
    // The image scan gate is asked first (a dry run), then the rollback is sent.
    expect(received.rollback).toEqual([
      { revision: '1', dryRun: true },
      { revision: '1' },
    ]);
  });

  it('deletes only after the user types the server name, listing the objects that go', async () => {
    const deletes: string[] = [];
    givenServer();
    server.use(
      http.delete(serverUrl, ({ request }) => {
        const dryRun =
          new URL(request.url).searchParams.get('dryRun') === 'true';
        deletes.push(dryRun ? 'dry run' : 'delete');
        const objects = [
          'Deployment/payments-worker',
          'Service/payments-worker',
          'ConfigMap/payments-worker-env',
        ];
        return HttpResponse.json({
          result: { dryRun, objects, deleted: dryRun ? [] : objects },
        });
      }),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Delete');

    await within(dialog).findByRole('list', { name: 'what will change' });
    expect(whatWillChange(dialog)).toEqual([
      'Delete Deployment/payments-worker.',
      'Delete Service/payments-worker.',
      'Delete ConfigMap/payments-worker-env.',
      'The catalog entity stays; deploy recreates the server.',
    ]);
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    const confirmation = within(dialog).getByLabelText(
      'Type payments-worker to confirm',
    );
    expect(confirm).toBeDisabled();
    await userEvent.type(confirmation, 'payments');
    expect(confirm).toBeDisabled();
    await userEvent.type(confirmation, '-worker');
    expect(confirm).toBeEnabled();
    expect(deletes).toEqual(['dry run']);

    await userEvent.click(confirm);

    expect(
      await within(dialog).findByText(
        'Deleted Deployment/payments-worker, Service/payments-worker, ConfigMap/payments-worker-env.',
      ),
    ).toBeInTheDocument();
    expect(deletes).toEqual(['dry run', 'delete']);
  });

  it('says what to do when the cluster refuses the operation', async () => {
    givenServer();
    server.use(
      http.post(`${serverUrl}/restart`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'Operation cannot be fulfilled on deployments.apps "payments-worker": the object has been modified',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    const dialog = await startOperation('Restart');
    expect(whatWillChange(dialog)).toEqual([
      'Every pod of Deployment payments-worker in namespace payments-prod on cluster prod is replaced (2 now), one by one under its update strategy.',
    ]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restart' }),
    );

    expect(
      await within(dialog).findByText(
        'Error: Restart payments-worker failed: The object changed or is in the wrong state',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Operation cannot be fulfilled on deployments.apps "payments-worker": the object has been modified. Reload the page to see the current state, then try again.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Back' })).toBeEnabled();
  });

  it('explains why scaling and suspending are unavailable while autoscaling runs', async () => {
    givenServer(
      serverStatus({
        autoscaling: {
          minReplicas: 2,
          maxReplicas: 5,
          currentReplicas: 2,
          cpuUtilization: 40,
        },
      }),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    expect(
      await screen.findByText(
        'Unavailable: Autoscaling sets the replica count; change its bounds or turn it off first',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scale…' })).toBeDisabled();
    expect(
      screen.getByText('Unavailable: Turn autoscaling off before suspending'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Autoscaling…' })).toBeEnabled();
  });

  it('offers a CronJob only the operations that apply to it, with the reason for the others', async () => {
    const cronJob: CocktailServerEntityV1alpha1 = {
      ...serverEntity,
      metadata: { name: 'payments-report', namespace: 'default' },
      spec: {
        ...serverEntity.spec,
        type: 'CronJob',
        schedule: '0 3 * * *',
        replicas: undefined,
      },
    };
    server.use(
      http.get(`${COCKTAIL_URL}/servers/default/payments-report/status`, () =>
        HttpResponse.json(
          serverStatus({
            server: 'payments-report',
            kind: 'CronJob',
            replicas: {
              desired: 1,
              current: 0,
              ready: 0,
              updated: 0,
              available: 0,
            },
            rollout: { state: 'unknown' },
            pods: [],
            revisions: [],
          }),
        ),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: cronJob,
    });

    expect(
      await screen.findByText('Unavailable: A CronJob has no replica count'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Unavailable: A CronJob cannot be autoscaled'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Unavailable: Rollback is available for Deployments'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Unavailable: A CronJob cannot be restarted; each scheduled run starts new pods',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Unavailable: The server is not suspended'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Suspend…' })).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Rolling update…' }),
    ).toBeEnabled();
  });

  it('says why operations wait when the live status cannot be read, but still offers deploy', async () => {
    server.use(
      http.get(`${serverUrl}/status`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'Error',
              message: 'cluster prod: no answer within 10 s',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    expect(
      await screen.findByText(/The cluster is unavailable right now/),
    ).toBeInTheDocument();
    expect(
      await screen.findAllByText(
        'Unavailable: The live status could not be read; see the error above.',
      ),
    ).toHaveLength(8);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Deploy…' })).toBeEnabled(),
    );
  });
});
