// Small helpers the benchmarks share: percentiles, memory readings, bounded waiting.

/** Nearest-rank percentile of a list of numbers (p from 0 to 1). */
export function percentile(values, p) {
  if (!values.length) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * RSS and heap in MiB after full collections (run node with --expose-gc). Several rounds with
 * short pauses: V8 flushes the bytecode of functions that have not run for a few collections,
 * which would otherwise show up as a drift between readings.
 */
export async function memoryReading(rounds = 10) {
  if (typeof global.gc !== 'function') {
    throw new Error('run with node --expose-gc');
  }
  for (let i = 0; i < rounds; i++) {
    global.gc();
    await sleep(10);
  }
  const usage = process.memoryUsage();
  return {
    rssMb: usage.rss / 2 ** 20,
    heapMb: usage.heapUsed / 2 ** 20,
  };
}

/** Calls `check` until it returns something truthy, at most until `timeoutMs`. */
export async function waitUntil(what, check, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not done within ${timeoutMs / 1000} s${
          lastError ? ` (last error: ${lastError.message})` : ''
        }`,
      );
    }
    await sleep(intervalMs);
  }
}
