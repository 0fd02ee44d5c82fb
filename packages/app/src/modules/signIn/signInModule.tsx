import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

/**
 * Replaces the app's guest-only sign-in page with single sign-on (OIDC, when configured), guest
 * and the demo people, and adds the OIDC auth API.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    oidcAuthApi,
    SignInPageBlueprint.make({
      params: {
        loader: async () =>
          (await import('./CocktailSignInPage')).CocktailSignInPage,
      },
    }),
  ],
});
