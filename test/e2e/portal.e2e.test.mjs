import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
import {
  appUrl,
  backendUrl,
  guestToken,
  repoRoot,
  startPortal,
  waitForEntity,
} from './portal.mjs';

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');

const validServer = `apiVersion: cocktailcloud.io/v1alpha1
kind: CocktailServer
metadata:
  name: e2e-orders
  title: Orders (e2e sandbox)
spec:
  serviceMap: payments-dev
  owner: group:payments-devs
  type: Deployment
  replicas: 1
  containers:
    - name: api
      image: nginx:1.27
`;

describe('the portal', () => {
  let portal;
  let browser;
  let page;
  let sandbox;

  before(async () => {
    sandbox = await fs.mkdtemp(path.join(os.tmpdir(), 'cocktail-e2e-'));
    await fs.writeFile(path.join(sandbox, 'catalog-info.yaml'), validServer);
    await fs.mkdir(screenshots, { recursive: true });
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.e2e.yaml'),
      ],
      env: { COCKTAIL_E2E_SANDBOX: sandbox },
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-portal.log'),
    });
    // The catalog ingests the examples after the backend starts; the pages need them in place.
    await waitForEntity(
      'cocktailserver:default/payments-web',
      'dependsOn cocktailserver:default/payments-api',
    );
    await waitForEntity(
      'cocktailserver:default/e2e-orders',
      'partOf servicemap:default/payments-dev',
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    if (sandbox) {
      await fs.rm(sandbox, { recursive: true, force: true });
    }
  });

  async function screenshot(name) {
    await page.screenshot({
      path: path.join(screenshots, `${name}.png`),
      fullPage: true,
    });
  }

  afterEach(async t => {
    if (!t.passed) {
      await screenshot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  });

  it('lets a guest sign in', async () => {
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Enter' }).click();
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await nav.getByRole('link', { name: 'Catalog', exact: true }).waitFor();
    await page.getByText('Cocktail for Backstage').first().waitFor();
    await screenshot('home');
  });

  it('offers the three Cocktail kinds in the catalog kind filter', async () => {
    await page.goto(`${appUrl}/catalog`);
    // The kind filter is a select showing the current kind, Component by default.
    await page.getByRole('button', { name: /^component$/i }).click();
    for (const kind of ['Service', 'ServiceMap', 'CocktailServer']) {
      await page.getByRole('option', { name: kind, exact: true }).waitFor();
    }
    await screenshot('catalog-kinds');
    await page.keyboard.press('Escape');
    // Choosing a kind puts it in the URL; go there directly rather than racing the menu's
    // re-renders while the catalog page settles.
    await page.goto(`${appUrl}/catalog?filters[kind]=cocktailserver`);
    await page.getByText(/All CocktailServers/).waitFor();
    await page
      .getByRole('link', { name: 'Payments API', exact: true })
      .waitFor();
    await screenshot('catalog-servers');
  });

  it('opens a CocktailServer from the catalog and shows its relations', async () => {
    await page.getByRole('link', { name: 'Payments API', exact: true }).click();
    await page.waitForURL('**/catalog/default/cocktailserver/payments-api');
    await page.getByRole('heading', { name: 'Payments API' }).waitFor();
    await page.getByText('Authorises and captures card payments').waitFor();
    const graph = page
      .locator('svg')
      .filter({ hasText: 'Payments API' })
      .first();
    for (const related of [
      'Payments (production)',
      'Payments database',
      'Checkout web',
      'Payments Team',
    ]) {
      await graph.getByText(related, { exact: true }).waitFor();
    }
    for (const relation of ['partOf', 'dependsOn', 'ownedBy']) {
      assert.ok(
        await graph.getByText(relation).count(),
        `the graph shows a ${relation} relation`,
      );
    }
    await screenshot('cocktailserver-payments-api');
  });

  it('shows a ServiceMap with its Service, cluster and servers', async () => {
    await page.goto(`${appUrl}/catalog/default/servicemap/payments-prod`);
    await page
      .getByRole('heading', { name: 'Payments (production)' })
      .waitFor();
    const graph = page
      .locator('svg')
      .filter({ hasText: 'Payments (production)' })
      .first();
    for (const related of [
      'Payments',
      'Production cluster (Seoul)',
      'Payments API',
      'Nightly settlement',
    ]) {
      await graph.getByText(related, { exact: true }).waitFor();
    }
    await screenshot('servicemap-payments-prod');
  });

  it('shows the processing errors of a catalog file that turned invalid on its entity', async () => {
    await page.goto(`${appUrl}/catalog/default/cocktailserver/e2e-orders`);
    await page.getByRole('heading', { name: 'Orders (e2e sandbox)' }).waitFor();

    await fs.writeFile(
      path.join(sandbox, 'catalog-info.yaml'),
      validServer.replace('type: Deployment', 'type: DaemonSet'),
    );
    const token = await guestToken();
    const refresh = await fetch(`${backendUrl}/api/catalog/refresh`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entityRef: 'cocktailserver:default/e2e-orders' }),
    });
    assert.equal(refresh.status, 200);

    const message =
      'cocktailserver:default/e2e-orders: spec.replicas: must be absent when type is DaemonSet, which runs one pod per node';
    // The panel loads the entity's ancestry after the page, so give each reload a moment.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.reload();
      const shown = await page
        .getByText(message)
        .first()
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) {
        break;
      }
      assert.ok(
        Date.now() < deadline,
        'the processing error appears on the entity page',
      );
    }
    await screenshot('cocktailserver-processing-error');
  });
});
