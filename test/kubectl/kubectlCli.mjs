// Runs the machine's kubectl against one kubeconfig with default flags: only `--kubeconfig` is
// added, and the environment carries nothing of the user's Kubernetes settings (no KUBECONFIG,
// a HOME of its own so the discovery cache starts empty).
import { spawn, spawnSync } from 'node:child_process';

/** Whether `kubectl` is on the PATH. */
export const hasKubectl =
  spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status ===
  0;

/** A failed kubectl run, with everything needed to see why in the test report. */
export class KubectlError extends Error {
  constructor(result) {
    super(
      `kubectl ${result.args.join(' ')} exited with ${
        result.code ?? result.signal
      }\n${result.stderr || result.stdout}`,
    );
    this.result = result;
  }
}

export class Kubectl {
  constructor({ kubeconfigFile, home, timeoutMs = 60_000 }) {
    this.kubeconfigFile = kubeconfigFile;
    this.home = home;
    this.timeoutMs = timeoutMs;
  }

  /** Runs kubectl and resolves with its exit code and output, whatever the code. */
  run(...args) {
    return new Promise((resolve, reject) => {
      const child = spawn(
        'kubectl',
        ['--kubeconfig', this.kubeconfigFile, ...args],
        {
          env: { PATH: process.env.PATH, HOME: this.home },
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: this.timeoutMs,
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', chunk => (stdout += chunk));
      child.stderr.on('data', chunk => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) =>
        resolve({ args, code, signal, stdout, stderr }),
      );
    });
  }

  /** Runs kubectl and resolves with its standard output; rejects unless it exits with 0. */
  async ok(...args) {
    const result = await this.run(...args);
    if (result.code !== 0) {
      throw new KubectlError(result);
    }
    return result.stdout;
  }

  /**
   * Reads objects back as the API server stores them: `kubectl get <args…> -n <namespace> -o
   * json`, the namespace left out for cluster-scoped kinds.
   */
  async getJson(namespace, ...args) {
    const namespaceArgs = namespace ? ['-n', namespace] : [];
    return JSON.parse(
      await this.ok('get', ...args, ...namespaceArgs, '-o', 'json'),
    );
  }
}
