import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** The fallback refresh when no signal arrives: never faster than this. */
export const FALLBACK_REFRESH_MS = 30_000;

/**
 * Loads a resource, reloads it every 30 s as a fallback (or every `refreshMs`, for what changes
 * step by step after an operation), and whenever `changeKey` changes (a signal naming the
 * resource). Keeps showing the last value while a reload runs.
 */
export function useLiveResource<T>(
  load: () => Promise<T>,
  deps: unknown[],
  changeKey?: unknown,
  refreshMs: number = FALLBACK_REFRESH_MS,
) {
  const state = useAsyncRetry(load, deps);
  const { retry } = state;
  useEffect(() => {
    const timer = setInterval(retry, refreshMs);
    return () => clearInterval(timer);
  }, [retry, refreshMs]);
  useEffect(() => {
    if (changeKey) {
      retry();
    }
    // Only a new signal should reload, not a new `retry` identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changeKey]);
  return state;
}
