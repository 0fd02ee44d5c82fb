// Everyday kubectl commands against kube-sim, with kubectl's default flags: only the kubeconfig,
// `-n` and each command's own arguments. Each command is a sub-test that checks its effect (the
// object read back, or what the command printed) as it would be on a real API server. Ends with
// one line for CI logs: `kubectl: N passed, M failed`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { declareAccessCommands } from './commands/accessCommands.mjs';
import { declareApplyCommands } from './commands/applyCommands.mjs';
import { declareCreateCommands } from './commands/createCommands.mjs';
import { declareDeleteCommands } from './commands/deleteCommands.mjs';
import { declarePatchCommands } from './commands/patchCommands.mjs';
import { declareReadCommands } from './commands/readCommands.mjs';
import { declareRolloutCommands } from './commands/rolloutCommands.mjs';
import { eventually } from './eventually.mjs';
import { Kubectl, hasKubectl } from './kubectlCli.mjs';
import { startKubeSim } from './kubeSimServer.mjs';
import { PassFailTally } from './passFailTally.mjs';

const seedDirectory = path.join(import.meta.dirname, 'seed');

describe(
  'kubectl against kube-sim',
  { skip: hasKubectl ? false : 'kubectl is not installed' },
  () => {
    const tally = new PassFailTally('kubectl');
    /** Filled in by `before`; the sub-tests read it when they run. */
    const cluster = {};
    let kubeSim;

    before(async () => {
      cluster.workDirectory = fs.mkdtempSync(
        path.join(os.tmpdir(), 'kubectl-conformance-'),
      );
      const home = path.join(cluster.workDirectory, 'home');
      fs.mkdirSync(home);
      kubeSim = await startKubeSim({
        cluster: 'dev',
        seedDirectory,
        workDirectory: cluster.workDirectory,
      });
      cluster.kubectl = new Kubectl({
        kubeconfigFile: kubeSim.kubeconfigFile,
        home,
      });
      // The seeded Deployments' pods start after a moment; the commands expect them running.
      await eventually(
        async () => {
          const deployments = await cluster.kubectl.getJson(
            'shop',
            'deployments',
          );
          for (const { metadata, spec, status } of deployments.items) {
            assert.equal(status?.readyReplicas, spec.replicas, metadata.name);
          }
        },
        { timeoutMs: 60_000 },
      );
    });

    after(async () => {
      await kubeSim?.stop();
      if (cluster.workDirectory) {
        fs.rmSync(cluster.workDirectory, { recursive: true, force: true });
      }
      // eslint-disable-next-line no-console
      console.log(tally.summary());
    });

    declareReadCommands(tally, cluster);
    declareRolloutCommands(tally, cluster);
    declareApplyCommands(tally, cluster);
    declareCreateCommands(tally, cluster);
    declarePatchCommands(tally, cluster);
    declareDeleteCommands(tally, cluster);
    declareAccessCommands(tally, cluster);
  },
);
