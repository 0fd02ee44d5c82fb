import { RangeSeries } from './PrometheusClient';

/**
 * Keeps range-query answers for a short time, so that several people looking at one chart (or
 * one person switching tabs) cost Prometheus one query per step. Only successful answers are
 * kept; concurrent requests for one key share the same query.
 */
export class RangeQueryCache {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<RangeSeries[]> }
  >();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<RangeSeries[]>): Promise<RangeSeries[]> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) {
      return entry.value;
    }
    this.prune(now);
    const value = load();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  private prune(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.expires <= now) {
        this.entries.delete(key);
      }
    }
  }
}
