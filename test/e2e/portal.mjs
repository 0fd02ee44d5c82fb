// Starts the portal exactly as the README does (scripts/start.sh), waits until both the app and
// the backend answer, and stops the whole process group afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcessGroup } from '../processGroup.mjs';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const appUrl = 'http://localhost:3000';
export const backendUrl = 'http://localhost:7007';

async function answers(url) {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

async function waitFor(url, deadline, portal) {
  while (!(await answers(url))) {
    if (portal.exitCode !== null) {
      throw new Error(
        `the portal exited with code ${portal.exitCode} before ${url} answered; see ${portal.logFile}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer in time; see ${portal.logFile}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

export async function startPortal({ extraArgs = [], env = {}, logFile }) {
  // The previous test file's portal may still be shutting down: give it a moment to go.
  const free = Date.now() + 30_000;
  while (await answers(`${backendUrl}/.backstage/health/v1/liveness`)) {
    if (Date.now() > free) {
      throw new Error(
        `something already listens on ${backendUrl}; stop it before running the end-to-end tests`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    'bash',
    [path.join(repoRoot, 'scripts/start.sh'), ...extraArgs],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const portal = {
    child,
    logFile,
    get exitCode() {
      return child.exitCode;
    },
  };
  const deadline = Date.now() + 240_000;
  await waitFor(
    `${backendUrl}/.backstage/health/v1/readiness`,
    deadline,
    portal,
  );
  await waitFor(appUrl, deadline, portal);
  return {
    async stop() {
      if (child.exitCode !== null) {
        return;
      }
      await stopProcessGroup(child);
      // The backend and app servers can outlive the start script for a moment.
      const gone = Date.now() + 20_000;
      while (
        Date.now() < gone &&
        ((await answers(`${backendUrl}/.backstage/health/v1/liveness`)) ||
          (await answers(appUrl)))
      ) {
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    },
  };
}

/** A guest token for the backend's REST API, as the browser gets one when a user enters. */
export async function guestToken() {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * A demo person's token (`auth.providers.demo.people`, e.g. 'bob'), signed in through the
 * catalog with their groups, as the sign-in page gets one when they are chosen.
 */
export async function personToken(person) {
  const response = await fetch(`${backendUrl}/api/auth/demo/refresh`, {
    headers: { 'x-cocktail-demo-person': person },
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(
      `signing in as ${person} failed with ${response.status}: ${body.error?.message}`,
    );
  }
  return body.backstageIdentity.token;
}

/** Waits until the catalog has processed an entity and stitched the given relation onto it. */
export async function waitForEntity(ref, relation, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const [kind, namespace, name] = ref.split(/[:/]/);
  for (;;) {
    const response = await fetch(
      `${backendUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      {
        headers: { Authorization: `Bearer ${await guestToken()}` },
      },
    );
    if (response.ok) {
      const entity = await response.json();
      if (
        (entity.relations ?? []).some(
          r => `${r.type} ${r.targetRef}` === relation,
        )
      ) {
        return entity;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog did not show ${ref} with ${relation} in time`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
