// The production smoke test: builds the backend bundle, installs it into a fresh folder by
// packages/backend/Dockerfile's steps, starts it twice (replicas A and B) with
// app-config.production.yaml on one PostgreSQL, signs people in through a real OpenID Connect
// provider, and checks that the two replicas behave as one portal. Run by .ci/run through
// scripts/production-smoke.sh, which provides PostgreSQL. Ends with
// `production smoke: N checks, M passed`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/browser.mjs';
import { OIDC_CLIENT, startOidcProvider } from '../e2e/oidcProvider.mjs';
import { createCheckList } from './checkList.mjs';
import { carryOutDockerfile } from './dockerfileSteps.mjs';
import { signInOnReplica } from './signIn.mjs';
import { startProcess, waitForHttp } from './processes.mjs';
import { checkReplicasAsOne } from './replicaChecks.mjs';
import { checkNothingSecretLeaks } from './secretChecks.mjs';
import { checkScheduledTasksRanOnce } from './scheduledTaskChecks.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const KUBE_SIM_PORT = 28_443;
const OIDC_PORT = 15_557;
const REPLICA_PORTS = { A: 7101, B: 7102 };

const randomSecret = () => crypto.randomBytes(32).toString('base64url');

function postgresConnection() {
  const url = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!url) {
    throw new Error(
      'no PostgreSQL: run this through scripts/production-smoke.sh, which starts one',
    );
  }
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

const checks = createCheckList();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocktail-production-'));
const folder = path.join(workDir, 'app');
const running = [];
let browser;
let stoppedEarly = false;

const postgres = postgresConnection();
const secrets = {
  BACKEND_SECRET: randomSecret(),
  AUTH_SESSION_SECRET: randomSecret(),
  COCKTAIL_AUDIT_CHAIN_KEY: randomSecret(),
  COCKTAIL_ALERT_WEBHOOK_SECRET: randomSecret(),
  OIDC_CLIENT_SECRET: OIDC_CLIENT.client_secret,
  POSTGRES_PASSWORD: postgres.password,
  SMOKE_CLUSTER_TOKEN: randomSecret(),
};
const replicaUrl = name => `http://localhost:${REPLICA_PORTS[name]}`;

try {
  await checks.check('yarn build:backend builds the bundle', () => {
    execFileSync('yarn', ['build:backend'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    assert.ok(
      fs.existsSync(path.join(repoRoot, 'packages/backend/dist/bundle.tar.gz')),
    );
  });

  const installed = await checks.check(
    "the bundle installs in a fresh folder by packages/backend/Dockerfile's steps",
    () => {
      const result = carryOutDockerfile({
        dockerfile: path.join(repoRoot, 'packages/backend/Dockerfile'),
        context: repoRoot,
        folder,
        onStep: step => console.log(`    ${step}`),
      });
      // Only production dependencies: the build tooling stays out of the image.
      assert.ok(
        !fs.existsSync(path.join(folder, 'node_modules/@backstage/cli')),
        '@backstage/cli was installed; it is a development dependency',
      );
      assert.ok(
        fs.existsSync(path.join(folder, 'packages/app/dist/index.html')),
      );
      return result;
    },
  );
  if (!installed) {
    throw new Error('nothing to start');
  }

  const manifests = path.join(workDir, 'manifests');
  execFileSync(
    'node',
    [
      'packages/cli/bin/cocktail',
      'servers',
      'render',
      'examples',
      '--out',
      manifests,
    ],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  const kubeSim = startProcess({
    command: 'node',
    args: [
      path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
      '--clusters',
      'dev,prod',
      '--seed',
      manifests,
      '--port',
      String(KUBE_SIM_PORT),
      '--token',
      secrets.SMOKE_CLUSTER_TOKEN,
    ],
    cwd: repoRoot,
    env: process.env,
    logFile: path.join(workDir, 'kube-sim.log'),
  });
  running.push(kubeSim);
  for (const port of [KUBE_SIM_PORT, KUBE_SIM_PORT + 1]) {
    await waitForHttp(`http://127.0.0.1:${port}/version`, {
      process: kubeSim,
      timeoutMs: 30_000,
      headers: { Authorization: `Bearer ${secrets.SMOKE_CLUSTER_TOKEN}` },
    });
  }
  const oidc = await startOidcProvider({
    port: OIDC_PORT,
    redirectUris: Object.keys(REPLICA_PORTS).map(
      name => `${replicaUrl(name)}/api/auth/oidc/handler/frame`,
    ),
  });
  running.push(oidc);

  const replicas = {};
  for (const name of Object.keys(REPLICA_PORTS)) {
    const overlay = path.join(workDir, `app-config.replica-${name}.yaml`);
    fs.writeFileSync(
      overlay,
      `backend:\n  listen: ':${REPLICA_PORTS[name]}'\n`,
    );
    replicas[name] = startProcess({
      command: installed.command[0],
      args: [
        ...installed.command.slice(1),
        '--config',
        path.join(repoRoot, 'test/production/app-config.smoke.yaml'),
        '--config',
        overlay,
      ],
      cwd: folder,
      env: {
        ...installed.env,
        ...secrets,
        APP_BASE_URL: replicaUrl(name),
        BACKEND_BASE_URL: replicaUrl(name),
        POSTGRES_HOST: postgres.host,
        POSTGRES_PORT: postgres.port,
        POSTGRES_USER: postgres.user,
        OIDC_METADATA_URL: oidc.metadataUrl,
        OIDC_CLIENT_ID: OIDC_CLIENT.client_id,
        COCKTAIL_PLATFORM_ADMINS: 'group:default/platform-team',
        COCKTAIL_ALLOWED_API_SERVERS: 'kubernetes.example.com, 10.0.0.0/8',
        SMOKE_CATALOG_FILE: path.join(repoRoot, 'examples/all.yaml'),
        SMOKE_DEV_API_SERVER: `http://127.0.0.1:${KUBE_SIM_PORT}`,
        SMOKE_PROD_API_SERVER: `http://127.0.0.1:${KUBE_SIM_PORT + 1}`,
      },
      logFile: path.join(workDir, `replica-${name}.log`),
      // One after the other, as the README's rollout does: replicas starting at once on an
      // empty database can race on a plugin's first migration (one then exits, and its restart
      // succeeds, but a scheduled task it had claimed waits out its timeout).
      restarts: 0,
    });
    replicas[name].url = replicaUrl(name);
    running.push(replicas[name]);
    await checks.check(
      `replica ${name} starts from the installed folder and is ready`,
      async () => {
        await waitForHttp(
          `${replicas[name].url}/.backstage/health/v1/readiness`,
          { process: replicas[name], timeoutMs: 240_000 },
        );
        assert.equal(
          replicas[name].restarts,
          0,
          'it failed to start and was started again',
        );
      },
    );
  }

  browser = await launchBrowser();
  const people = {};
  people.alice = await checks.check(
    'the app page loads from replica A and alice signs in through OpenID Connect',
    () => signInOnReplica({ browser, replica: replicas.A, login: 'alice' }),
  );
  people.dave = await checks.check(
    'dave signs in through OpenID Connect on replica B',
    () => signInOnReplica({ browser, replica: replicas.B, login: 'dave' }),
  );
  people.erin = await checks.check(
    'erin, a platform admin by COCKTAIL_PLATFORM_ADMINS, signs in on replica A',
    () => signInOnReplica({ browser, replica: replicas.A, login: 'erin' }),
  );

  await checkReplicasAsOne({ checks, replicas, people });
  await checkScheduledTasksRanOnce({ checks, replicas });
  await checkNothingSecretLeaks({
    checks,
    replicas,
    secrets: {
      ...secrets,
      'alice’s Backstage token': people.alice?.token,
    },
  });
} catch (error) {
  stoppedEarly = true;
  console.log(`production smoke stopped early: ${error?.stack ?? error}`);
} finally {
  await browser?.close();
  for (const child of running.reverse()) {
    await child.stop();
  }
}

const passed = checks.summarize() && !stoppedEarly;
if (passed) {
  fs.rmSync(workDir, { recursive: true, force: true });
} else {
  console.log(`the installed folder and the logs are in ${workDir}`);
}
process.exit(passed ? 0 : 1);
