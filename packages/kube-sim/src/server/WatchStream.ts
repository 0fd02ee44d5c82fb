import { ServerResponse } from 'node:http';
import { ApiContext } from '../api/ApiContext';
import { apiVersionOf } from '../api/builtInResources';
import { filterFromQuery } from '../api/selection';
import { statusErrors } from '../api/statusErrors';
import { KubeObject, ResourceType, WatchEventType } from '../api/types';
import { StoredEvent, typeKeyOf } from '../store/ObjectStore';

export interface WatchOptions {
  type: ResourceType;
  namespace?: string;
  query: URLSearchParams;
  bookmarkIntervalMs: number;
}

/**
 * Streams a watch as newline-delimited JSON events. From a resourceVersion it replays the kept
 * history (410 Gone as an ERROR event when that is too old), otherwise it starts with ADDED
 * events for the current objects. An object that stops matching the selectors is sent as
 * DELETED, as the API server does.
 */
export function startWatch(
  ctx: ApiContext,
  response: ServerResponse,
  options: WatchOptions,
): () => void {
  const { type, namespace, query } = options;
  const filter = filterFromQuery(query, namespace);
  const typeKey = typeKeyOf(type);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
  });
  // Clients wait for the headers before they read events; send them now, not with the first event.
  response.flushHeaders();
  const send = (eventType: WatchEventType, object: unknown) => {
    response.write(`${JSON.stringify({ type: eventType, object })}\n`);
  };
  const relay = (event: StoredEvent) => {
    if (event.typeKey !== typeKey) {
      return;
    }
    const matches = filter(event.object);
    const matched = event.previous ? filter(event.previous) : false;
    if (matches) {
      send(
        event.type === 'MODIFIED' && !matched ? 'ADDED' : event.type,
        withApiVersion(event.object, type),
      );
    } else if (matched && event.type === 'MODIFIED') {
      send('DELETED', withApiVersion(event.object, type));
    }
  };

  const from = query.get('resourceVersion');
  if (from && from !== '0') {
    const version = Number(from);
    if (!Number.isFinite(version)) {
      send(
        'ERROR',
        statusErrors.badRequest(`invalid resourceVersion "${from}"`).toStatus(),
      );
      response.end();
      return () => {};
    }
    if (version < ctx.store.oldestResumableVersion()) {
      send(
        'ERROR',
        statusErrors
          .gone(
            `too old resource version: ${version} (${ctx.store.oldestResumableVersion()})`,
          )
          .toStatus(),
      );
      response.end();
      return () => {};
    }
    for (const event of ctx.store.eventsSince(version, typeKey)) {
      relay(event);
    }
  } else {
    for (const object of ctx.store.list(type, namespace).filter(filter)) {
      send('ADDED', withApiVersion(object, type));
    }
  }
  const unsubscribe = ctx.store.subscribe(relay);
  const timers: NodeJS.Timeout[] = [];
  if (query.get('allowWatchBookmarks') === 'true') {
    timers.push(
      setInterval(() => {
        send('BOOKMARK', {
          apiVersion: apiVersionOf(type),
          kind: type.kind,
          metadata: {
            resourceVersion: String(ctx.store.currentResourceVersion()),
          },
        });
      }, options.bookmarkIntervalMs),
    );
  }
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 0);
  const stop = () => {
    unsubscribe();
    timers.forEach(clearInterval);
    if (!response.writableEnded) {
      response.end();
    }
  };
  if (timeoutSeconds > 0) {
    timers.push(setTimeout(stop, timeoutSeconds * 1000));
  }
  response.on('close', stop);
  return stop;
}

function withApiVersion(object: KubeObject, type: ResourceType): KubeObject {
  const apiVersion = apiVersionOf(type);
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}
