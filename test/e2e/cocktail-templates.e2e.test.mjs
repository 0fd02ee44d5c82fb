// The scaffolder templates in the demo portal, through the browser: a new cluster through
// Cluster API (kube-sim plays the management cluster), a new Service with its ServiceMap
// provisioned, and a new server deployed; each ends visible in the catalog.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchBrowser, signInAs } from './browser.mjs';
import { appUrl, repoRoot, startPortal, waitForEntity } from './portal.mjs';

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');

describe('the Cocktail templates', () => {
  let portal;
  let browser;
  let page;
  let published;

  before(async () => {
    published = await fs.mkdtemp(
      path.join(os.tmpdir(), 'cocktail-e2e-published-'),
    );
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.templates.e2e.yaml'),
      ],
      env: { COCKTAIL_E2E_PUBLISHED: published },
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-templates-portal.log'),
    });
    await waitForEntity(
      'template:default/cocktail-new-server',
      'ownedBy group:default/platform-team',
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    // Erin is a platform admin: creating clusters is for platform admins.
    await signInAs(page, 'erin');
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .waitFor();
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    if (published) {
      await fs.rm(published, { recursive: true, force: true });
    }
  });

  async function screenshot(name) {
    await page.waitForTimeout(400);
    const file = path.join(screenshots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${path.relative(repoRoot, file)}`);
  }

  afterEach(async t => {
    if (!t.passed) {
      await screenshot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  });

  async function chooseTemplate(name, title) {
    await page.goto(`${appUrl}/create`);
    await page.getByText(title, { exact: true }).first().waitFor();
    await page.goto(`${appUrl}/create/templates/default/${name}`);
  }

  // The owner pickers list groups by their titles, such as "Platform Team".
  async function pickOwner(label, groupTitle) {
    const field = page.getByLabel(label, { exact: false }).first();
    await field.click();
    await field.fill(groupTitle.split(' ')[0]);
    await page.getByRole('option', { name: groupTitle }).first().click();
  }

  // The last step's button is Review, the others' Next.
  async function next() {
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }

  async function createAndWait(name) {
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/tasks/**');
    // The task page shows the output links once every step has finished.
    await page
      .getByText(/Completed|Open the/)
      .first()
      .waitFor({ timeout: 120_000 });
    const failed = await page.getByText(/failed/i).count();
    await screenshot(`cocktail-template-${name}-task`);
    assert.equal(failed, 0, 'no step failed');
  }

  it('creates a cluster through Cluster API and shows it in the catalog and on the Clusters page', async () => {
    await chooseTemplate('cocktail-new-cluster', 'New Kubernetes cluster');
    await page.getByLabel(/^Name\W*$/).fill('e2e-cluster');
    await pickOwner('Owner', 'Platform Team');
    await screenshot('cocktail-template-cluster-form');
    await next();
    await next();
    await next();
    await createAndWait('cluster');
    await page
      .getByRole('link', { name: 'Open the cluster in the catalog' })
      .click();
    await page
      .getByRole('heading', { name: 'e2e-cluster' })
      .waitFor({ timeout: 60_000 });
    await page.goto(`${appUrl}/cocktail`);
    await page
      .getByRole('row', { name: /e2e-cluster/ })
      .getByText('Healthy')
      .waitFor({ timeout: 60_000 });
    await screenshot('cocktail-template-cluster-registered');
  });

  it('creates a Service whose ServiceMap is provisioned on its cluster', async () => {
    await chooseTemplate('cocktail-new-service', 'New Service');
    await page.getByLabel(/^Name\W*$/).fill('e2e-shop');
    await pickOwner('Owning team', 'Payments Team');
    await next();
    await page.getByLabel(/^Cluster\W*$/).click();
    await page.getByRole('option', { name: /Development cluster/ }).click();
    await screenshot('cocktail-template-service-form');
    await next();
    await createAndWait('service');
    await page.goto(`${appUrl}/catalog/default/service/e2e-shop`);
    await page.getByRole('link', { name: 'Environments', exact: true }).click();
    const row = page.getByRole('row', {
      name: /development.*e2e-shop-development/,
    });
    await row.waitFor({ timeout: 60_000 });
    // The provisioned ResourceQuota: 4 cores for the development environment.
    await row.getByText(/of 4$/).waitFor();
    await screenshot('cocktail-template-service');
  });

  it('creates a server and deploys it to a ServiceMap', async () => {
    await chooseTemplate('cocktail-new-server', 'New server');
    await page.getByLabel(/^Name\W*$/).fill('e2e-web');
    await page.getByLabel(/^ServiceMap\W*$/).click();
    await page
      .getByRole('option', { name: /Payments \(development\)/ })
      .click();
    await pickOwner('Owner', 'Payments Team');
    await next();
    await next();
    await createAndWait('server');
    await page.getByRole('link', { name: 'Open the server' }).click();
    await page
      .getByRole('heading', { name: 'e2e-web' })
      .waitFor({ timeout: 60_000 });
    // The catalog may still be processing the new entity, whose tabs depend on its kind:
    // open the Status tab by its address, reloading until the server shows.
    const deadline = Date.now() + 90_000;
    for (;;) {
      await page.goto(
        `${appUrl}/catalog/default/cocktailserver/e2e-web/cocktail-status`,
      );
      const shown = await page
        .getByText('2 ready of 2 desired')
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) {
        break;
      }
      assert.ok(Date.now() < deadline, 'the new server shows its status');
    }
    await screenshot('cocktail-template-server');
  });
});
