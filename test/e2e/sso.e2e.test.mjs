// Single sign-on in the browser: the sign-in page's SSO card opens the identity provider's
// popup (a real OpenID Connect provider, started here), the person signs in there, and the
// portal signs them in as the catalog User with that email, with that person's Service roles.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { signInThroughProvider, startOidcProvider } from './oidcProvider.mjs';
import {
  appUrl,
  backendUrl,
  repoRoot,
  startPortal,
  waitForEntity,
} from './portal.mjs';

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');

describe('single sign-on through OpenID Connect', () => {
  let oidc;
  let portal;
  let browser;

  before(async () => {
    oidc = await startOidcProvider();
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.sso.e2e.yaml'),
      ],
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-sso-portal.log'),
    });
    await waitForEntity(
      'user:default/alice',
      'memberOf group:default/payments-team',
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    await oidc?.stop();
  });

  it('signs alice in through the identity provider and knows her as the catalog User alice', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(appUrl);
    await page.getByText('Example SSO').waitFor();
    await page.screenshot({
      path: path.join(screenshots, 'sso-sign-in-page.png'),
    });
    console.log('screenshot: test/e2e/screenshots/sso-sign-in-page.png');

    await signInThroughProvider(page, 'alice');

    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Home', exact: true })
      .first()
      .waitFor();
    // The session the popup left in the browser, as the app itself refreshes it.
    const identity = await page.evaluate(async refreshUrl => {
      const response = await fetch(refreshUrl, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        credentials: 'include',
      });
      return response.ok
        ? (await response.json()).backstageIdentity.identity
        : `${response.status} ${await response.text()}`;
    }, `${backendUrl}/api/auth/oidc/refresh?optional&env=development`);
    assert.equal(
      identity?.userEntityRef,
      'user:default/alice',
      JSON.stringify(identity),
    );
    assert.ok(
      identity.ownershipEntityRefs.includes('group:default/payments-team'),
      `alice's groups: ${identity.ownershipEntityRefs.join(', ')}`,
    );
    // A reload keeps her signed in, without the choices or a popup.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Home', exact: true })
      .first()
      .waitFor();
    assert.equal(await page.getByText('Example SSO').count(), 0);
    await page.screenshot({
      path: path.join(screenshots, 'sso-signed-in.png'),
    });
    console.log('screenshot: test/e2e/screenshots/sso-signed-in.png');
    await context.close();
  });

  it('refuses a person the catalog does not know, saying why', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(appUrl);
    await signInThroughProvider(page, 'mallory');

    await page
      .getByText('Could not sign in as yourself through Example SSO')
      .waitFor();
    assert.ok(
      await page.getByRole('button', { name: 'Choose again' }).isVisible(),
    );
    await context.close();
  });
});
