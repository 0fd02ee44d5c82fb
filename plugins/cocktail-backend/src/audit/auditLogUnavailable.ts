import { ServiceUnavailableError } from '@backstage/errors';

// What the suite throws on purpose; anything else from the store is its database failing.
const ANSWERS = new Set([
  'InputError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'AuthenticationError',
  'ServiceUnavailableError',
]);

/**
 * Reads the audit log; when its database does not answer, says so in words (a 503) instead of
 * passing on the driver's message with the database's address.
 */
export async function readingTheAuditLog<T>(
  read: () => Promise<T>,
  log?: (error: Error) => void,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (ANSWERS.has((error as Error)?.name)) {
      throw error;
    }
    log?.(error as Error);
    throw new ServiceUnavailableError(
      'The audit log is unavailable: its database did not answer; try again later',
    );
  }
}
