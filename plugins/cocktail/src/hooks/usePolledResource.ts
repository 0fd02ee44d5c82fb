import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/**
 * Loads a resource and reloads it every `intervalMs` while the page is open: for what changes
 * step by step after an operation (machines rolling, a backup running). Keeps showing the last
 * value while a reload runs; `retry` reloads at once.
 */
export function usePolledResource<T>(
  load: () => Promise<T>,
  deps: unknown[],
  intervalMs: number,
) {
  const state = useAsyncRetry(load, deps);
  const { retry } = state;
  useEffect(() => {
    const timer = setInterval(retry, intervalMs);
    return () => clearInterval(timer);
  }, [retry, intervalMs]);
  return state;
}
