// Monitoring over time in the browser, against the demo's Prometheus scraping kube-sim: bob sees
// charts with points on a server's Monitoring tab, its ServiceMap, its Service and its cluster,
// picks another range, and a raised simulated load shows in the server's CPU over time; the
// alert it fires reaches bob as a portal notification and an email (through a local SMTP sink),
// and a silence he makes on the page keeps its next firing from reaching anyone. The demo's
// monitoring configs run with shorter intervals (a copy, made below).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchBrowser, signInAs } from './browser.mjs';
import { startSmtpSink } from './smtpSink.mjs';
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
const alertmanagerUrl = 'http://127.0.0.1:19093';
const SMTP_PORT = 25025;
const CPU_ALERT = 'CocktailServerCpuNearLimit';

/**
 * monitoring/ with the demo's intervals shortened, so that an alert fires, resolves and fires
 * again within the test: 2 s scrapes and rule evaluations, 4 s `for`, 10 s rate windows, and
 * Alertmanager grouping within seconds.
 */
function fastMonitoringConfigs() {
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'cocktail-e2e-monitoring-configs-'),
  );
  fs.mkdirSync(path.join(dir, 'rules'));
  const copy = (file, edit) =>
    fs.writeFileSync(
      path.join(dir, file),
      edit(fs.readFileSync(path.join(repoRoot, 'monitoring', file), 'utf8')),
    );
  copy('prometheus.yml', text =>
    text.replace(/(scrape|evaluation)_interval: 15s/g, '$1_interval: 2s'),
  );
  copy('rules/cocktail.rules.yml', text =>
    text.replace(/for: \d+m/g, 'for: 4s').replace(/\[2m\]/g, '[10s]'),
  );
  copy('alertmanager.yml', text =>
    text
      .replace('group_wait: 10s', 'group_wait: 1s')
      .replace('group_interval: 1m', 'group_interval: 2s'),
  );
  return dir;
}

/** payments-api's CPU alert as Alertmanager has it now, if it is active. */
async function cpuAlert() {
  const filter = [`alertname="${CPU_ALERT}"`, 'server="payments-api"']
    .map(f => `filter=${encodeURIComponent(f)}`)
    .join('&');
  const alerts = await (
    await fetch(`${alertmanagerUrl}/api/v2/alerts?${filter}`)
  ).json();
  return alerts[0];
}

async function waitUntil(what, check, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
}

/** Bob's portal notifications about payments-api's CPU. */
async function bobsCpuNotifications() {
  const response = await fetch(
    `${backendUrl}/api/notifications/notifications?limit=50`,
    { headers: { Authorization: `Bearer ${await personToken('bob')}` } },
  );
  assert.equal(response.status, 200, await response.clone().text());
  const { notifications } = await response.json();
  return notifications.filter(n =>
    /payments-api uses [\d.]+% of its CPU limit/.test(n.payload.title),
  );
}

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
  let smtp;
  const prometheusData = fs.mkdtempSync(
    path.join(os.tmpdir(), 'cocktail-e2e-monitoring-'),
  );
  const configs = fastMonitoringConfigs();
  const bobsEmails = () =>
    smtp.messages.filter(
      m =>
        m.to.includes('bob@example.com') &&
        /payments-api uses [\d.]+% of its CPU limit/.test(m.subject ?? ''),
    );

  before(async () => {
    smtp = await startSmtpSink(SMTP_PORT);
    portal = await startPortal({
      // A Prometheus of its own, so that no earlier demo's pods are in its charts.
      env: {
        COCKTAIL_MONITORING_DATA_DIR: prometheusData,
        COCKTAIL_MONITORING_CONFIG_DIR: configs,
      },
      extraArgs: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.cocktail.e2e.yaml'),
        '--config',
        path.join(repoRoot, 'test/e2e/app-config.monitoring.e2e.yaml'),
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
    await smtp?.stop();
    fs.rmSync(prometheusData, { recursive: true, force: true });
    fs.rmSync(configs, { recursive: true, force: true });
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

  it('tells bob of the alert the load fires: in the portal and by email', async () => {
    const [notification] = await waitUntil(
      "bob's notification of payments-api's CPU alert",
      async () => {
        const found = await bobsCpuNotifications();
        return found.length ? found : undefined;
      },
    );
    assert.match(
      notification.payload.title,
      /^\[warning\] Server payments-api/,
    );
    assert.equal(
      notification.payload.link,
      '/catalog/default/cocktailserver/payments-api/cocktail-monitoring',
    );
    const [email] = await waitUntil('the email to bob', () => {
      const found = bobsEmails();
      return found.length ? found : undefined;
    });
    assert.match(email.raw, /payments-api/);
    await page.goto(`${appUrl}/notifications`);
    await page
      .getByText(
        /\[warning\] Server payments-api uses [\d.]+% of its CPU limit/,
      )
      .first()
      .waitFor();
    await screenshot('monitoring-notification-bob');
  });

  it('keeps the next firing from reaching anyone once bob silences it on the page', async () => {
    await page.goto(`${payments}/cocktailserver/payments-api`);
    await openTab('Monitoring');
    await page
      .getByRole('button', { name: `Silence ${CPU_ALERT}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('INC-7 load test on payments-api');
    await dialog.getByRole('button', { name: 'Silence', exact: true }).click();
    await page.getByText('Silences (1)').waitFor();
    await page.getByText('INC-7 load test on payments-api').waitFor();
    await screenshot('monitoring-alert-silenced');

    // The load goes, the alert resolves; the load comes back, the alert fires again, silenced.
    await setLoad({ factor: 1, rules: [] });
    await waitUntil(
      'the CPU alert to resolve',
      async () => !(await cpuAlert()),
    );
    const emailsBefore = bobsEmails().length;
    const notificationsBefore = JSON.stringify(await bobsCpuNotifications());
    await setLoad({
      rules: [
        {
          namespace: 'payments-prod',
          labels: { 'cocktailcloud.io/server': 'payments-api' },
          factor: 30,
        },
      ],
    });
    const again = await waitUntil('the CPU alert to fire again', cpuAlert);
    assert.equal(
      again.status.state,
      'suppressed',
      JSON.stringify(again.status),
    );
    assert.equal(again.status.silencedBy.length, 1);
    // Several of Alertmanager's 2 s group intervals: what it would have sent has been sent.
    await new Promise(resolve => setTimeout(resolve, 15_000));
    assert.equal(bobsEmails().length, emailsBefore, 'no new email');
    assert.equal(
      JSON.stringify(await bobsCpuNotifications()),
      notificationsBefore,
      'no new or updated notification',
    );
  });

  it("shows what payments' environments cost, and how that was computed", async () => {
    const answer = await waitUntil('a cost above zero', async () => {
      const cost = await monitoringAnswer(
        'bob',
        'services/default/payments/cost?period=24h',
      );
      return cost.available && cost.total > 0 ? cost : undefined;
    });
    assert.deepEqual(answer.items.map(item => item.name).sort(), [
      'development',
      'production',
      'staging',
    ]);
    const sum = answer.items.reduce(
      (total, item) => total + item.cost.total,
      0,
    );
    assert.ok(Math.abs(sum - answer.total) < 0.001, `${sum} = ${answer.total}`);
    assert.ok(answer.items.every(item => item.method === 'prometheus'));
    await page.goto(`${payments}/service/payments`);
    await openTab('Environments');
    await page.getByRole('button', { name: '24 hours' }).click();
    const total = page.getByTestId('cost-total');
    await waitUntil('the Cost card to show a total above zero', async () =>
      /[1-9]/.test((await total.innerText().catch(() => '')) ?? ''),
    );
    assert.match(await total.innerText(), /^\$\d/);
    await page
      .getByText(/CPU and memory are charged on what pods request/)
      .waitFor();
    await screenshot('monitoring-service-cost');
  });
});
