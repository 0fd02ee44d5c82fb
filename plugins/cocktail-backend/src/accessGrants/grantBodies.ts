import { z } from 'zod';
import { reasonText, wholeNumber } from '../validation/inputFields';

/** A grant's id, as in a route's `:id`. */
export const grantIdParam = z
  .string()
  .uuid({ error: 'expected a grant id (a UUID)' });

/** The fields every grant request has: how long, and why (for the audit log). */
export function durationAndReason(maxDurationMinutes: number) {
  return {
    durationMinutes: wholeNumber(1, maxDurationMinutes),
    reason: reasonText(500).pipe(
      z.string().min(5, { error: 'expected at least 5 characters saying why' }),
    ),
  };
}
