import { registerMswTestHooks } from '@backstage/test-utils';
import { AccessGrant } from '@cocktailcloud/plugin-cocktail-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { rowsOfTable } from '../../__testUtils__/tables';
import { serviceMapEntity } from '../../__testUtils__/fixtures';
import { EntityServiceMapAccessContent } from './EntityServiceMapAccessContent';

const server = createBackendServer();
registerMswTestHooks(server);

const ACCESS_URL = `${COCKTAIL_URL}/servicemaps/default/payments-prod/access`;

function grant(overrides: Partial<AccessGrant> = {}): AccessGrant {
  return {
    id: '6f1c2a4e-1111-4abc-8def-000000000001',
    scope: 'namespace',
    entityRef: 'servicemap:default/payments-prod',
    serviceRef: 'service:default/payments',
    cluster: 'prod',
    namespace: 'payments-prod',
    userRef: 'user:default/bob',
    role: 'edit',
    reason: 'INC-42 stuck worker',
    serviceAccount: 'cocktail-access-bob-6f1c2a4e',
    tokenFingerprint: '0123456789abcdef',
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 9 * 60_000 + 30_000).toISOString(),
    ...overrides,
  };
}

function givenGrants(items: AccessGrant[], extra: object = {}) {
  server.use(
    http.get(ACCESS_URL, () =>
      HttpResponse.json({
        items,
        scope: 'own',
        allowedRoles: ['view', 'edit'],
        maxDurationMinutes: 480,
        ...extra,
      }),
    ),
  );
}

async function choose(label: string, option: RegExp) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('EntityServiceMapAccessContent', () => {
  it('lists active grants with the time left', async () => {
    givenGrants([grant()]);
    await renderCocktail(<EntityServiceMapAccessContent />, {
      entity: serviceMapEntity,
    });
    expect(await rowsOfTable('Your active grants (1)')).toEqual([
      [
        'bobcocktail-access-bob-6f1c2a4e',
        'edit',
        'INC-42 stuck worker',
        '10 min left',
        'Revoke',
      ],
    ]);
  });

  it('asks for the chosen role, duration and reason, then shows the kubeconfig once with the kubectl lines', async () => {
    givenGrants([]);
    let sent: any;
    server.use(
      http.post(ACCESS_URL, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          {
            result: {
              grant: grant({ role: 'edit' }),
              kubeconfig: 'apiVersion: v1\nkind: Config\n',
              fileName: 'payments-prod-bob-6f1c2a4e.kubeconfig',
            },
          },
          { status: 201 },
        );
      }),
    );
    await renderCocktail(<EntityServiceMapAccessContent />, {
      entity: serviceMapEntity,
    });
    await screen.findByText('Ask for cluster access');
    await choose('Kubernetes role', /^edit/);
    await choose('For', /^10 minutes$/);
    const button = screen.getByRole('button', { name: 'Get kubeconfig' });
    expect(button).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'INC-42 stuck worker' },
    });
    fireEvent.click(button);

    expect(
      await screen.findByTestId('cocktail-access-issued'),
    ).toHaveTextContent('edit access to payments-prod on prod until');
    expect(sent).toEqual({
      role: 'edit',
      durationMinutes: 10,
      reason: 'INC-42 stuck worker',
    });
    expect(
      screen.getByText(
        /export KUBECONFIG=~\/Downloads\/payments-prod-bob-6f1c2a4e.kubeconfig/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Download payments-prod-bob-6f1c2a4e.kubeconfig',
      }),
    ).toBeEnabled();
  });

  it('offers only the roles the person may have', async () => {
    givenGrants([], { allowedRoles: ['view'] });
    await renderCocktail(<EntityServiceMapAccessContent />, {
      entity: serviceMapEntity,
    });
    await screen.findByText('Ask for cluster access');
    fireEvent.mouseDown(screen.getByLabelText('Kubernetes role'));
    const listbox = await screen.findByRole('listbox');
    const edit = within(listbox).getByRole('option', { name: /^edit/ });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveTextContent('(not for your role)');
    expect(
      within(listbox).getByRole('option', { name: /^view/ }),
    ).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('disables the form with the reason when the person may not ask', async () => {
    server.use(
      accessHandler({ deny: ['cocktail.access.request'], role: undefined }),
    );
    server.use(
      http.get(ACCESS_URL, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no role' } },
          { status: 403 },
        ),
      ),
    );
    await renderCocktail(<EntityServiceMapAccessContent />, {
      entity: serviceMapEntity,
    });
    expect(
      await screen.findByTestId('cocktail-access-refusal'),
    ).toHaveTextContent(
      'Asking for cluster access needs the developer role on Payments',
    );
    expect(screen.getByLabelText('Reason')).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Get kubeconfig' }),
    ).toBeDisabled();
  });

  it('revokes a grant and shows the list without it', async () => {
    let revoked = false;
    server.use(
      http.get(ACCESS_URL, () =>
        HttpResponse.json({
          items: revoked ? [] : [grant()],
          scope: 'all',
          allowedRoles: ['view', 'edit', 'admin'],
          maxDurationMinutes: 480,
        }),
      ),
      http.delete(`${ACCESS_URL}/${grant().id}`, () => {
        revoked = true;
        return HttpResponse.json({ result: grant({ endReason: 'revoked' }) });
      }),
    );
    await renderCocktail(<EntityServiceMapAccessContent />, {
      entity: serviceMapEntity,
    });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Revoke cocktail-access-bob-6f1c2a4e',
      }),
    );
    await waitFor(() => expect(revoked).toBe(true));
    expect(await screen.findByText('Active grants (0)')).toBeInTheDocument();
  });
});
