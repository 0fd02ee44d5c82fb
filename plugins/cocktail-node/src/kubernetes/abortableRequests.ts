import { AsyncLocalStorage } from 'node:async_hooks';
import type * as k8s from '@kubernetes/client-node';

const currentSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * A request that got no answer in time; the HTTP request itself was aborted.
 *
 * @public
 */
export class RequestTimeoutError extends Error {
  readonly name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`);
  }
}

/**
 * Like `KubeConfig.makeApiClient`, but every request the client sends inside
 * {@link runWithDeadline} carries that deadline's abort signal, so a request that outlives its
 * deadline is cancelled on the wire instead of left running.
 *
 * @public
 */
export function makeAbortableApiClient<T>(
  client: typeof k8s,
  kubeConfig: k8s.KubeConfig,
  apiClass: new (configuration: k8s.Configuration) => T,
): T {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new Error('the kubeconfig has no current cluster');
  }
  const configuration = client.createConfiguration({
    baseServer: new client.ServerConfiguration(cluster.server, {}),
    authMethods: { default: kubeConfig },
    promiseMiddleware: [
      {
        pre: async context => {
          const signal = currentSignal.getStore();
          if (signal) {
            context.setSignal(signal as any);
          }
          return context;
        },
        post: async response => response,
      },
    ],
  });
  const ApiClass = apiClass;
  const api = new ApiClass(configuration);
  if (api instanceof client.KubernetesObjectApi) {
    // As KubernetesObjectApi.makeApiClient does: objects without a namespace go to the context's.
    (
      api as unknown as { setDefaultNamespace(kc: k8s.KubeConfig): void }
    ).setDefaultNamespace(kubeConfig);
  }
  return api;
}

/**
 * Runs `fn` with a deadline. At the deadline the requests it sent through clients made by
 * {@link makeAbortableApiClient} are aborted and the promise rejects with
 * {@link RequestTimeoutError}.
 *
 * @public
 */
export async function runWithDeadline<T>(
  timeoutMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new RequestTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      currentSignal.run(controller.signal, fn),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
