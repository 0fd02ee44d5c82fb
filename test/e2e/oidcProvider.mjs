// A local OpenID Connect provider for the single sign-on test (the `oidc-provider` package, the
// certified implementation). Anyone may sign in with any password; a login `alice` is vouched
// for as alice@example.com, which the portal resolves to the catalog's User alice.
import Provider from 'oidc-provider';

export const OIDC_PORT = 15_556;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT = {
  client_id: 'cocktail-portal',
  client_secret: 'e2e-client-secret-not-for-production',
  redirect_uris: ['http://localhost:7007/api/auth/oidc/handler/frame'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

/**
 * Starts the provider on `port`; `redirectUris` are the portal backends' OIDC handlers (each
 * replica's own when several run).
 */
export async function startOidcProvider({
  port = OIDC_PORT,
  redirectUris = OIDC_CLIENT.redirect_uris,
} = {}) {
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{ ...OIDC_CLIENT, redirect_uris: redirectUris }],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${id}@example.com`,
            email_verified: true,
            name: id.charAt(0).toUpperCase() + id.slice(1),
          };
        },
      };
    },
    cookies: { keys: ['e2e-cookie-key-not-for-production'] },
    // As Keycloak and most providers do for a client allowed refresh tokens: the portal keeps the
    // session across reloads with it.
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    // The portal's client is confidential; PKCE stays optional for it, as for most providers.
    pkce: { required: () => false },
    features: { devInteractions: { enabled: true } },
  });
  const server = provider.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    metadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

/**
 * Chooses single sign-on on the portal's sign-in page and signs in as `login` in the provider's
 * popup; the provider then asks once whether the portal may have the email and profile.
 */
export async function signInThroughProvider(page, login) {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const popup = await popupOpened;
  await popup.locator('input[name="login"]').fill(login);
  await popup.locator('input[name="password"]').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();
}
