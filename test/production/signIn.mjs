// Signs a person in on a replica's own app page through the OpenID Connect provider, in a fresh
// browser context, and returns the Backstage identity and token the backend issued.
import assert from 'node:assert/strict';
import { signInOutcome } from '../e2e/browser.mjs';
import { signInThroughProvider } from '../e2e/oidcProvider.mjs';

const SIGN_IN_DEADLINE_MS = 120_000;

async function attempt(browser, replica, login) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(replica.url);
    // app-config.production.yaml's single sign-on, and no guest sign-in in production.
    await page.getByText('Single sign-on').waitFor();
    assert.match(await page.title(), /Cocktail for Backstage/);
    assert.equal(await page.getByText('Enter as a Guest User').count(), 0);

    await signInThroughProvider(page, login);
    const refusal = await signInOutcome(page);
    if (refusal !== undefined) {
      return { refusal };
    }
    // The session the popup left, as the app itself refreshes it.
    const session = await page.evaluate(async refreshUrl => {
      const response = await fetch(refreshUrl, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        credentials: 'include',
      });
      return response.ok
        ? (await response.json()).backstageIdentity
        : { error: `${response.status} ${await response.text()}` };
    }, `${replica.url}/api/auth/oidc/refresh?optional&env=production`);
    assert.equal(
      session.identity?.userEntityRef,
      `user:default/${login}`,
      JSON.stringify(session),
    );
    return { token: session.token, identity: session.identity };
  } finally {
    await context.close();
  }
}

/**
 * Retries while the portal refuses the person: right after start the catalog may not have read
 * the Users yet, and sign-in resolves people against it.
 */
export async function signInOnReplica({ browser, replica, login }) {
  const deadline = Date.now() + SIGN_IN_DEADLINE_MS;
  for (;;) {
    const result = await attempt(browser, replica, login);
    if (!result.refusal) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(`${login} was refused: ${result.refusal}`);
    }
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
}
