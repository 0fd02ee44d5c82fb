import { chromium } from 'playwright-core';
import { appUrl } from './portal.mjs';

// Debian's Chromium; a browser download is not possible on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in on the sign-in page as a demo person (`auth.providers.demo.people`, e.g. 'bob') by
 * choosing their entry, and waits for the portal's home page. Whoever the page remembered is
 * forgotten first.
 */
export async function signInAs(page, person) {
  await page.goto(appUrl);
  await page.evaluate(() => localStorage.removeItem('cocktail:sign-in-choice'));
  await page.reload();
  const name = person.charAt(0).toUpperCase() + person.slice(1);
  await page
    .getByRole('button', { name: new RegExp(`^${name}( — |$)`) })
    .click();
  const refusal = await signInOutcome(page);
  if (refusal !== undefined) {
    throw new Error(`signing in as ${person} failed: ${refusal}`);
  }
  // The home page's search bar.
  await page.getByPlaceholder(/^Search in /).waitFor();
}

/**
 * Waits until a sign-in ends: undefined once the portal's sidebar shows, or the refusal's words
 * when the sign-in page says it could not sign the person in.
 */
export async function signInOutcome(page) {
  const home = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Home', exact: true });
  const failed = page.getByText(/^Could not sign in as /);
  await home.or(failed).first().waitFor();
  return (await failed.isVisible())
    ? await page.locator('body').innerText()
    : undefined;
}
