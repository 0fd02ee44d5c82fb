// The Cocktail pages against the demo clusters that the README's start command runs: a server's
// pods, scaling it, a rolling update and a rollback from the browser, and both in the audit log.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchBrowser, signInAs } from './browser.mjs';
import {
  appUrl,
  backendUrl,
  personToken,
  repoRoot,
  startPortal,
  waitForEntity,
} from './portal.mjs';

const execFileAsync = promisify(execFile);
// The static external-access token test/e2e/app-config.cocktail.e2e.yaml gives CI uploads.
const ciToken = 'e2e-ci-upload-token-0123456789';

/** A small Trivy report (SchemaVersion 2) for an image, with one critical finding. */
function trivyReport(image, digest) {
  const [repository] = image.split(':');
  return {
    SchemaVersion: 2,
    CreatedAt: new Date().toISOString(),
    ArtifactName: image,
    ArtifactType: 'container_image',
    Metadata: { RepoTags: [image], RepoDigests: [`${repository}@${digest}`] },
    Results: [
      {
        Target: `${image} (debian 12.5)`,
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2024-6387',
            PkgName: 'openssh-server',
            InstalledVersion: '1:9.2p1-2+deb12u2',
            FixedVersion: '1:9.2p1-2+deb12u3',
            Severity: 'CRITICAL',
            Title: 'openssh: regreSSHion: RCE in OpenSSH server',
            PrimaryURL: 'https://avd.aquasec.com/nvd/cve-2024-6387',
          },
          {
            VulnerabilityID: 'CVE-2023-50495',
            PkgName: 'libtinfo6',
            InstalledVersion: '6.4-4',
            Severity: 'MEDIUM',
            Title: 'ncurses: segmentation fault via _nc_wrap_entry()',
          },
        ],
      },
    ],
  };
}

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');
const server = `${appUrl}/catalog/default/cocktailserver/payments-worker`;
// The first simulated cluster (dev) listens here; prod is the next port.
const devCluster = 'http://127.0.0.1:18443';

describe('the Cocktail pages', () => {
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
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-pages-portal.log'),
    });
    await waitForEntity(
      'cocktailserver:default/payments-worker',
      'partOf servicemap:default/payments-prod',
    );
    await waitForEntity(
      'resource:default/prod',
      'dependencyOf servicemap:default/payments-prod',
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    // Alice is an admin of Payments: every operation on its servers is hers to use.
    await signInAs(page, 'alice');
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Clusters' })
      .waitFor();
  });

  after(async () => {
    await fetch(`${devCluster}/kube-sim/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ down: false }),
    }).catch(() => {});
    await browser?.close();
    await portal?.stop();
  });

  async function screenshot(name) {
    // Let dialogs finish fading in.
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

  /** Waits until the cluster sync has stored the VulnerabilityReport of a server's image. */
  async function waitForClusterScanOf(name) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const response = await fetch(
        `${backendUrl}/api/cocktail/servers/default/${name}/image-scans`,
        { headers: { Authorization: `Bearer ${await personToken('alice')}` } },
      );
      const body = response.ok ? await response.json() : undefined;
      if (body?.images?.some(image => image.scan)) {
        return;
      }
      assert.ok(Date.now() < deadline, `the scan of ${name}'s image arrives`);
      await new Promise(resolve => setTimeout(resolve, 1_000));
    }
  }

  // The entity page's tabs are links in the new frontend system.
  async function openTab(title) {
    await page
      .getByRole('tab', { name: title, exact: true })
      .or(page.getByRole('link', { name: title, exact: true }))
      .first()
      .click();
  }

  it('lists the clusters from the sidebar with their health and what runs on them', async () => {
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Clusters' })
      .click();
    await page.waitForURL('**/cocktail');
    const prod = page.getByRole('row', {
      name: /Production cluster \(Seoul\)/,
    });
    await prod.getByText('Healthy').waitFor();
    await prod.getByText('v1.33.0-kube-sim').waitFor();
    // Nodes, ServiceMaps (Payments and Search production) and their servers.
    const cells = (await prod.getByRole('cell').allInnerTexts()).map(c =>
      c.trim(),
    );
    assert.deepEqual([cells[3], cells[5], cells[6]], ['3', '2', '9']);
    await screenshot('cocktail-clusters-page');
  });

  it("shows a server's live status and its pods", async () => {
    await page.goto(server);
    await openTab('Status');
    await page.getByText('2 ready of 2 desired').waitFor();
    await page.getByText('In sync: all').waitFor();
    await screenshot('cocktail-server-status');
    await openTab('Monitoring');
    const pods = page.getByRole('row', { name: /payments-worker-/ });
    await page.getByText('Pods (2)').waitFor();
    assert.equal(await pods.filter({ hasText: 'Running' }).count(), 2);
    await page.getByText('CPU and memory now').waitFor();
    await screenshot('cocktail-server-monitoring');
  });

  it('scales the server from 2 to 3 and shows the third pod become ready', async () => {
    await openTab('Operations');
    await page.getByRole('button', { name: 'Scale…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Replicas').fill('3');
    await dialog
      .getByText(
        'Replicas of Deployment payments-worker in namespace payments-prod on cluster prod: 2 → 3.',
      )
      .waitFor();
    await screenshot('cocktail-server-scale-confirm');
    await dialog.getByRole('button', { name: 'Scale to 3' }).click();
    await dialog.getByText(/Applied to Deployment\/payments-worker/).waitFor();
    await dialog.getByText(/Rollout complete: 3 of 3 ready/).waitFor();
    await screenshot('cocktail-server-scale-result');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await openTab('Monitoring');
    await page.getByText('Pods (3)').waitFor();
    const ready = page
      .getByRole('row', { name: /payments-worker-/ })
      .filter({ hasText: '1/1' });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('tr')].filter(
          row =>
            row.textContent.includes('payments-worker-') &&
            row.textContent.includes('Running') &&
            row.textContent.includes('1/1'),
        ).length === 3,
    );
    assert.equal(await ready.count(), 3);
    await screenshot('cocktail-server-three-pods');
  });

  it('rolls out another image and rolls back to the first revision', async () => {
    await openTab('Operations');
    await page.getByRole('button', { name: 'Rolling update…' }).click();
    let dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Image of container worker')
      .fill('harbor.example.com/payments/api:1.5.0');
    await dialog
      .getByText(
        'Container worker: harbor.example.com/payments/api:1.4.2 → harbor.example.com/payments/api:1.5.0.',
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Update images' }).click();
    await dialog
      .getByText(/Rollout complete: 3 of 3 ready, 3 updated, revision 2/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Revision 1 runs Payments API's image, whose VulnerabilityReport (synced from the demo
    // cluster) has a critical finding: the scan gate blocks the rollback until alice, an admin
    // of Payments, overrides it with a reason.
    await waitForClusterScanOf('payments-api');
    await page.getByRole('button', { name: 'Roll back…' }).click();
    dialog = page.getByRole('dialog');
    await dialog
      .getByText(
        /Blocked by the image scan gate: .*CVE-2024-45337 in golang\.org\/x\/crypto \(critical\)/,
      )
      .waitFor();
    await dialog
      .getByLabel('Roll back anyway (recorded in the audit log)')
      .check();
    await dialog.getByLabel('Why').fill('e2e: back to the revision we know');
    await dialog
      .getByText('goes back from revision 2 to revision 1', { exact: false })
      .waitFor();
    await dialog
      .getByText('Images at revision 1: harbor.example.com/payments/api:1.4.2.')
      .waitFor();
    await screenshot('cocktail-server-rollback-confirm');
    await dialog
      .getByRole('button', { name: 'Roll back to revision 1' })
      .click();
    await dialog
      .getByText(/Rollout complete: 3 of 3 ready, 3 updated, revision 3/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await openTab('Status');
    await page
      .getByText('worker: harbor.example.com/payments/api:1.4.2')
      .first()
      .waitFor();
  });

  it('finds the scale and the rollback in the audit log, with their details', async () => {
    await openTab('Audit log');
    for (const action of [
      'server.scale',
      'server.rolling-update',
      'server.rollback',
    ]) {
      await page
        .getByRole('row', {
          name: new RegExp(`${action.replace('.', '\\.')}\\b`),
        })
        .filter({ hasText: 'Payments worker' })
        .filter({ hasText: 'succeeded' })
        .first()
        .waitFor();
    }
    await screenshot('cocktail-server-audit-log');
    await page
      .getByRole('row', { name: /server\.rollback/ })
      .first()
      .click();
    const details = page.getByRole('dialog');
    await details.getByText('"revision": "1"').waitFor();
    await details.getByText('user:default/alice').waitFor();
    await screenshot('cocktail-server-audit-details');
    await details.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Action', { exact: true }).click();
    await page.getByRole('option', { name: 'server.scale' }).click();
    await page
      .getByRole('row', { name: /server\.scale/ })
      .first()
      .waitFor();
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('tr')].some(row =>
          row.textContent.includes('server.rollback'),
        ),
    );
  });

  it('shows the Service, its ServiceMap and the cluster', async () => {
    await page.goto(`${appUrl}/catalog/default/service/payments`);
    await openTab('Environments');
    await page.getByText('Environments (3)').waitFor();
    await page
      .getByRole('row', { name: /production.*payments-prod/ })
      .waitFor();
    await page.getByText('group:payments-devs').waitFor();
    await screenshot('cocktail-service');

    await page.goto(`${appUrl}/catalog/default/servicemap/payments-prod`);
    await openTab('Servers');
    await page.getByText('Servers (5)').waitFor();
    await page.getByText(/^CPU: .* of 32 \(\d+%\)$/).waitFor();
    await screenshot('cocktail-servicemap');

    await page.goto(`${appUrl}/catalog/default/resource/prod`);
    await openTab('Cluster');
    await page.getByText('3 ready of 3').waitFor();
    await page.getByText('Nodes (3)').waitFor();
    await page.getByRole('link', { name: 'Payments (production)' }).waitFor();
    await screenshot('cocktail-cluster');
  });

  it("shows a report uploaded from the CLI on the server's Image scans tab", async () => {
    const image = 'harbor.example.com/payments/web:2.8.0';
    // kube-sim reports the sha256 of the image reference as the pods' image digest.
    const digest = `sha256:${createHash('sha256').update(image).digest('hex')}`;
    const report = path.join(
      os.tmpdir(),
      `cocktail-e2e-trivy-${process.pid}.json`,
    );
    await fs.writeFile(report, JSON.stringify(trivyReport(image, digest)));
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/bin/cocktail'),
        'scan',
        'upload',
        '--url',
        backendUrl,
        '--token',
        ciToken,
        report,
      ],
      { cwd: repoRoot },
    );
    assert.match(
      stdout,
      /Stored scan \d+ of harbor\.example\.com\/payments\/web:2\.8\.0/,
    );
    assert.match(stdout, /CRITICAL\s+1\s+1/);
    await page.goto(`${appUrl}/catalog/default/cocktailserver/payments-web`);
    await openTab('Image scans');
    await page.locator('a', { hasText: 'CVE-2024-6387' }).first().waitFor();
    await page.getByText('1 critical').first().waitFor();
    await screenshot('cocktail-server-image-scans');
  });

  it("shows the demo cluster's VulnerabilityReport on its server's tab", async () => {
    await page.goto(`${appUrl}/catalog/default/cocktailserver/payments-api`);
    await openTab('Image scans');
    // The cluster sync runs a few seconds after the backend starts, then every minute.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const shown = await page
        .locator('a', { hasText: 'CVE-2024-45337' })
        .first()
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) {
        break;
      }
      assert.ok(
        Date.now() < deadline,
        'the VulnerabilityReport reaches the tab',
      );
      await page.reload();
    }
    await page
      .getByText(/by Trivy .*\(cluster\)/)
      .first()
      .waitFor();
    await screenshot('cocktail-server-image-scans-cluster');
  });

  it('refuses to deploy an image with a critical finding, naming it', async () => {
    await page.goto(`${appUrl}/catalog/default/cocktailserver/payments-web`);
    await openTab('Operations');
    await page.getByRole('button', { name: 'Deploy…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(
        /Blocked by the image scan gate: .*CVE-2024-6387 in openssh-server \(critical\)/,
      )
      .waitFor();
    await screenshot('cocktail-server-deploy-gate');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const response = await fetch(
      `${backendUrl}/api/cocktail/servers/default/payments-web/deploy`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await personToken('alice')}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({}),
      },
    );
    assert.equal(response.status, 409);
    assert.match((await response.json()).error.message, /CVE-2024-6387/);
  });

  it('works in the dark theme', async () => {
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.goto(server);
    await openTab('Operations');
    await page.getByRole('button', { name: 'Deploy…' }).waitFor();
    await screenshot('cocktail-server-operations-dark');
    await page.evaluate(() => localStorage.removeItem('theme'));
  });

  it('shows stale data with its age and the reason while a cluster is down', async () => {
    const down = await fetch(`${devCluster}/kube-sim/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ down: true }),
    });
    assert.equal(down.status, 200);
    await page.goto(
      `${appUrl}/catalog/default/cocktailserver/payments-api-staging`,
    );
    await openTab('Status');
    await page
      .getByText(
        /Cluster dev is not answering: showing what it reported .* ago/,
      )
      .waitFor({ timeout: 60_000 });
    await page.getByText('1 ready of 1 desired').waitFor();
    await screenshot('cocktail-server-stale');
  });
});
