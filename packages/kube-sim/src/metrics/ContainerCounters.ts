/** What a container has used since it started, as cAdvisor's counters keep it. */
export interface UsageTotals {
  cpuSeconds: number;
  receivedBytes: number;
  transmittedBytes: number;
}

interface Accumulated extends UsageTotals {
  at: number;
}

/**
 * cAdvisor-style counters that grow between scrapes at the rates the simulation gives now, so a
 * raised load shows as a steeper `rate()`. A container first seen is credited with its rate
 * since it started.
 */
export class ContainerCounters {
  private readonly totals = new Map<string, Accumulated>();

  advance(
    key: string,
    startedAt: number,
    now: number,
    perSecond: UsageTotals,
  ): UsageTotals {
    const last = this.totals.get(key) ?? {
      at: Math.min(startedAt, now),
      cpuSeconds: 0,
      receivedBytes: 0,
      transmittedBytes: 0,
    };
    const seconds = Math.max(0, (now - last.at) / 1000);
    const next = {
      at: now,
      cpuSeconds: last.cpuSeconds + perSecond.cpuSeconds * seconds,
      receivedBytes: last.receivedBytes + perSecond.receivedBytes * seconds,
      transmittedBytes:
        last.transmittedBytes + perSecond.transmittedBytes * seconds,
    };
    this.totals.set(key, next);
    return next;
  }

  /** Forgets the containers no longer running, so a recreated pod starts from zero. */
  keepOnly(keys: Set<string>) {
    for (const key of this.totals.keys()) {
      if (!keys.has(key)) {
        this.totals.delete(key);
      }
    }
  }
}
