import type * as k8s from '@kubernetes/client-node';
import { KubeSim, KubeSimOptions } from '../../KubeSim';
import { kubeConfigFor, loadClientNode } from './clientFor';

export const FAST_CONTROLLERS = {
  podReadyDelayMs: 30,
  jobPodDurationMs: 60,
  syncPeriodMs: 150,
};

export interface TestCluster {
  k8s: typeof k8s;
  sim: KubeSim;
  url: string;
  config: k8s.KubeConfig;
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  objects: k8s.KubernetesObjectApi;
}

/** Starts kube-sim with one cluster and the clients a test drives it with. */
export async function startTestCluster(
  options: Partial<KubeSimOptions> = {},
): Promise<TestCluster> {
  const client = await loadClientNode();
  const sim = await KubeSim.start({
    clusters: ['test'],
    cluster: { controllers: FAST_CONTROLLERS, bookmarkIntervalMs: 100 },
    ...options,
  });
  const url = sim.cluster(options.clusters?.[0] ?? 'test').url;
  const config = kubeConfigFor(client, url, options.token ?? 'test-token');
  return {
    k8s: client,
    sim,
    url,
    config,
    core: config.makeApiClient(client.CoreV1Api),
    apps: config.makeApiClient(client.AppsV1Api),
    objects: client.KubernetesObjectApi.makeApiClient(config),
  };
}

/** The Status object of a failed client call. */
export async function statusOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error: any) {
    const body =
      typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
    return { httpCode: error.code, ...body };
  }
  throw new Error('expected the call to fail');
}

export async function eventually<T>(
  read: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

export function deployment(
  name: string,
  image: string,
  replicas = 2,
  extra: Record<string, unknown> = {},
): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image }] },
      },
      ...extra,
    },
  };
}
