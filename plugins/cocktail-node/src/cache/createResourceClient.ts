import type * as k8s from '@kubernetes/client-node';
import { ResourceClient } from './ResourceWatcher';
import { WatchedResource } from './watchedResources';

const LIST_TIMEOUT_MS = 15_000;
/** Pages keep the first sync's memory peak to one page of raw objects at a time. */
const LIST_PAGE_SIZE = 500;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${what} did not answer within ${LIST_TIMEOUT_MS / 1000} s`,
          ),
        ),
      LIST_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Lists and watches one resource of one cluster through @kubernetes/client-node. */
export function createResourceClient(
  client: typeof k8s,
  config: k8s.KubeConfig,
  resource: WatchedResource,
): ResourceClient {
  const objects = client.KubernetesObjectApi.makeApiClient(config);
  const watch = new client.Watch(config);
  return {
    async list(onPage) {
      let continueToken: string | undefined;
      let resourceVersion = '';
      do {
        const page = await withTimeout(
          objects.list(
            resource.apiVersion,
            resource.kind,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            resource.labelSelector,
            LIST_PAGE_SIZE,
            continueToken,
          ),
          `listing ${resource.kind}`,
        );
        onPage(page.items);
        continueToken = page.metadata?._continue || undefined;
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      } while (continueToken);
      return { resourceVersion };
    },
    async watch(resourceVersion, onEvent, onDone) {
      const controller = await withTimeout(
        watch.watch(
          resource.path,
          {
            resourceVersion,
            allowWatchBookmarks: true,
            ...(resource.labelSelector
              ? { labelSelector: resource.labelSelector }
              : {}),
          },
          onEvent,
          onDone,
        ),
        `watching ${resource.kind}`,
      );
      return { abort: () => controller.abort() };
    },
  };
}
