import { LoggerService } from '@backstage/backend-plugin-api';

/** How a watcher reaches one resource of one cluster; real clients or test doubles. */
export interface ResourceClient {
  /** Lists in pages, handing each page over as it arrives so no full list is held at once. */
  list(onPage: (items: any[]) => void): Promise<{ resourceVersion: string }>;
  watch(
    resourceVersion: string,
    onEvent: (type: string, object: any) => void,
    onDone: (error?: unknown) => void,
  ): Promise<{ abort(): void }>;
}

export interface ResourceWatcherEvents {
  /** A fresh list is about to replace everything this watcher had. */
  onListStart(): void;
  onListPage(items: any[]): void;
  /** The list is complete: what it held replaces the previous state. */
  onListEnd(): void;
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: any): void;
  onHealthy(): void;
  onError(error: unknown): void;
}

const MAX_BACKOFF_MS = 30_000;

function isGone(error: any): boolean {
  return (
    error?.code === 410 ||
    error?.statusCode === 410 ||
    /\b410\b|too old resource version/i.test(String(error?.message ?? ''))
  );
}

/**
 * Lists one resource, then watches it from the list's resourceVersion. A dropped watch resumes
 * from the last version seen; an expired one (410) relists; failures back off exponentially
 * up to 30 s, so a cluster that is down costs one attempt per backoff period.
 */
export class ResourceWatcher {
  private resourceVersion?: string;
  private current?: { abort(): void };
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private failures = 0;
  /** Callbacks of a watch that has been replaced are ignored; only the newest one counts. */
  private generation = 0;

  constructor(
    private readonly client: ResourceClient,
    private readonly events: ResourceWatcherEvents,
    private readonly logger: LoggerService,
    private readonly baseBackoffMs = 500,
  ) {}

  start() {
    this.stopped = false;
    void this.run();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.current?.abort();
  }

  private async run() {
    if (this.stopped) {
      return;
    }
    const generation = ++this.generation;
    this.current?.abort();
    this.current = undefined;
    try {
      if (!this.resourceVersion) {
        this.events.onListStart();
        const list = await this.client.list(items =>
          this.events.onListPage(items),
        );
        this.resourceVersion = list.resourceVersion;
        this.events.onListEnd();
      }
      const watch = await this.client.watch(
        this.resourceVersion!,
        (type, object) =>
          generation === this.generation && this.onWatchEvent(type, object),
        error => generation === this.generation && this.onWatchDone(error),
      );
      if (generation !== this.generation) {
        watch.abort();
        return;
      }
      this.current = watch;
      this.failures = 0;
      this.events.onHealthy();
    } catch (error) {
      if (generation === this.generation) {
        this.fail(error);
      }
    }
  }

  private onWatchEvent(type: string, object: any) {
    if (type === 'ERROR') {
      // An in-stream Status, typically 410 Gone for an expired resourceVersion.
      this.onWatchDone(object);
      return;
    }
    if (object?.metadata?.resourceVersion) {
      this.resourceVersion = object.metadata.resourceVersion;
    }
    if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
      this.events.onEvent(type, object);
    }
  }

  private onWatchDone(error?: unknown) {
    if (this.stopped) {
      return;
    }
    this.generation += 1; // this watch is over; ignore anything more it reports
    if (error && isGone(error)) {
      this.resourceVersion = undefined;
      void this.run();
      return;
    }
    if (error) {
      this.fail(error);
      return;
    }
    // The server ended the watch (timeout); carry on from where it left off.
    void this.run();
  }

  private fail(error: unknown) {
    if (isGone(error)) {
      this.resourceVersion = undefined;
    }
    this.failures += 1;
    this.events.onError(error);
    const delay = Math.min(
      MAX_BACKOFF_MS,
      this.baseBackoffMs * 2 ** (this.failures - 1),
    );
    this.logger.debug(
      `watch failed, retrying in ${delay} ms: ${
        (error as Error)?.message ?? error
      }`,
    );
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }
}
