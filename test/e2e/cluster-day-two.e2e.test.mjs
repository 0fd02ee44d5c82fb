// Keeping clusters, through the browser against the demo: a cluster created from the template
// gets its CNI add-on; it is upgraded a minor version, gains and loses a node pool, gets
// ingress-nginx, and is deleted; a node of the dev cluster is drained and its pods move;
// payments-dev is backed up, a server there deleted and restored, and it runs again.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

const screenshots = path.join(repoRoot, 'test/e2e/screenshots');
const CLUSTER = 'e2e-day2';

async function api(person, method, apiPath, body) {
  const response = await fetch(`${backendUrl}/api/cocktail${apiPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${await personToken(person)}`,
      ...(body && { 'Content-Type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually(what, check, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check();
    if (last) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

describe('keeping clusters after day one', () => {
  let portal;
  let browser;
  let page;
  let published;

  before(async () => {
    published = await fs.mkdtemp(path.join(os.tmpdir(), 'cocktail-e2e-day2-'));
    portal = await startPortal({
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.templates.e2e.yaml'),
      ],
      env: { COCKTAIL_E2E_PUBLISHED: published },
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-day2-portal.log'),
    });
    await waitForEntity(
      'template:default/cocktail-new-cluster',
      'ownedBy group:default/platform-team',
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
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

  async function openTab(title) {
    await page
      .getByRole('tab', { name: title, exact: true })
      .or(page.getByRole('link', { name: title, exact: true }))
      .first()
      .click();
  }

  async function openCluster(name) {
    await page.goto(`${appUrl}/catalog/default/resource/${name}`);
    await openTab('Cluster');
  }

  /** Opens a dialog with `button`, waits for the dry run's list, confirms, and waits for the result. */
  async function confirmInDialog(button, confirmLabel, options = {}) {
    await button.click();
    const dialog = page.getByRole('dialog');
    if (options.fill) {
      await options.fill(dialog);
    }
    await dialog.getByRole('list', { name: 'what will change' }).waitFor();
    if (options.screenshot) {
      await screenshot(options.screenshot);
    }
    await dialog
      .getByRole('button', { name: confirmLabel, exact: true })
      .click();
    await dialog
      .getByRole('list', { name: 'what changed' })
      .waitFor({ timeout: 60_000 });
    if (options.whileOpen) {
      await options.whileOpen(dialog);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('creates a cluster from the template and sees its CNI add-on deployed', async () => {
    await signInAs(page, 'erin');
    await page.goto(`${appUrl}/create/templates/default/cocktail-new-cluster`);
    await page.getByLabel(/^Name\W*$/).fill(CLUSTER);
    const owner = page.getByLabel('Owner', { exact: false }).first();
    await owner.click();
    await owner.fill('Platform');
    await page.getByRole('option', { name: 'Platform Team' }).first().click();
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
    }
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/tasks/**');
    await page
      .getByText(/Open the cluster in the catalog/)
      .first()
      .waitFor({ timeout: 120_000 });
    await waitForEntity(
      `resource:default/${CLUSTER}`,
      'ownedBy group:default/platform-team',
    );

    await openCluster(CLUSTER);
    const calico = page.getByRole('row').filter({ hasText: 'Calico' });
    await calico.getByText('deployed').waitFor({ timeout: 60_000 });
    await page
      .getByRole('row')
      .filter({ hasText: 'metrics-server' })
      .getByText('deployed')
      .waitFor();
    await screenshot('cluster-day2-created');
  });

  it('upgrades the cluster a minor version: the control plane, then the node pools', async () => {
    await openCluster(CLUSTER);
    await confirmInDialog(
      page.getByRole('button', { name: 'Upgrade…', exact: true }),
      'Upgrade to v1.34.0',
      {
        screenshot: 'cluster-day2-upgrade-dry-run',
      },
    );
    await eventually('the control plane to run v1.34.0', async () => {
      const { body } = await api(
        'erin',
        'GET',
        `/cluster-api/clusters/default/${CLUSTER}/overview`,
      );
      return (
        body.controlPlane?.version === 'v1.34.0' &&
        body.machines
          .filter(m => m.controlPlane)
          .every(m => m.version === 'v1.34.0')
      );
    });
    await page.reload();
    await confirmInDialog(
      page.getByRole('button', { name: 'Upgrade…', exact: true }),
      'Upgrade to v1.34.0',
    );
    const overview = await eventually(
      'every machine to run v1.34.0',
      async () => {
        const { body } = await api(
          'erin',
          'GET',
          `/cluster-api/clusters/default/${CLUSTER}/overview`,
        );
        return body.machines.length &&
          body.machines.every(m => m.version === 'v1.34.0')
          ? body
          : undefined;
      },
    );
    assert.deepEqual(
      overview.nodePools.map(p => p.version),
      ['v1.34.0'],
    );
    await page.reload();
    await page
      .getByRole('row')
      .filter({ hasText: `${CLUSTER}-workers` })
      .getByText('v1.34.0')
      .first()
      .waitFor();
    await screenshot('cluster-day2-upgraded');
  });

  it('adds a node pool and removes it again', async () => {
    await openCluster(CLUSTER);
    await confirmInDialog(
      page.getByRole('button', { name: 'Add a node pool…' }),
      'Add the node pool',
      {
        fill: async dialog => {
          await dialog.getByLabel('Name').fill('batch');
          await dialog
            .getByRole('list', { name: 'what will change' })
            .getByText(/MachineDeployment\/e2e-day2-batch/)
            .waitFor();
        },
      },
    );
    const batch = page
      .getByRole('row')
      .filter({ hasText: `${CLUSTER}-batch` })
      .first();
    await batch.getByText('1 of 1').waitFor({ timeout: 60_000 });
    await screenshot('cluster-day2-pool-added');

    await confirmInDialog(
      page.getByRole('button', { name: `Remove node pool ${CLUSTER}-batch` }),
      'Remove the node pool',
      {
        fill: async dialog => {
          await dialog
            .getByLabel(`Type ${CLUSTER}-batch to confirm`)
            .fill(`${CLUSTER}-batch`);
        },
      },
    );
    await eventually('the batch pool to go', async () => {
      const { body } = await api(
        'erin',
        'GET',
        `/cluster-api/clusters/default/${CLUSTER}/overview`,
      );
      return (
        body.nodePools.length === 1 &&
        body.machines.every(m => m.pool !== `${CLUSTER}-batch`)
      );
    });
    await page.getByText('Node pools (1)').waitFor({ timeout: 30_000 });
  });

  it('installs ingress-nginx through CAAPH', async () => {
    await openCluster(CLUSTER);
    const ingress = page
      .getByRole('row')
      .filter({ hasText: 'An Ingress controller on NGINX' });
    await confirmInDialog(
      ingress.getByRole('button', { name: 'Install ingress-nginx' }),
      'Install ingress-nginx',
    );
    await ingress.getByText('deployed').waitFor({ timeout: 60_000 });
    await screenshot('cluster-day2-addons');
  });

  it('drains a dev node: its pods move to the other nodes, and it is uncordoned', async () => {
    const before = await api(
      'erin',
      'GET',
      '/clusters/dev/nodes/dev-node-2/pods',
    );
    assert.ok(before.body.pods.length > 0, 'dev-node-2 runs pods');
    await openCluster('dev');
    await confirmInDialog(
      page.getByRole('button', { name: 'Drain dev-node-2' }),
      'Drain',
      {
        screenshot: 'cluster-day2-drain-dry-run',
        whileOpen: async dialog => {
          await dialog
            .getByText('0 pods left on dev-node-2')
            .waitFor({ timeout: 60_000 });
          await screenshot('cluster-day2-drained');
        },
      },
    );
    const after = await api(
      'erin',
      'GET',
      '/clusters/dev/nodes/dev-node-2/pods',
    );
    assert.equal(after.body.unschedulable, true);
    assert.deepEqual(
      after.body.pods.filter(p => p.ownerKind !== 'DaemonSet'),
      [],
    );
    const moved = before.body.pods.find(p => p.namespace === 'payments-dev');
    if (moved) {
      await eventually('payments-dev to run elsewhere', async () => {
        const { body } = await api(
          'alice',
          'GET',
          '/servers/default/payments-api-dev/status',
        );
        return (
          body.replicas?.ready === body.replicas?.desired &&
          body.pods?.every(p => p.node !== 'dev-node-2')
        );
      });
    }
    await page.reload();
    await confirmInDialog(
      page.getByRole('button', { name: 'Uncordon dev-node-2' }),
      'Uncordon',
    );
    const uncordoned = await api(
      'erin',
      'GET',
      '/clusters/dev/nodes/dev-node-2/pods',
    );
    assert.equal(uncordoned.body.unschedulable, false);
  });

  it('backs up payments-dev, restores a deleted server from it, and the server runs again', async () => {
    await signInAs(page, 'alice');
    await page.goto(`${appUrl}/catalog/default/servicemap/payments-dev`);
    await openTab('Backups');
    await confirmInDialog(
      page.getByRole('button', { name: 'Back up now…' }),
      'Back up now',
    );
    const backup = await eventually('the backup to complete', async () => {
      const { body } = await api(
        'alice',
        'GET',
        '/servicemaps/default/payments-dev/backups',
      );
      return body.backups.find(b => b.phase === 'Completed');
    });
    await page
      .getByRole('row')
      .filter({ hasText: backup.name })
      .getByText('Completed')
      .waitFor();
    await screenshot('cluster-day2-backup');

    const deleted = await api(
      'alice',
      'DELETE',
      '/servers/default/payments-api-dev',
    );
    assert.equal(deleted.status, 200);
    await eventually('payments-api-dev to be gone', async () => {
      const { body } = await api(
        'alice',
        'GET',
        '/servers/default/payments-api-dev/status',
      );
      return body.found === false;
    });

    await page.reload();
    await confirmInDialog(
      page.getByRole('button', { name: `Restore from ${backup.name}` }),
      'Restore',
      {
        screenshot: 'cluster-day2-restore-dry-run',
      },
    );
    await page
      .getByRole('row')
      .filter({ hasText: `${backup.name}-restore` })
      .getByText('Completed')
      .waitFor({ timeout: 60_000 });
    await eventually('payments-api-dev to run again', async () => {
      const { body } = await api(
        'alice',
        'GET',
        '/servers/default/payments-api-dev/status',
      );
      return body.found && body.replicas?.ready >= 1;
    });
    await screenshot('cluster-day2-restored');
    await page.goto(
      `${appUrl}/catalog/default/cocktailserver/payments-api-dev`,
    );
    await openTab('Status');
    await page.getByText('Running').first().waitFor({ timeout: 60_000 });
  });

  it('deletes the created cluster after its name is typed', async () => {
    await signInAs(page, 'erin');
    await openCluster(CLUSTER);
    await confirmInDialog(
      page.getByRole('button', { name: 'Delete cluster…' }),
      'Delete the cluster',
      {
        fill: async dialog => {
          await dialog.getByLabel(`Type ${CLUSTER} to confirm`).fill(CLUSTER);
        },
        screenshot: 'cluster-day2-delete-dry-run',
      },
    );
    await eventually('the Cluster to be gone', async () => {
      const { status } = await api(
        'erin',
        'GET',
        `/cluster-api/clusters/default/${CLUSTER}/overview`,
      );
      return status === 404;
    });
    const audit = await api(
      'erin',
      'GET',
      '/audit?action=cluster.delete&limit=5',
    );
    assert.equal(audit.body.items[0].entityRef, `resource:default/${CLUSTER}`);
    assert.equal(audit.body.items[0].actor, 'user:default/erin');
  });
});
