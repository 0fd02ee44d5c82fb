import { LoggerService } from '@backstage/backend-plugin-api';

export interface WaitOptions<T> {
  /** Reads the current state. */
  read: () => Promise<T>;
  /** True once the state is the one waited for. */
  done: (state: T) => boolean;
  /** One line on the state, logged whenever it changes. */
  describe: (state: T) => string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
  /** Says what was waited for and what state is left, when time runs out. */
  timeoutMessage: (last: T | undefined) => string;
}

/** Polls until `done`, logging each change of state to the task log. */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: T | undefined;
  let lastLine = '';
  for (;;) {
    if (options.signal?.aborted) {
      throw new Error('the task was cancelled while waiting');
    }
    last = await options.read();
    const line = options.describe(last);
    if (line !== lastLine) {
      options.logger.info(line);
      lastLine = line;
    }
    if (options.done(last)) {
      return last;
    }
    if (Date.now() + options.intervalMs > deadline) {
      throw new Error(options.timeoutMessage(last));
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs));
  }
}
