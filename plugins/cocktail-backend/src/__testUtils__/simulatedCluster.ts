import { KubeSim } from '@cocktailcloud/kube-sim';
import type * as k8s from '@kubernetes/client-node';

/**
 * One simulated cluster `prod` with fast controllers, an optional namespace, and a KubeConfig
 * that reaches it as a user's would (plain HTTP, so skipTLSVerify).
 */
export async function startSimulatedCluster(
  options: { namespace?: string; historyLimit?: number } = {},
) {
  const client: typeof k8s = await import('@kubernetes/client-node');
  const sim = await KubeSim.start({
    clusters: ['prod'],
    cluster: {
      controllers: {
        podReadyDelayMs: 20,
        jobPodDurationMs: 50,
        syncPeriodMs: 100,
      },
      historyLimit: options.historyLimit,
    },
  });
  const cluster = sim.cluster('prod');
  if (options.namespace) {
    cluster.store.create(cluster.registry.find('', 'v1', 'namespaces')!, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: options.namespace },
      spec: { finalizers: ['kubernetes'] },
    });
  }
  const kubeConfig = new client.KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'prod', server: cluster.url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'prod', cluster: 'prod', user: 'u' }],
    currentContext: 'prod',
  });
  return { client, sim, kubeConfig };
}
