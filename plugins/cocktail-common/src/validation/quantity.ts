import { isKubernetesQuantity } from './formats';

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * The value of a Kubernetes quantity as a plain number (`250m` is 0.25, `1Gi` is 1073741824), or
 * undefined when the text is not a quantity. Precise enough to compare requests with limits.
 *
 * @public
 */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') {
    return Number.isFinite(text) ? text : undefined;
  }
  if (!isKubernetesQuantity(text)) {
    return undefined;
  }
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(text)!;
  const number = Number(match[1]);
  const suffix = match[2];
  if (suffix in BINARY_SUFFIXES) {
    return number * BINARY_SUFFIXES[suffix];
  }
  if (suffix in DECIMAL_SUFFIXES) {
    return number * DECIMAL_SUFFIXES[suffix];
  }
  return number * 10 ** Number(suffix.slice(1));
}
