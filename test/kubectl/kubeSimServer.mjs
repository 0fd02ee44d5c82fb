// Starts kube-sim as a user would (`node packages/kube-sim/bin/kube-sim`) on a port the system
// picks, seeded from a manifest directory, with a kubeconfig for it. `stop()` ends its whole
// process group; so does this process ending or being interrupted first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcessGroup } from '../processGroup.mjs';
import { writeOpenClusterKubeconfig } from './openClusterKubeconfig.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const readyLine = /^cluster (\S+) ready at (https?:\/\/\S+)/m;
const interruptions = ['SIGINT', 'SIGTERM', 'SIGHUP'];

async function waitForReadyLine(child, logFile, cluster, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = fs.readFileSync(logFile, 'utf8');
    const match = log.match(readyLine);
    if (match && match[1] === cluster) {
      return match[2];
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `kube-sim ${
          child.exitCode === null
            ? 'did not get ready in time'
            : `exited with code ${child.exitCode}`
        }; its output:\n${log}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** Kills the child's process group if this process exits or is interrupted before `stop()`. */
function killWithThisProcess(child) {
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const onInterruption = signal => {
    kill();
    release();
    process.kill(process.pid, signal);
  };
  function release() {
    process.off('exit', kill);
    for (const signal of interruptions) {
      process.off(signal, onInterruption);
    }
  }
  process.once('exit', kill);
  for (const signal of interruptions) {
    process.once(signal, onInterruption);
  }
  return release;
}

/**
 * Starts kube-sim with one cluster, seeded from `seedDirectory/<cluster>/*.yaml`, logging to
 * `<workDirectory>/kube-sim.log`, and writes `<workDirectory>/kubeconfig` (HTTPS, verified with
 * the CA kube-sim writes to `<workDirectory>/kube-sim-ca.pem`).
 */
export async function startKubeSim({
  cluster,
  seedDirectory,
  workDirectory,
  timeoutMs = 60_000,
}) {
  const logFile = path.join(workDirectory, 'kube-sim.log');
  const caFile = path.join(workDirectory, 'kube-sim-ca.pem');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
      '--clusters',
      cluster,
      '--port',
      '0',
      '--seed',
      seedDirectory,
      '--ca-file',
      caFile,
    ],
    { cwd: repoRoot, stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const release = killWithThisProcess(child);
  const stop = async () => {
    release();
    await stopProcessGroup(child);
  };
  try {
    const url = await waitForReadyLine(child, logFile, cluster, timeoutMs);
    const kubeconfigFile = path.join(workDirectory, 'kubeconfig');
    writeOpenClusterKubeconfig(kubeconfigFile, url, caFile);
    return { url, kubeconfigFile, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
