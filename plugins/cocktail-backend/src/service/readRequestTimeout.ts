import { Config } from '@backstage/config';

const KEY = 'cocktail.kubernetes.requestTimeoutSeconds';

/**
 * `cocktail.kubernetes.requestTimeoutSeconds` in milliseconds; undefined when not set, so each
 * caller keeps its own default.
 */
export function readRequestTimeoutMs(config: Config): number | undefined {
  const seconds = config.getOptionalNumber(KEY);
  if (seconds === undefined) {
    return undefined;
  }
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new Error(
      `${KEY} must be a number of seconds above 0 and at most 600, got ${seconds}`,
    );
  }
  return seconds * 1000;
}
