import { RequestTimeoutError } from './abortableRequests';

/**
 * The longest message of a cluster's own that is passed on to a person.
 *
 * @public
 */
export const MAX_CLUSTER_MESSAGE_CHARS = 300;

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers at its address (connection refused)',
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name could not be resolved right now',
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'its address cannot be reached',
  ENETUNREACH: 'its network cannot be reached',
};

const STATUS_WORDS: Record<number, string> = {
  401: 'the cluster refused the credentials (401 Unauthorized)',
  403: 'the credentials may not do this (403 Forbidden)',
  404: 'not found (404)',
  409: 'conflict (409)',
  410: 'the watch fell too far behind and must start again (410 Gone)',
  429: 'the cluster asked to slow down (429 Too Many Requests)',
  500: 'the cluster failed (500 Internal Server Error)',
  502: 'a proxy in front of the cluster failed (502 Bad Gateway)',
  503: 'the cluster is unavailable (503 Service Unavailable)',
  504: 'a proxy in front of the cluster timed out (504 Gateway Timeout)',
};

// The API server's message already says what is wrong with the request.
const SELF_EXPLAINING = new Set([400, 404, 409, 422]);

function capped(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_CLUSTER_MESSAGE_CHARS
    ? `${oneLine.slice(0, MAX_CLUSTER_MESSAGE_CHARS)}… [cut]`
    : oneLine;
}

/** The `message` of a Kubernetes Status body, or undefined when the body is something else. */
function statusBodyMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const status = parsed as { kind?: unknown; message?: unknown } | undefined;
  return status?.kind === 'Status' && typeof status.message === 'string'
    ? status.message
    : undefined;
}

function codeOf(error: any): string | undefined {
  return error?.code && typeof error.code === 'string'
    ? error.code
    : error?.cause?.code ?? error?.errno;
}

/**
 * A failed request to a cluster in words a person understands: what went wrong, with the
 * cluster's own message when it sent a Kubernetes Status, capped. Any other body (an HTML
 * error page, a proxy's text) is never passed on.
 *
 * @public
 */
export function describeRequestError(error: unknown): string {
  const e = error as any;
  if (error instanceof RequestTimeoutError) {
    return error.message;
  }
  if (typeof e?.code === 'number') {
    const words = STATUS_WORDS[e.code] ?? `the cluster answered HTTP ${e.code}`;
    const message = statusBodyMessage(e.body);
    if (message && SELF_EXPLAINING.has(e.code)) {
      return capped(message);
    }
    return message ? `${words}: ${capped(message)}` : words;
  }
  const networkCode = codeOf(e);
  if (networkCode && NETWORK_ERRORS[networkCode]) {
    return NETWORK_ERRORS[networkCode];
  }
  const message = String(e?.message ?? error);
  if (/premature close|socket hang up|aborted/i.test(message)) {
    return 'the connection was cut before the answer was complete';
  }
  if (/certificate|self[- ]signed|CERT_|TLS/i.test(message)) {
    return `its TLS certificate is not trusted: ${capped(message)}`;
  }
  return capped(message);
}
