/** The ranges the charts offer. */
export const SERIES_RANGES = ['1h', '6h', '24h', '7d'] as const;

export type SeriesRange = (typeof SERIES_RANGES)[number];

const RANGE_SECONDS: Record<SeriesRange, number> = {
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
  '7d': 7 * 24 * 3600,
};

/** About this many points per series, whatever the range. */
const POINTS_PER_SERIES = 240;
/** Prometheus' usual scrape interval: a finer step only repeats samples. */
const MIN_STEP_SECONDS = 15;

export interface SeriesWindow {
  range: SeriesRange;
  /** Unix seconds; multiples of 15 s, so that requests within 15 s share a cache entry. */
  start: number;
  end: number;
  step: number;
  /** The `rate()` window: two steps, at least a minute (four 15 s scrapes). */
  rateWindow: string;
}

/** The query window of a range ending now: its step is chosen from the range. */
export function seriesWindow(
  range: SeriesRange,
  now = Date.now(),
): SeriesWindow {
  const seconds = RANGE_SECONDS[range];
  const step = Math.max(
    MIN_STEP_SECONDS,
    Math.ceil(seconds / POINTS_PER_SERIES / MIN_STEP_SECONDS) *
      MIN_STEP_SECONDS,
  );
  const end = Math.floor(now / 1000 / MIN_STEP_SECONDS) * MIN_STEP_SECONDS;
  return {
    range,
    start: end - seconds,
    end,
    step,
    rateWindow: `${Math.max(60, 2 * step)}s`,
  };
}
