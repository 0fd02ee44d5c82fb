import http from 'node:http';
import https from 'node:https';
import type * as k8s from '@kubernetes/client-node';
import { RequestTimeoutError } from '../kubernetes/abortableRequests';
import { describeRequestError } from '../kubernetes/describeRequestError';
import { ResourceClient } from './ResourceWatcher';
import { WatchedResource } from './watchedResources';

const LIST_TIMEOUT_MS = 15_000;
/** Pages keep the first sync's memory peak to one page of raw objects at a time. */
const LIST_PAGE_SIZE = 500;
/** How much of an error answer is read: more than any Kubernetes Status needs. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The `what` did not answer in time: the request has been cancelled. */
function timedOut(what: string): Error {
  return new Error(
    `${what}: ${
      new RequestTimeoutError(LIST_TIMEOUT_MS).message
    }; the request was cancelled`,
  );
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
    // Cancelled on the wire at the deadline, not merely no longer waited for.
    signal: AbortSignal.timeout(LIST_TIMEOUT_MS),
  };
  await config.applyToHTTPSOptions(options);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, options, response => {
      const chunks: Buffer[] = [];
      const code = response.statusCode ?? 500;
      // The body of an error is capped and only its Status message is passed on.
      const rejectWithBody = () => {
        const body = Buffer.concat(chunks)
          .subarray(0, MAX_ERROR_BODY_BYTES)
          .toString('utf8');
        const error = Object.assign(new Error(), { code, body });
        error.message = describeRequestError(error);
        reject(error);
      };
      let received = 0;
      response.on('data', chunk => {
        chunks.push(chunk);
        received += chunk.length;
        if (code >= 400 && received >= MAX_ERROR_BODY_BYTES) {
          response.destroy();
          rejectWithBody();
        }
      });
      response.on('end', () => {
        if (code >= 400) {
          rejectWithBody();
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', error =>
      reject(
        error.name === 'AbortError'
          ? timedOut(`listing ${resource.kind}`)
          : error,
      ),
    );
    request.end();
  });
}

/**
 * Lists and watches one resource of one cluster through `@kubernetes/client-node`.
 *
 * @public
 */
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
        const page = await listPage(config, resource, continueToken);
        onPage(page.items ?? []);
        continueToken = page.metadata?.continue || undefined;
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      } while (continueToken);
      return { resourceVersion };
    },
    async watch(resourceVersion, onEvent, onDone) {
      const starting = watch.watch(
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
      );
      let timer: NodeJS.Timeout | undefined;
      const controller = await Promise.race([
        starting,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            // A watch that connects after its deadline is closed at once.
            starting.then(late => late.abort()).catch(() => undefined);
            reject(timedOut(`watching ${resource.kind}`));
          }, LIST_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      return { abort: () => controller.abort() };
    },
  };
}
