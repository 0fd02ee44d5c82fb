import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BackupsResponse } from '@cocktailcloud/plugin-cocktail-common';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import { serviceMapEntity } from '../../__testUtils__/fixtures';
import { EntityServiceMapBackupsContent } from './EntityServiceMapBackupsContent';

const server = createBackendServer();
registerMswTestHooks(server);

const BASE = `${COCKTAIL_URL}/servicemaps/default/payments-prod`;

const listing: BackupsResponse = {
  cluster: 'prod',
  namespace: 'payments-prod',
  available: true,
  backups: [
    {
      name: 'payments-prod-20261206-101500',
      phase: 'Completed',
      namespaces: ['payments-prod'],
      items: 14,
      errors: 0,
      warnings: 0,
      startedAt: '2026-12-06T10:15:00Z',
      expiresAt: '2027-01-05T10:15:00Z',
    },
    {
      name: 'payments-prod-20261206-111500',
      phase: 'InProgress',
      namespaces: ['payments-prod'],
    },
  ],
  schedules: [
    {
      name: 'payments-prod-scheduled',
      schedule: '0 3 * * *',
      phase: 'Enabled',
      paused: false,
      ttl: '168h0m0s',
      namespaces: ['payments-prod'],
    },
  ],
  restores: [],
};

describe('EntityServiceMapBackupsContent', () => {
  it('lists backups with phase, items and schedule, and only lets Completed ones be restored', async () => {
    server.use(http.get(`${BASE}/backups`, () => HttpResponse.json(listing)));
    await renderCocktail(<EntityServiceMapBackupsContent />, {
      entity: serviceMapEntity,
    });

    const rows = await rowsOfTable('Backups (2)');
    expect(rows[0].slice(0, 5)).toEqual([
      'payments-prod-20261206-101500',
      'Completed',
      'payments-prod',
      '14',
      '0 / 0',
    ]);
    expect(
      screen.getByRole('button', {
        name: 'Restore from payments-prod-20261206-101500',
      }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', {
        name: 'Restore from payments-prod-20261206-111500',
      }),
    ).toBeDisabled();
    expect((await rowsOfTable('Schedules (1)'))[0].slice(0, 4)).toEqual([
      'payments-prod-scheduled',
      '0 3 * * *',
      'Enabled',
      '168h0m0s',
    ]);
  });

  it('restores into a new namespace after the dry run, and shows a refusal of the name', async () => {
    const sent: any[] = [];
    server.use(
      http.get(`${BASE}/backups`, () => HttpResponse.json(listing)),
      http.post(`${BASE}/restores`, async ({ request }) => {
        const body = (await request.json()) as any;
        sent.push(body);
        if (body.targetNamespace === 'search-prod') {
          return HttpResponse.json(
            {
              error: {
                name: 'ConflictError',
                message:
                  'targetNamespace: search-prod on cluster prod is already claimed by servicemap:default/search-prod; a namespace belongs to one ServiceMap',
              },
              request: { method: 'POST', url: '/restores' },
              response: { statusCode: 409 },
            },
            { status: 409 },
          );
        }
        return HttpResponse.json({
          result: {
            dryRun: body.dryRun,
            changes: [
              `Create Restore velero/r1 on prod: restore namespace payments-prod from backup ${body.backup} into the new namespace ${body.targetNamespace}`,
            ],
            manifest: {},
          },
        });
      }),
    );
    await renderCocktail(<EntityServiceMapBackupsContent />, {
      entity: serviceMapEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Restore from payments-prod-20261206-101500',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByLabelText('Into a new namespace'),
    );
    const field = within(dialog).getByLabelText('New namespace');
    await userEvent.clear(field);
    await userEvent.type(field, 'search-prod');
    expect(
      await within(dialog).findByText(
        /Refused: targetNamespace: search-prod on cluster prod is already claimed/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Restore' }),
    ).toBeDisabled();

    await userEvent.clear(field);
    await userEvent.type(field, 'payments-prod-copy');
    expect(
      await within(dialog).findByText(
        'Create Restore velero/r1 on prod: restore namespace payments-prod from backup payments-prod-20261206-101500 into the new namespace payments-prod-copy',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restore' }),
    );
    await waitFor(() =>
      expect(sent.at(-1)).toEqual({
        backup: 'payments-prod-20261206-101500',
        targetNamespace: 'payments-prod-copy',
        dryRun: false,
      }),
    );
  });

  it('disables backing up and restoring for someone without the role, with the reason', async () => {
    server.use(
      http.get(`${BASE}/backups`, () => HttpResponse.json(listing)),
      accessHandler({
        deny: ['cocktail.backup.create', 'cocktail.backup.restore'],
      }),
    );
    await renderCocktail(<EntityServiceMapBackupsContent />, {
      entity: serviceMapEntity,
    });
    expect(
      await screen.findByRole('button', { name: 'Back up now…' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('button', {
        name: 'Restore from payments-prod-20261206-101500',
      }),
    ).toBeDisabled();
  });

  it('says when the cluster has no Velero, and what to do', async () => {
    await renderCocktail(<EntityServiceMapBackupsContent />, {
      entity: serviceMapEntity,
    });
    expect(
      await screen.findByText(
        /Backups are unavailable: Velero is not installed on cluster dev/,
      ),
    ).toBeInTheDocument();
  });
});
