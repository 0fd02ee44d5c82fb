// Tenancy in the browser and through the demo's sign-in: each of the demo's people can do what
// their role on a Service allows, sees why not otherwise, and guest cannot reach a cluster
// through the Kubernetes proxy or delete a server.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchBrowser, signInAs } from './browser.mjs';
import {
  appUrl,
  backendUrl,
  guestToken,
  personToken,
  repoRoot,
  startPortal,
  waitForEntity,
} from './portal.mjs';

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');
const worker = `${appUrl}/catalog/default/cocktailserver/payments-worker`;
const searchApi = `${appUrl}/catalog/default/cocktailserver/search-api`;

describe('tenancy: Service roles decide what each person may do', () => {
  let portal;
  let browser;
  let page;

  before(async () => {
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.cocktail.e2e.yaml'),
      ],
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-tenancy-portal.log'),
    });
    await waitForEntity(
      'cocktailserver:default/payments-worker',
      'partOf servicemap:default/payments-prod',
    );
    await waitForEntity(
      'servicemap:default/search-prod',
      'partOf service:default/search',
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  async function newPageAs(person) {
    await page?.context().close();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAs(page, person);
    return page;
  }

  async function screenshot(name) {
    await page.waitForTimeout(400);
    const file = path.join(screenshots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${path.relative(repoRoot, file)}`);
  }

  afterEach(async t => {
    if (!t.passed && page) {
      await screenshot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  });

  async function openTab(title) {
    await page
      .getByRole('tab', { name: title, exact: true })
      .or(page.getByRole('link', { name: title, exact: true }))
      .first()
      .click();
  }

  async function replicasOfWorker() {
    const response = await fetch(
      `${backendUrl}/api/cocktail/servers/default/payments-worker/status`,
      { headers: { Authorization: `Bearer ${await personToken('erin')}` } },
    );
    return (await response.json()).replicas.desired;
  }

  it('lets bob, a Payments developer, scale payments-worker', async () => {
    await newPageAs('bob');
    await page.goto(worker);
    await openTab('Operations');
    await page
      .getByTestId('cocktail-your-role')
      .getByText(
        /You are a developer on Payments\. For more, ask an admin of Payments/,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Scale…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Replicas').fill('3');
    await dialog.getByRole('button', { name: 'Scale to 3' }).click();
    await dialog.getByText(/Rollout complete: 3 of 3 ready/).waitFor();
    await screenshot('tenancy-bob-scaled');
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal(await replicasOfWorker(), 3);
    // Deleting needs the admin role: the button says so.
    await page
      .getByText(
        'Unavailable: Deleting a server needs the admin role on Payments; you are a developer.',
      )
      .waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Delete…' }).isDisabled(),
      true,
    );
  });

  it('shows carol, a Payments viewer, the scale button disabled with the reason', async () => {
    await newPageAs('carol');
    await page.goto(worker);
    await openTab('Operations');
    await page
      .getByText(
        'Unavailable: Scaling needs the developer role on Payments; you are a viewer.',
      )
      .waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Scale…' }).isDisabled(),
      true,
    );
    assert.equal(
      await page.getByRole('button', { name: 'Restart…' }).isDisabled(),
      true,
    );
    await screenshot('tenancy-carol-operations');
    // Status stays readable to her.
    await openTab('Monitoring');
    await page.getByText('Pods (3)').waitFor();
    // And the backend refuses her as the page says.
    const response = await fetch(
      `${backendUrl}/api/cocktail/servers/default/payments-worker/scale`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await personToken('carol')}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ replicas: 1 }),
      },
    );
    assert.equal(response.status, 403);
    assert.equal(await replicasOfWorker(), 3);
  });

  it("shows the person's role on the Service page", async () => {
    await newPageAs('alice');
    await page.goto(`${appUrl}/catalog/default/service/payments`);
    await openTab('Environments');
    await page
      .getByTestId('cocktail-your-role')
      .getByText(/^You are an admin on Payments\.$/)
      .waitFor();
    await screenshot('tenancy-alice-service');
  });

  it('does not let alice, a Payments admin, touch a Search server', async () => {
    await page.goto(searchApi);
    await openTab('Operations');
    await page
      .getByTestId('cocktail-your-role')
      .getByText(/You have no role on Search/)
      .waitFor();
    await page
      .getByText(
        'Unavailable: Restarting needs the developer role on Search; you have no role there.',
      )
      .waitFor();
    for (const name of ['Deploy…', 'Scale…', 'Restart…', 'Delete…']) {
      assert.equal(
        await page.getByRole('button', { name }).isDisabled(),
        true,
        `${name} is disabled for alice on search-api`,
      );
    }
    await screenshot('tenancy-alice-search-operations');
    const response = await fetch(
      `${backendUrl}/api/cocktail/servers/default/search-api/restart`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await personToken('alice')}`,
          'Content-Type': 'application/json',
        },
        body: '{}',
      },
    );
    assert.equal(response.status, 403);
    assert.match(
      (await response.json()).error.message,
      /^Restarting needs the developer role on Search; you have no role there/,
    );
  });

  it("refuses guest's DELETE through the Kubernetes proxy and through Cocktail", async () => {
    const token = await guestToken();
    const proxy = await fetch(
      `${backendUrl}/api/kubernetes/proxy/apis/apps/v1/namespaces/payments-prod/deployments/payments-worker`,
      {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${token}`,
          'Backstage-Kubernetes-Cluster': 'prod',
        },
      },
    );
    assert.equal(proxy.status, 403);
    const cocktail = await fetch(
      `${backendUrl}/api/cocktail/servers/default/payments-worker`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(cocktail.status, 403);
    assert.match(
      (await cocktail.json()).error.message,
      /^Deleting a server needs the admin role on Payments; you have no role there/,
    );
    assert.equal(await replicasOfWorker(), 3);
    // The refusal is in the audit log, with guest as the actor.
    const audit = await fetch(
      `${backendUrl}/api/cocktail/audit?entityRef=cocktailserver:default/payments-worker&outcome=denied`,
      { headers: { Authorization: `Bearer ${await personToken('erin')}` } },
    );
    const rows = (await audit.json()).items;
    assert.ok(
      rows.some(
        row =>
          row.action === 'server.delete' &&
          row.actor === 'user:development/guest',
      ),
      `a denied server.delete by guest in ${JSON.stringify(rows)}`,
    );
  });
});
