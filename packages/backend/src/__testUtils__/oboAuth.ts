import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * A test double for Backstage's auth service: the test backend's mock tokens, except that a
 * plugin's request on behalf of a user keeps the calling plugin as its actor, as real
 * on-behalf-of tokens do. (The permission backend refuses resource permissions without a
 * resourceRef from a user directly, but allows them from a plugin acting for the user, which
 * is how the catalog asks for its conditional read decision.) With the real HTTP auth service
 * on top, every request is authenticated through it.
 */
export const oboAuthFactories = [
  createServiceFactory({
    service: coreServices.auth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }): AuthService {
      const inner = mockServices.auth({ pluginId: plugin.getId() });
      return {
        async authenticate(token, options) {
          if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
            const { obo, target } = JSON.parse(
              token.slice(SERVICE_TOKEN_PREFIX.length),
            );
            if (obo && (!target || target === plugin.getId())) {
              return mockCredentials.user(obo, {
                actor: { subject: 'plugin:obo' },
              }) as any;
            }
          }
          return inner.authenticate(token, options);
        },
        getNoneCredentials: () => inner.getNoneCredentials(),
        getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
        isPrincipal: ((credentials: any, type: any) =>
          inner.isPrincipal(credentials, type)) as AuthService['isPrincipal'],
        getPluginRequestToken: options => inner.getPluginRequestToken(options),
        getLimitedUserToken: credentials =>
          inner.getLimitedUserToken(credentials),
        listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      };
    },
  }),
  httpAuthServiceFactory,
];
