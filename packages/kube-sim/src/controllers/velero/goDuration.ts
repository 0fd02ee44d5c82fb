const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};

/** A Go duration such as Velero's `ttl` (`720h0m0s`, `24h`, `90m`) in milliseconds, or undefined when it does not parse. */
export function parseGoDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (!parts.length || parts.map(p => p[0]).join('') !== text) {
    return undefined;
  }
  return parts.reduce(
    (sum, [, value, unit]) => sum + Number(value) * UNIT_MS[unit],
    0,
  );
}
