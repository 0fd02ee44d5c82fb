import { isError } from '@backstage/errors';

// isError rather than instanceof: errors from ESM modules loaded in another
// realm, as under Jest, are not instances of this realm's Error.
export function errorMessage(error: unknown): string {
  return isError(error) ? error.message : String(error);
}
