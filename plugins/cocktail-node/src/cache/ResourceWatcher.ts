import { LoggerService } from '@backstage/backend-plugin-api';
import { describeRequestError } from '../kubernetes/describeRequestError';

/**
 * How a watcher reaches one resource of one cluster; real clients or test doubles.
 *
 * @public
 */
export interface ResourceClient {
  /** Lists in pages, handing each page over as it arrives so no full list is held at once. */
  list(onPage: (items: any[]) => void): Promise<{ resourceVersion: string }>;
  watch(
    resourceVersion: string,
    onEvent: (type: string, object: any) => void,
    onDone: (error?: unknown) => void,
  ): Promise<{ abort(): void }>;
}

/**
 * What a ResourceWatcher tells its owner.
 *
 * @public
 */
export interface ResourceWatcherEvents {
  /** A fresh list is about to replace everything this watcher had. */
  onListStart(): void;
  onListPage(items: any[]): void;
  /** The list is complete: what it held replaces the previous state. */
  onListEnd(): void;
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: any): void;
  onHealthy(): void;
  /** Why the watch is down, in words, and when it tries again. */
  onError(reason: string): void;
}

const MAX_BACKOFF_MS = 30_000;
/** A watch that ends sooner than this, cleanly or with 410, counts as a quick end. */
const QUICK_END_MS = 10_000;

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function statusCodeOf(error: any): number | undefined {
  const code = error?.code ?? error?.statusCode;
  if (typeof code === 'number') {
    return code;
  }
  return /\b410\b|too old resource version/i.test(String(error?.message ?? ''))
    ? 410
    : undefined;
}

/**
 * Lists one resource, then watches it from the list's resourceVersion. A dropped watch resumes
 * from the last version seen; an expired one (410) relists. Failures back off exponentially up
 * to 30 s, and so do watches that keep ending at once (clean closes or 410s in a row), so a
 * cluster that misbehaves costs one attempt per backoff period. The client is made again when
 * it could not be made, and after 401 or 403, so new credentials are picked up.
 *
 * @public
 */
export class ResourceWatcher {
  private client?: ResourceClient;
  private resourceVersion?: string;
  private current?: { abort(): void };
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private failures = 0;
  private quickEnds = 0;
  private watchStartedAt = 0;
  /** Callbacks of a watch that has been replaced are ignored; only the newest one counts. */
  private generation = 0;

  constructor(
    private readonly connect: () => Promise<ResourceClient>,
    private readonly events: ResourceWatcherEvents,
    private readonly logger: LoggerService,
    private readonly baseBackoffMs = 500,
    private readonly now: () => number = Date.now,
  ) {}

  start() {
    this.stopped = false;
    void this.run();
  }

  stop() {
    this.stopped = true;
    this.generation += 1;
    clearTimeout(this.timer);
    this.current?.abort();
    this.current = undefined;
  }

  private async run() {
    if (this.stopped) {
      return;
    }
    const generation = ++this.generation;
    this.current?.abort();
    this.current = undefined;
    let step = 'cannot connect';
    try {
      if (!this.client) {
        this.client = await this.connect();
      }
      if (!this.resourceVersion) {
        step = 'list failed';
        this.events.onListStart();
        const list = await this.client.list(items =>
          this.events.onListPage(items),
        );
        this.resourceVersion = list.resourceVersion;
        this.events.onListEnd();
      }
      step = 'watch failed';
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
      this.watchStartedAt = this.now();
      this.failures = 0;
      this.events.onHealthy();
    } catch (error) {
      if (generation === this.generation) {
        this.fail(step, error);
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
    const gone = error !== undefined && statusCodeOf(error) === 410;
    if (error && !gone) {
      this.fail('watch failed', error);
      return;
    }
    if (gone) {
      this.resourceVersion = undefined;
    }
    // The server ended the watch (its timeout) or the resume point expired: carry on, at once
    // the first time, backing off when it keeps happening right after each start.
    this.quickEnds =
      this.now() - this.watchStartedAt < QUICK_END_MS ? this.quickEnds + 1 : 0;
    const delay = this.quickEnds <= 1 ? 0 : this.backoff(this.quickEnds - 1);
    if (delay) {
      this.events.onError(
        `the watch keeps ending as soon as it starts (${
          this.quickEnds
        } times in a row${gone ? ', 410 Gone' : ''}); retrying in ${formatDelay(
          delay,
        )}`,
      );
    }
    this.schedule(delay);
  }

  private backoff(attempt: number): number {
    return Math.min(MAX_BACKOFF_MS, this.baseBackoffMs * 2 ** (attempt - 1));
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    if (delay === 0) {
      void this.run();
      return;
    }
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private fail(step: string, error: unknown) {
    const code = statusCodeOf(error);
    if (code === 410) {
      this.resourceVersion = undefined;
    }
    if (step === 'cannot connect' || code === 401 || code === 403) {
      // Make the client again next time: the cluster may be registered by then, or its
      // credentials renewed.
      this.client = undefined;
    }
    this.failures += 1;
    const delay = this.backoff(this.failures);
    const reason = `${step}: ${describeRequestError(
      error,
    )}; retrying in ${formatDelay(delay)}`;
    this.events.onError(reason);
    this.logger.debug(`watch failed, ${reason}`);
    this.schedule(delay);
  }
}
