// kube-sim keeps its own reading of quantities so the test double depends on nothing of the
// product it tests (the suite's is in cocktail-common).
const MULTIPLIERS: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};
const QUANTITY =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([numkMGTPE]|[KMGTPE]i)|[eE]([+-]?\d+))?$/;

/** A quantity (`250m`, `1Gi`, `1e3`) as a number, or undefined when the API server would refuse it. */
export function quantityValue(quantity: unknown): number | undefined {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) ? quantity : undefined;
  }
  const match = QUANTITY.exec(String(quantity ?? '').trim());
  if (!match) {
    return undefined;
  }
  const [, digits, suffix, exponent] = match;
  const scale = suffix ? MULTIPLIERS[suffix] : 10 ** Number(exponent ?? 0);
  return Number(digits) * scale;
}
