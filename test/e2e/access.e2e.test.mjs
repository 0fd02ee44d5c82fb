// Time-limited cluster access in the browser: bob gets an edit kubeconfig for payments-dev from
// the Access tab and kubectl works with it there and nowhere else; carol cannot ask for edit;
// alice sees bob's grant and revokes it, after which his kubectl is refused; a one-minute grant
// is ended by the sweep.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { launchBrowser, signInAs } from './browser.mjs';
import { hasKubectl, kubectl } from './kubectl.mjs';
import {
  appUrl,
  backendUrl,
  personToken,
  repoRoot,
  startPortal,
  waitForEntity,
} from './portal.mjs';

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');
const paymentsDev = `${appUrl}/catalog/default/servicemap/payments-dev/cocktail-access`;
const accessApi = `${backendUrl}/api/cocktail/servicemaps/default/payments-dev/access`;

/**
 * The HTTP status the cluster answers a kubeconfig's token with, asked as kubectl would (so the
 * checks run where kubectl is missing too): over its server URL, trusting its CA data or, where
 * it says `insecure-skip-tls-verify`, any certificate.
 */
function clusterAnswer(kubeconfigFile, apiPath, method = 'GET') {
  const config = parseYaml(fs.readFileSync(kubeconfigFile, 'utf8'));
  const { cluster } = config.clusters[0];
  const url = new URL(`${cluster.server}${apiPath}`);
  const caData = cluster['certificate-authority-data'];
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method,
        headers: { Authorization: `Bearer ${config.users[0].user.token}` },
        ...(caData && { ca: Buffer.from(caData, 'base64') }),
        rejectUnauthorized: !cluster['insecure-skip-tls-verify'],
      },
      response => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('time-limited cluster access from the Access tab', () => {
  let portal;
  let browser;
  let page;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'cocktail-access-'));
  let bobsKubeconfig;
  let shortGrant;

  before(async () => {
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.cocktail.e2e.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.access.e2e.yaml'),
      ],
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-access-portal.log'),
    });
    await waitForEntity(
      'servicemap:default/payments-dev',
      'partOf service:default/payments',
    );
    // Asked for first, so that its minute runs while the other tests do.
    const response = await fetch(accessApi, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await personToken('bob')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        role: 'view',
        durationMinutes: 1,
        reason: 'check the sweep ends me',
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    shortGrant = (await response.json()).result;
    fs.writeFileSync(
      path.join(downloads, 'short.kubeconfig'),
      shortGrant.kubeconfig,
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  async function newPageAs(person) {
    await page?.context().close();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
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

  async function choose(label, option) {
    await page.getByLabel(label).click();
    await page.getByRole('option', { name: option }).click();
  }

  it('gives bob (developer) an edit kubeconfig for payments-dev that works there and nowhere else', async t => {
    await newPageAs('bob');
    await page.goto(paymentsDev);
    await page.getByText('Ask for cluster access').waitFor();
    await choose('Kubernetes role', /^edit/);
    await choose('For', '10 minutes');
    await page.getByLabel('Reason').fill('INC-42 worker stuck in payments-dev');
    await page.getByRole('button', { name: 'Get kubeconfig' }).click();
    await page.getByTestId('cocktail-access-issued').waitFor();
    await page.getByText('export KUBECONFIG=~/Downloads/').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download .*\.kubeconfig$/ }).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^payments-dev-bob-[0-9a-f]{8}\.kubeconfig$/,
    );
    bobsKubeconfig = path.join(downloads, download.suggestedFilename());
    await download.saveAs(bobsKubeconfig);
    await screenshot('access-bob-kubeconfig');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Your active grants (').waitFor();
    await page
      .getByRole('cell', { name: 'INC-42 worker stuck in payments-dev' })
      .waitFor();

    assert.equal(
      await clusterAnswer(
        bobsKubeconfig,
        '/api/v1/namespaces/payments-dev/pods',
      ),
      200,
    );
    assert.equal(
      await clusterAnswer(
        bobsKubeconfig,
        '/apis/apps/v1/namespaces/payments-staging/deployments/payments-api-staging',
        'DELETE',
      ),
      403,
    );
    if (!hasKubectl) {
      t.diagnostic('kubectl is not installed: its steps are skipped');
      return;
    }
    const pods = kubectl(bobsKubeconfig, 'get', 'pods');
    assert.equal(pods.code, 0, pods.stderr);
    assert.match(pods.stdout, /payments-api-dev-[0-9a-f]+-[0-9a-z]+/);
    for (const namespace of ['payments-staging', 'payments-prod']) {
      const refused = kubectl(
        bobsKubeconfig,
        'delete',
        'deployment',
        'payments-api',
        '-n',
        namespace,
      );
      assert.notEqual(refused.code, 0);
      assert.match(
        refused.stderr,
        new RegExp(
          `Forbidden.*cannot delete resource "deployments" in API group "apps" in the namespace "${namespace}"`,
        ),
      );
    }
    const canI = kubectl(
      bobsKubeconfig,
      'auth',
      'can-i',
      'delete',
      'deployments',
    );
    assert.equal(canI.stdout.trim(), 'yes');
  });

  it('does not let carol (viewer) ask for edit', async () => {
    await newPageAs('carol');
    await page.goto(paymentsDev);
    await page.getByText('Ask for cluster access').waitFor();
    await page.getByLabel('Kubernetes role').click();
    const edit = page.getByRole('option', { name: /^edit/ });
    assert.equal(await edit.getAttribute('aria-disabled'), 'true');
    assert.match(await edit.innerText(), /not for your role/);
    await screenshot('access-carol-roles');
    await page.keyboard.press('Escape');
    const response = await fetch(accessApi, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await personToken('carol')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        role: 'edit',
        durationMinutes: 10,
        reason: 'I want to',
      }),
    });
    assert.equal(response.status, 403);
    assert.equal(
      (await response.json()).error.message,
      'role: the Kubernetes role edit needs the developer role on Payments; your role there is viewer, which allows view',
    );
  });

  it("shows alice (admin) bob's grant; she revokes it and his kubectl is refused", async t => {
    assert.ok(bobsKubeconfig, 'the first test gave bob a kubeconfig');
    await newPageAs('alice');
    await page.goto(paymentsDev);
    const row = page
      .getByRole('row')
      .filter({ hasText: 'INC-42 worker stuck in payments-dev' });
    await row.waitFor();
    // The person's link shows their ref until the catalog's display name arrives.
    await row.getByText('Bob Lee').waitFor();
    assert.match(
      await row.innerText(),
      /Bob Lee[\s\S]*edit[\s\S]*(9|10) min left/,
    );
    await screenshot('access-alice-grants');
    await row.getByRole('button', { name: /^Revoke / }).click();
    await row.waitFor({ state: 'detached' });

    assert.equal(
      await clusterAnswer(
        bobsKubeconfig,
        '/api/v1/namespaces/payments-dev/pods',
      ),
      401,
    );
    if (hasKubectl) {
      const pods = kubectl(bobsKubeconfig, 'get', 'pods');
      assert.notEqual(pods.code, 0);
      assert.match(pods.stderr, /Unauthorized/);
    } else {
      t.diagnostic('kubectl is not installed: its steps are skipped');
    }
    const audit = await fetch(
      `${backendUrl}/api/cocktail/audit?entityRef=servicemap:default/payments-dev&action=access.revoke`,
      { headers: { Authorization: `Bearer ${await personToken('alice')}` } },
    );
    const rows = (await audit.json()).items;
    assert.deepEqual(
      rows.map(r => [r.actor, r.outcome]),
      [['user:default/alice', 'succeeded']],
    );
  });

  it('gives erin (platform admin) read on the whole dev cluster from its page, and nothing more', async t => {
    await newPageAs('erin');
    await page.goto(`${appUrl}/catalog/default/resource/dev/cocktail-cluster`);
    await page.getByText('Read the whole cluster').waitFor();
    await page.getByLabel('Reason').fill('INC-43 review across teams');
    await page.getByRole('button', { name: 'Get kubeconfig' }).click();
    await page.getByTestId('cocktail-access-issued').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download .*\.kubeconfig$/ }).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^dev-cluster-read-erin-[0-9a-f]{8}\.kubeconfig$/,
    );
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('button', { name: 'Done' }).click();
    await page
      .getByRole('cell', { name: 'INC-43 review across teams' })
      .waitFor();
    await screenshot('access-erin-cluster-read');
    for (const namespace of ['payments-dev', 'payments-staging']) {
      assert.equal(
        await clusterAnswer(file, `/api/v1/namespaces/${namespace}/pods`),
        200,
      );
    }
    assert.equal(
      await clusterAnswer(file, '/api/v1/namespaces/payments-dev/secrets'),
      403,
    );
    if (!hasKubectl) {
      t.diagnostic('kubectl is not installed: its steps are skipped');
      return;
    }
    const pods = kubectl(file, 'get', 'pods', '--all-namespaces');
    assert.equal(pods.code, 0, pods.stderr);
    assert.match(pods.stdout, /payments-dev\s+payments-api-dev-/);
    const refused = kubectl(
      file,
      'delete',
      'deployment',
      'payments-api-dev',
      '-n',
      'payments-dev',
    );
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Forbidden/);
  });

  it('ends a one-minute grant at the sweep after its expiry', async () => {
    const file = path.join(downloads, 'short.kubeconfig');
    const deadline = new Date(shortGrant.grant.expiresAt).getTime() + 30_000;
    // Asked at least once: the tests before may have run past the deadline already.
    let status;
    do {
      status = await clusterAnswer(
        file,
        '/api/v1/namespaces/payments-dev/pods',
      );
      if (status === 401) break;
      await new Promise(resolve => setTimeout(resolve, 2_000));
    } while (Date.now() < deadline);
    assert.equal(
      status,
      401,
      'the token still works 30 s after the grant expired',
    );
    // The token may stop working at its own expiry before the sweep has written its row.
    let expiry;
    while (!expiry && Date.now() < deadline + 60_000) {
      const audit = await fetch(
        `${backendUrl}/api/cocktail/audit?entityRef=servicemap:default/payments-dev&action=access.expire`,
        { headers: { Authorization: `Bearer ${await personToken('alice')}` } },
      );
      [expiry] = (await audit.json()).items;
      if (!expiry) {
        await new Promise(resolve => setTimeout(resolve, 2_000));
      }
    }
    assert.ok(expiry, 'the sweep audited the expiry');
    assert.equal(expiry.details.grantId, shortGrant.grant.id);
    assert.equal(expiry.actor, 'plugin:cocktail/access-sweep');
    const list = await fetch(accessApi, {
      headers: { Authorization: `Bearer ${await personToken('bob')}` },
    });
    assert.ok(
      !(await list.json()).items.some(g => g.id === shortGrant.grant.id),
      'the expired grant is no longer listed',
    );
  });
});
