import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serverEntity, serverStatus } from '../../__testUtils__/fixtures';
import { EntityServerOperationsContent } from './EntityServerOperationsContent';

// In a file of its own: usePermission caches decisions module-wide (SWR), so a test that
// denies a permission would see the "allowed" cached by earlier tests of the same entity.

const server = createBackendServer();
registerMswTestHooks(server);

describe('EntityServerOperationsContent permissions', () => {
  it('disables an operation the user lacks the permission for and says which permission', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/servers/default/payments-worker/status`, () =>
        HttpResponse.json(serverStatus()),
      ),
    );
    await renderCocktail(<EntityServerOperationsContent />, {
      entity: serverEntity,
      deny: ['cocktail.server.scale'],
    });

    expect(
      await screen.findByText(
        'Unavailable: You lack the cocktail.server.scale permission on cocktailserver:default/payments-worker.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scale…' })).toBeDisabled();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Restart…' })).toBeEnabled(),
    );
  });
});
