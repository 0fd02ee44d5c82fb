// Child processes of the smoke test, each logging to its own file and stopped at the end.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { stopProcessGroup } from '../processGroup.mjs';

/**
 * Starts `command`; with `restarts`, starts it again when it exits with an error, up to that many
 * times, as Kubernetes restarts a crashed container. The log file collects every run.
 */
export function startProcess({
  command,
  args,
  cwd,
  env,
  logFile,
  restarts = 0,
}) {
  const log = fs.openSync(logFile, 'w');
  let stopping = false;
  const handle = {
    logFile,
    restarts: 0,
    child: undefined,
    async stop() {
      stopping = true;
      await stopProcessGroup(handle.child);
    },
  };
  const run = () => {
    handle.child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    handle.child.once('exit', code => {
      if (!stopping && code !== 0 && handle.restarts < restarts) {
        handle.restarts += 1;
        run();
      }
    });
  };
  run();
  return handle;
}

/** Waits until `url` answers 200, failing early when `process` exits. */
export async function waitForHttp(
  url,
  { process: owner, timeoutMs, headers = {} },
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { headers })).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    if (owner && owner.child.exitCode !== null) {
      throw new Error(
        `exited with code ${owner.child.exitCode} before ${url} answered; see ${owner.logFile}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** Polls `check` until it returns something other than undefined. */
export async function eventually(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** The JSON log lines of a backend started with NODE_ENV=production. */
export function readJsonLog(logFile) {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .flatMap(line => {
      try {
        return line.startsWith('{') ? [JSON.parse(line)] : [];
      } catch {
        return [];
      }
    });
}
