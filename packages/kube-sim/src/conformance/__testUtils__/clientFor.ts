import type * as k8s from '@kubernetes/client-node';

/** @kubernetes/client-node is ESM-only; load it once per test file. */
export async function loadClientNode(): Promise<typeof k8s> {
  return import('@kubernetes/client-node');
}

/** A KubeConfig for a simulated cluster, as a user's kubeconfig would point at a real one. */
export function kubeConfigFor(
  client: typeof k8s,
  url: string,
  token = 'test-token',
): k8s.KubeConfig {
  const config = new client.KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'sim-user', token }],
    contexts: [
      { name: 'sim', cluster: 'sim', user: 'sim-user', namespace: 'default' },
    ],
    currentContext: 'sim',
  });
  return config;
}
