import { ResourceClient } from '../ResourceWatcher';

type WatchHandlers = {
  onEvent: (type: string, object: any) => void;
  onDone: (error?: unknown) => void;
};

/**
 * A scripted list/watch client: lists what it holds, hands out watches the test drives, and
 * fails the way it is told to. A test double for one resource of one cluster.
 */
export class FakeResourceClient implements ResourceClient {
  items: any[] = [];
  resourceVersion = '1';
  listCalls = 0;
  watchCalls = 0;
  /** Errors thrown by the next calls of list, first to last. */
  listErrors: unknown[] = [];
  watchErrors: unknown[] = [];
  /** The open watch, if any. */
  open?: WatchHandlers;

  async list(onPage: (items: any[]) => void) {
    this.listCalls += 1;
    const error = this.listErrors.shift();
    if (error) {
      throw error;
    }
    onPage(this.items);
    return { resourceVersion: this.resourceVersion };
  }

  async watch(
    _resourceVersion: string,
    onEvent: WatchHandlers['onEvent'],
    onDone: WatchHandlers['onDone'],
  ) {
    this.watchCalls += 1;
    const error = this.watchErrors.shift();
    if (error) {
      throw error;
    }
    const handlers = { onEvent, onDone };
    this.open = handlers;
    return {
      abort: () => {
        if (this.open === handlers) {
          this.open = undefined;
        }
      },
    };
  }

  /** Ends the open watch, cleanly or with an error. */
  end(error?: unknown) {
    const open = this.open;
    this.open = undefined;
    open?.onDone(error);
  }
}

export function httpError(code: number, message = `HTTP ${code}`) {
  return Object.assign(new Error(message), {
    code,
    body: { kind: 'Status', code, message },
  });
}
