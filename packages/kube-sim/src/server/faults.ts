import { statusErrors } from '../api/statusErrors';

/** Faults a simulated cluster can be told to show, at start or while it runs. */
export interface FaultSettings {
  /** Added to every request before it is handled. */
  latencyMs?: number;
  /** Share of requests (0 to 1) answered with `errorCode` instead. */
  errorRate?: number;
  /** 500, 503 or 429 (with Retry-After); 503 when not given. */
  errorCode?: 500 | 503 | 429;
  /** Open watches are cut this long after they start. */
  dropWatchesAfterMs?: number;
  /** The cluster stops answering: requests hang and open watches are cut. */
  down?: boolean;
  /**
   * Added to every change (POST, PUT, PATCH, DELETE that is not a dry run). The change is made
   * after the wait even when the client has gone, as a real API server does.
   */
  writeLatencyMs?: number;
  /** After this many changes succeeded, every further change is answered with `errorCode`. */
  failWritesAfter?: number;
}

export function checkFaultSettings(input: unknown): FaultSettings {
  const settings = (input ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const known = [
    'latencyMs',
    'errorRate',
    'errorCode',
    'dropWatchesAfterMs',
    'down',
    'writeLatencyMs',
    'failWritesAfter',
  ];
  for (const key of Object.keys(settings)) {
    if (!known.includes(key)) {
      problems.push(
        `${key}: not a known fault; expected one of ${known.join(', ')}`,
      );
    }
  }
  const number = (key: string, min: number, max: number) => {
    const value = settings[key];
    if (
      value !== undefined &&
      (typeof value !== 'number' || value < min || value > max)
    ) {
      problems.push(
        `${key}: expected a number from ${min} to ${max}, got ${JSON.stringify(
          value,
        )}`,
      );
    }
  };
  number('latencyMs', 0, 600_000);
  number('errorRate', 0, 1);
  number('dropWatchesAfterMs', 1, 86_400_000);
  number('writeLatencyMs', 0, 600_000);
  number('failWritesAfter', 0, 1_000_000);
  if (
    settings.errorCode !== undefined &&
    ![500, 503, 429].includes(settings.errorCode as number)
  ) {
    problems.push(
      `errorCode: expected 500, 503 or 429, got ${JSON.stringify(
        settings.errorCode,
      )}`,
    );
  }
  if (settings.down !== undefined && typeof settings.down !== 'boolean') {
    problems.push(
      `down: expected true or false, got ${JSON.stringify(settings.down)}`,
    );
  }
  if (problems.length) {
    throw new Error(`invalid fault settings: ${problems.join('; ')}`);
  }
  return settings as FaultSettings;
}

const INJECTED_ERRORS = {
  429: () => statusErrors.tooManyRequests(),
  500: () => statusErrors.internal('injected fault'),
  503: () =>
    statusErrors.unavailable(
      'the server is currently unable to handle the request (injected fault)',
    ),
};

/** The error a fault answers with: `errorCode`, or 503. */
export function injectedError(code: FaultSettings['errorCode']) {
  return INJECTED_ERRORS[code ?? 503]();
}

/** Whether a request changes something (and so counts for `failWritesAfter`). */
export function isChange(method: string | undefined, url: URL): boolean {
  return (
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method ?? 'GET') &&
    !url.searchParams.has('dryRun')
  );
}
