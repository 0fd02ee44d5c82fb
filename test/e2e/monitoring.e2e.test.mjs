// Monitoring over time in the browser, against the demo's Prometheus scraping kube-sim: bob sees
// charts with points on a server's Monitoring tab, its ServiceMap, its Service and its cluster,
// picks another range, and a raised simulated load shows in the server's CPU over time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
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
// kube-sim's prod cluster (examples/clusters.yaml), where payments-api runs.
const prodCluster = 'https://127.0.0.1:18444';
const payments = `${appUrl}/catalog/default`;

/** kube-sim's control endpoints take self-signed TLS; plain HTTP reaches the same port. */
async function setLoad(settings) {
  const response = await fetch(
    `${prodCluster.replace('https:', 'http:')}/kube-sim/load`,
    { method: 'PUT', body: JSON.stringify(settings) },
  );
  assert.equal(response.status, 200, await response.text());
}

async function monitoringAnswer(person, apiPath) {
  const response = await fetch(`${backendUrl}/api/cocktail/${apiPath}`, {
    headers: { Authorization: `Bearer ${await personToken(person)}` },
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

describe('monitoring over time', () => {
  let portal;
  let browser;
  let page;
  const prometheusData = fs.mkdtempSync(
    path.join(os.tmpdir(), 'cocktail-e2e-monitoring-'),
  );

  before(async () => {
    portal = await startPortal({
      // A Prometheus of its own, so that no earlier demo's pods are in its charts.
      env: { COCKTAIL_MONITORING_DATA_DIR: prometheusData },
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.cocktail.e2e.yaml'),
      ],
      logFile: path.join(os.tmpdir(), 'cocktail-e2e-monitoring-portal.log'),
    });
    await waitForEntity(
      'cocktailserver:default/payments-api',
      'partOf servicemap:default/payments-prod',
    );
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAs(page, 'bob');
  });

  after(async () => {
    await setLoad({ factor: 1, rules: [] }).catch(() => {});
    await browser?.close();
    await portal?.stop();
    fs.rmSync(prometheusData, { recursive: true, force: true });
  });

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

  /**
   * Waits until a chart draws `lines` lines through at least two points each (Prometheus
   * scrapes every 15 s, so a fresh demo needs about half a minute; the page reloads its charts
   * every 30 s).
   */
  async function chartWithPoints(testId, lines) {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const paths = await page
        .getByTestId(testId)
        .locator('path.recharts-line-curve')
        .evaluateAll(nodes => nodes.map(node => node.getAttribute('d') ?? ''))
        .catch(() => []);
      const drawn = paths.filter(d => /^M[\d.]+,[\d.]+L/.test(d));
      if (drawn.length >= lines) {
        return drawn;
      }
      assert.ok(
        Date.now() < deadline,
        `${testId} draws ${lines} lines with points (it drew ${drawn.length})`,
      );
      await page.waitForTimeout(2_000);
    }
  }

  it("draws a server's CPU, memory and network per pod with their total", async () => {
    await page.goto(`${payments}/cocktailserver/payments-api`);
    await openTab('Monitoring');
    await page.getByText('Usage over time').waitFor();
    // Two pods and their total.
    await chartWithPoints('chart-cpu', 3);
    await chartWithPoints('chart-memory', 3);
    await chartWithPoints('chart-networkReceive', 3);
    const cpu = page.getByTestId('chart-cpu');
    assert.match(await cpu.innerText(), /payments-api-[a-z0-9]+-[a-z0-9]+/);
    assert.match(await cpu.innerText(), /limit 2 cores/);
    await page.getByRole('button', { name: '6h' }).click();
    await page.getByRole('button', { name: '6h', pressed: true }).waitFor();
    await chartWithPoints('chart-cpu', 3);
    await screenshot('monitoring-server');
  });

  it("draws its ServiceMap against the quota, its Service by environment, and its cluster's nodes", async () => {
    await page.goto(`${payments}/servicemap/payments-prod`);
    await openTab('Servers');
    await chartWithPoints('chart-cpu', 1);
    assert.match(
      await page.getByTestId('chart-cpu').innerText(),
      /requests quota 32 cores/,
    );
    await screenshot('monitoring-servicemap');

    await page.goto(`${payments}/service/payments`);
    await openTab('Environments');
    // development, staging and production
    await chartWithPoints('chart-cpu', 3);
    await screenshot('monitoring-service');

    await page.goto(`${payments}/resource/prod`);
    await openTab('Cluster');
    await chartWithPoints('chart-cpu', 4);
    await chartWithPoints('chart-pods', 1);
    assert.match(
      await page.getByTestId('chart-cpu').innerText(),
      /allocatable 23\.40 cores/,
    );
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.reload();
    await chartWithPoints('chart-cpu', 4);
    await screenshot('monitoring-cluster-dark');
    await page.evaluate(() => localStorage.removeItem('theme'));
  });

  it("shows a raised load in the server's CPU over time, up to its limit", async () => {
    const lastTotal = async () => {
      const answer = await monitoringAnswer(
        'bob',
        'servers/default/payments-api/monitoring',
      );
      assert.equal(answer.available, true, JSON.stringify(answer));
      const cpu = answer.charts.find(chart => chart.id === 'cpu');
      return { value: cpu.total.points.at(-1)?.[1] ?? 0, limit: cpu.limit };
    };
    const initial = await lastTotal();
    await setLoad({
      rules: [
        {
          namespace: 'payments-prod',
          labels: { 'cocktailcloud.io/server': 'payments-api' },
          // Enough for the least busy pod (20 % of its request) to reach its limit too.
          factor: 30,
        },
      ],
    });
    const deadline = Date.now() + 150_000;
    let now = initial;
    while (now.value < 0.9 * now.limit) {
      assert.ok(
        Date.now() < deadline,
        `payments-api's CPU climbs from ${initial.value} towards its limit ${initial.limit} (now ${now.value})`,
      );
      await new Promise(resolve => setTimeout(resolve, 5_000));
      now = await lastTotal();
    }
    assert.ok(now.value <= now.limit * 1.01, 'throttled at the limit');
    await page.goto(`${payments}/cocktailserver/payments-api`);
    await openTab('Monitoring');
    await chartWithPoints('chart-cpu', 3);
    await screenshot('monitoring-server-raised-load');
  });
});
