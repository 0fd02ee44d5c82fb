import http from 'node:http';
import https from 'node:https';
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

/**
 * One page of a list as plain JSON. Reading it raw, rather than through client-node's typed
 * deserializer, avoids a second copy of every object during the first sync — the cache's
 * memory peak — while client-node still supplies the connection's TLS and credentials.
 */
async function listPage(
  config: k8s.KubeConfig,
  resource: WatchedResource,
  continueToken?: string,
): Promise<any> {
  const server = config.getCurrentCluster()?.server;
  if (!server) {
    throw new Error('the kubeconfig has no current cluster');
  }
  const url = new URL(`${server.replace(/\/$/, '')}${resource.path}`);
  url.searchParams.set('limit', String(LIST_PAGE_SIZE));
  if (resource.labelSelector) {
    url.searchParams.set('labelSelector', resource.labelSelector);
  }
  if (continueToken) {
    url.searchParams.set('continue', continueToken);
  }
  const options: https.RequestOptions = {
    method: 'GET',
    headers: { Accept: 'application/json' },
  };
  await config.applyToHTTPSOptions(options);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, options, response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((response.statusCode ?? 500) >= 400) {
          let message = text;
          try {
            message = JSON.parse(text).message ?? text;
          } catch {
            // not a Status object; keep the text
          }
          reject(
            Object.assign(new Error(message), { code: response.statusCode }),
          );
          return;
        }
        try {
          resolve(JSON.parse(text));
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** Lists and watches one resource of one cluster through @kubernetes/client-node. */
export function createResourceClient(
  client: typeof k8s,
  config: k8s.KubeConfig,
  resource: WatchedResource,
): ResourceClient {
  const watch = new client.Watch(config);
  return {
    async list(onPage) {
      let continueToken: string | undefined;
      let resourceVersion = '';
      do {
        const page = await withTimeout(
          listPage(config, resource, continueToken),
          `listing ${resource.kind}`,
        );
        onPage(page.items ?? []);
        continueToken = page.metadata?.continue || undefined;
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
