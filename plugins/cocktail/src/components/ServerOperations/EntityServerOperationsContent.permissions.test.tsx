import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  accessHandler,
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serverEntity, serverStatus } from '../../__testUtils__/fixtures';
import { EntityServerOperationsContent } from './EntityServerOperationsContent';

const server = createBackendServer();
registerMswTestHooks(server);

describe('EntityServerOperationsContent permissions', () => {
  beforeEach(() => {
    server.use(
      http.get(`${COCKTAIL_URL}/servers/default/payments-worker/status`, () =>
        HttpResponse.json(serverStatus()),
      ),
    );
  });

  it('disables an operation the person may not use, saying which role it needs and who to ask', async () => {
    server.use(
      accessHandler({ role: 'viewer', deny: ['cocktail.server.scale'] }),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });

    expect(
      await screen.findByText(
        'Unavailable: Scaling needs the developer role on Payments; you are a viewer.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scale…' })).toBeDisabled();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Restart…' })).toBeEnabled(),
    );
    const notice = screen.getByTestId('cocktail-your-role');
    expect(notice).toHaveTextContent(
      'You are a viewer on Payments. For more, ask an admin of Payments:',
    );
    expect(notice).toHaveTextContent('alice');
  });

  it('names the admins to ask when the person has no role on the Service', async () => {
    server.use(
      accessHandler({
        role: undefined,
        deny: ['cocktail.server.deploy', 'cocktail.server.scale'],
      }),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    const notice = await screen.findByTestId('cocktail-your-role');
    expect(notice).toHaveTextContent(
      'You have no role on Payments; you can read what everyone may read. For a role, ask an admin of Payments:',
    );
    expect(notice).toHaveTextContent('payments-team');
    expect(screen.getByRole('button', { name: 'Deploy…' })).toBeDisabled();
  });

  it('says so when the permissions cannot be read, and enables nothing', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/access`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'permission backend down' } },
          { status: 500 },
        ),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
    });
    expect(
      (await screen.findAllByText(/Your permissions could not be read/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Restart…' })).toBeDisabled();
  });
});
