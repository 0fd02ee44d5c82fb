import { spawnSync } from 'node:child_process';

/** Whether the machine has kubectl; tests that need it say so and skip those steps without it. */
export const hasKubectl =
  spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status ===
  0;

/** Runs kubectl with a kubeconfig and nothing else of the environment's Kubernetes settings. */
export function kubectl(kubeconfigFile, ...args) {
  const result = spawnSync(
    'kubectl',
    ['--kubeconfig', kubeconfigFile, ...args],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      timeout: 30_000,
    },
  );
  return {
    code: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}
