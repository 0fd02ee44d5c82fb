import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { demoAuthenticator } from './authenticator';
import { demoProfileTransform, signInAsDemoPerson } from './resolvers';

/**
 * The `demo` auth provider: sign in as one of the people in `auth.providers.demo.people` by
 * naming them in the `x-cocktail-demo-person` header of `GET /api/auth/demo/refresh`.
 */
export const authModuleCocktailDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'cocktail-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            profileTransform: demoProfileTransform,
            signInResolver: signInAsDemoPerson,
          }),
        });
      },
    });
  },
});
