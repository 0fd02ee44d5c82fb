import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { AuditChainVerificationView, AuditLogPage } from '../../api';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import {
  auditRow,
  clusterEntity,
  serverEntity,
  serviceEntity,
  serviceMapEntity,
} from '../../__testUtils__/fixtures';
import { EntityAuditLogContent } from './EntityAuditLogContent';

const server = createBackendServer();
registerMswTestHooks(server);

/** The backend answers `GET /audit` with `answer`; returns the query of every request. */
function givenAuditLog(
  answer: (query: URLSearchParams) => AuditLogPage | Response,
) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${COCKTAIL_URL}/audit`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const page = answer(query);
      return page instanceof Response ? page : HttpResponse.json(page);
    }),
  );
  return queries;
}

async function rowsOfTable(): Promise<string[][]> {
  const table = await screen.findByRole('table');
  return within(table.querySelector('tbody')!)
    .getAllByRole('row')
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

const failedScale = auditRow({
  id: '43',
  createdAt: '2026-11-23T10:05:00Z',
  actor: 'user:default/bob',
  action: 'server.scale',
  outcome: 'failed',
  error: 'payments-worker is autoscaled; change its autoscaling bounds instead',
  details: { replicas: 8 },
  previousHash: '9b2e77aa',
  hash: 'c41d09f3',
});

describe('EntityAuditLogContent', () => {
  it('lists each change with its time, actor, action, target and outcome', async () => {
    givenAuditLog(() => ({ items: [failedScale, auditRow()] }));
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });

    await screen.findByText('bob');
    expect(await rowsOfTable()).toEqual([
      [
        new Date('2026-11-23T10:05:00Z').toLocaleString(),
        'bob',
        'server.scale',
        'payments-worker',
        'failed: payments-worker is autoscaled; change its autoscaling bounds instead',
      ],
      [
        new Date('2026-11-23T10:00:00Z').toLocaleString(),
        'alice',
        'server.scale',
        'payments-worker',
        'succeeded',
      ],
    ]);
  });

  it('asks for the rows of a ServiceMap and of the servers it holds', async () => {
    const queries = givenAuditLog(() => ({ items: [auditRow()] }));
    await renderCocktail(<EntityAuditLogContent />, {
      entity: serviceMapEntity,
    });

    expect(
      await screen.findByText('Audit log of payments-prod and its 1 part(s)'),
    ).toBeInTheDocument();
    await screen.findByText('alice');
    expect(queries[0].getAll('entityRef')).toEqual([
      'servicemap:default/payments-prod',
      'cocktailserver:default/payments-worker',
    ]);
    expect(queries[0].get('limit')).toBe('25');
  });

  it('asks for the rows of a Service, its ServiceMaps and their servers', async () => {
    const queries = givenAuditLog(() => ({ items: [] }));
    await renderCocktail(<EntityAuditLogContent />, {
      entity: {
        ...serviceEntity,
        relations: [
          { type: 'hasPart', targetRef: 'servicemap:default/payments-prod' },
        ],
      },
      catalog: [serviceMapEntity],
    });

    expect(
      await screen.findByText('Audit log of payments and its 2 part(s)'),
    ).toBeInTheDocument();
    await screen.findByText('No changes have been made through Cocktail yet.');
    expect(queries[0].getAll('entityRef')).toEqual([
      'service:default/payments',
      'servicemap:default/payments-prod',
      'cocktailserver:default/payments-worker',
    ]);
  });

  it('asks only for failed changes when the user picks the Failed outcome', async () => {
    const queries = givenAuditLog(query =>
      query.get('outcome') === 'failed'
        ? { items: [failedScale] }
        : { items: [failedScale, auditRow()] },
    );
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
    await screen.findByText('alice');

    await userEvent.click(screen.getByLabelText('Outcome'));
    await userEvent.click(screen.getByRole('option', { name: 'Failed' }));

    await waitFor(() =>
      expect(screen.queryByText('alice')).not.toBeInTheDocument(),
    );
    expect(screen.getByText('bob')).toBeInTheDocument();
    expect(queries.map(q => q.get('outcome'))).toEqual([null, 'failed']);
  });

  it('says when no change matches the filters', async () => {
    givenAuditLog(query =>
      query.get('outcome') === 'denied'
        ? { items: [] }
        : { items: [auditRow()] },
    );
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
    await screen.findByText('alice');

    await userEvent.click(screen.getByLabelText('Outcome'));
    await userEvent.click(screen.getByRole('option', { name: 'Denied' }));

    expect(
      await screen.findByText('No entries match these filters.'),
    ).toBeInTheDocument();
  });

  it('pages to older rows with the cursor the backend gave, and back to newer ones', async () => {
    const queries = givenAuditLog(query =>
      query.get('cursor') === 'eyJpZCI6NDJ9'
        ? { items: [auditRow({ id: '17', actor: 'user:default/carol' })] }
        : { items: [failedScale], nextCursor: 'eyJpZCI6NDJ9' },
    );
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
    await screen.findByText('bob');
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Older' }));

    expect(await screen.findByText('carol')).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));

    expect(await screen.findByText('bob')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(queries.map(q => q.get('cursor'))).toEqual([
      null,
      'eyJpZCI6NDJ9',
      null,
    ]);
  });

  it('shows the request details and the hash chain of a row the user clicks', async () => {
    givenAuditLog(() => ({ items: [failedScale] }));
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });

    await userEvent.click(await screen.findByText('bob'));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Audit entry 43')).toBeInTheDocument();
    await waitFor(() => expect(dialog).toHaveTextContent('"replicas": 8'));
    expect(
      within(dialog).getByText('Hash c41d09f3, chained to 9b2e77aa'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'payments-worker is autoscaled; change its autoscaling bounds instead',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('says that nothing has been changed through Cocktail yet', async () => {
    givenAuditLog(() => ({ items: [] }));
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });

    expect(
      await screen.findByText(
        'No changes have been made through Cocktail yet.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
  });

  it('tells a user who may not read the audit log what to do', async () => {
    givenAuditLog(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'you are not allowed to cocktail.audit.read',
          },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });

    expect(
      await screen.findByText('Error: Audit log: You do not have permission'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'you are not allowed to cocktail.audit.read. Ask a platform administrator or an admin of the Service to grant it.',
      ),
    ).toBeInTheDocument();
  });

  it('downloads the filtered log as CSV', async () => {
    givenAuditLog(() => ({ items: [auditRow()] }));
    const exports: URLSearchParams[] = [];
    server.use(
      http.get(`${COCKTAIL_URL}/audit/export`, ({ request }) => {
        exports.push(new URL(request.url).searchParams);
        return new HttpResponse('id,actor\n42,user:default/alice\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const downloads: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = jest.fn(() => 'blob:cocktail-audit');
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    try {
      await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
      await screen.findByText('alice');

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

      await waitFor(() => expect(downloads).toEqual(['cocktail-audit.csv']));
      expect(exports[0].get('format')).toBe('csv');
      expect(exports[0].getAll('entityRef')).toEqual([
        'cocktailserver:default/payments-worker',
      ]);
    } finally {
      click.mockRestore();
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });

  it('marks a change whose outcome was never recorded', async () => {
    givenAuditLog(() => ({
      items: [
        {
          ...auditRow({ id: '44', action: 'server.restart' }),
          outcome: 'requested',
        },
      ],
    }));
    await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });

    await screen.findByText('alice');
    const [[, , action, , outcome]] = await rowsOfTable();
    expect(action).toBe('server.restart');
    expect(outcome).toBe(
      'no outcomeNo outcome recorded: the change is still running, or the backend stopped during it.',
    );
  });

  it('shows the audit log of a cluster, asking only for its own rows', async () => {
    const queries = givenAuditLog(() => ({
      items: [
        auditRow({
          action: 'cluster.scale',
          entityRef: 'resource:default/prod',
        }),
      ],
    }));
    await renderCocktail(<EntityAuditLogContent />, { entity: clusterEntity });

    expect(await screen.findByText('cluster.scale')).toBeInTheDocument();
    expect(screen.getByText('Audit log')).toBeInTheDocument();
    expect(queries[0].getAll('entityRef')).toEqual(['resource:default/prod']);
  });

  describe('the Verify chain button', () => {
    function givenVerification(result: AuditChainVerificationView) {
      let calls = 0;
      server.use(
        accessHandler({ platformAdmin: true }),
        http.get(`${COCKTAIL_URL}/audit/verify`, () => {
          calls += 1;
          return HttpResponse.json(result);
        }),
      );
      return () => calls;
    }

    async function verify() {
      givenAuditLog(() => ({ items: [auditRow()] }));
      await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
      await screen.findByText('alice');
      const button = screen.getByRole('button', { name: 'Verify chain' });
      await waitFor(() => expect(button).toBeEnabled());
      await userEvent.click(button);
      return screen.findByRole('dialog');
    }

    it('shows a platform admin that the chain is intact, with the rows checked and the last checkpoint', async () => {
      const calls = givenVerification({
        ok: true,
        checkedRows: 1234,
        lastCheckpoint: {
          id: '9',
          createdAt: '2026-11-24T10:00:00Z',
          rowCount: 1200,
          headRowId: '1230',
        },
      });

      const dialog = await verify();

      expect(
        await within(dialog).findByText('The audit chain is intact'),
      ).toBeInTheDocument();
      expect(dialog).toHaveTextContent(
        `${(1234).toLocaleString()} row(s) checked. Checked against the checkpoint of ${new Date(
          '2026-11-24T10:00:00Z',
        ).toLocaleString()} (${(1200).toLocaleString()} rows, up to row 1230).`,
      );
      expect(calls()).toBe(1);
    });

    it('shows where and why the chain breaks', async () => {
      givenVerification({
        ok: false,
        checkedRows: 41,
        firstBrokenRowId: '57',
        reason: 'truncated',
        message:
          'The newest 16 audit rows were removed: the checkpoint of 2026-11-24T10:00:00.000Z saw the log end at row 57',
        lastCheckpoint: {
          id: '9',
          createdAt: '2026-11-24T10:00:00Z',
          rowCount: 57,
          headRowId: '57',
        },
      });

      const dialog = await verify();

      expect(
        await within(dialog).findByText('The newest rows were removed'),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText(
          'The newest 16 audit rows were removed: the checkpoint of 2026-11-24T10:00:00.000Z saw the log end at row 57',
        ),
      ).toBeInTheDocument();
      expect(dialog).toHaveTextContent(
        'Broken at row 57 (truncated); 41 row(s) checked.',
      );
    });

    it('is disabled for someone who is not a platform admin, saying why', async () => {
      givenAuditLog(() => ({ items: [auditRow()] }));
      await renderCocktail(<EntityAuditLogContent />, { entity: serverEntity });
      await screen.findByText('alice');
      const button = screen.getByRole('button', { name: 'Verify chain' });

      await waitFor(() =>
        expect(button.parentElement).toHaveAttribute(
          'title',
          'Verifying the audit chain needs a platform admin: the chain spans every Service.',
        ),
      );
      expect(button).toBeDisabled();
      await userEvent.hover(button.parentElement!);
      expect(
        await screen.findByRole('tooltip', {
          name: 'Verifying the audit chain needs a platform admin: the chain spans every Service.',
        }),
      ).toBeInTheDocument();
    });
  });
});
