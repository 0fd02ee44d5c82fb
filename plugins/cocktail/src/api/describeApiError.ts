import { ResponseError } from '@backstage/errors';

/**
 * An error from the backend, put as what the user can do about it.
 *
 * @public
 */
export interface ApiErrorDescription {
  title: string;
  message: string;
  /** The backend's own message, for the details a platform engineer needs. */
  detail?: string;
}

function backendMessage(error: ResponseError): string {
  return error.body?.error?.message ?? error.message;
}

/**
 * Turns a failed request into a title and a next step instead of raw JSON.
 *
 * @public
 */
export function describeApiError(thrown: unknown): ApiErrorDescription {
  const error = thrown as Error;
  // Duck-typed: errors can come from another realm (an iframe, a test environment).
  if (!error || typeof error.message !== 'string') {
    return { title: 'Something went wrong', message: String(thrown) };
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error.name === 'TypeError') {
    return {
      title: 'The Cocktail backend could not be reached',
      message:
        'Check your network connection and that the portal backend is running, then try again.',
      detail: error.message,
    };
  }
  if (error.name !== 'ResponseError') {
    return { title: 'Something went wrong', message: error.message };
  }
  const responseError = error as ResponseError;
  const detail = backendMessage(responseError);
  switch (responseError.statusCode) {
    case 400:
      return {
        title: 'The request was not accepted',
        message: `${detail}. Correct the value and try again.`,
      };
    case 401:
      return {
        title: 'You are signed out',
        message: 'Sign in again, then retry.',
        detail,
      };
    case 403:
      return {
        title: 'You do not have permission',
        // The backend names the role needed and who to ask; say it as it is.
        message: /\bAsk\b/.test(detail)
          ? detail
          : `${detail}. Ask a platform administrator or an admin of the Service to grant it.`,
      };
    case 404:
      return {
        title: 'Not found',
        message: `${detail}. If it was just added, the catalog may still be processing it; try again in a minute.`,
      };
    case 409:
      return {
        title: 'The object changed or is in the wrong state',
        message: `${detail}. Reload the page to see the current state, then try again.`,
      };
    case 429:
    case 502:
    case 503:
    case 504:
      return {
        title: 'The cluster is unavailable right now',
        message: `${detail}. Wait a moment and retry; if it persists, check the cluster's health on the Clusters page.`,
      };
    default:
      return {
        title: 'The Cocktail backend reported an error',
        message: detail,
      };
  }
}
