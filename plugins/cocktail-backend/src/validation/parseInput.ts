import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import { formatInputIssues } from './formatInputIssues';

/**
 * Checks a request part against its schema and returns what the schema made of it; anything
 * else is an `InputError` that names each bad field.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.output<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    throw new InputError(formatInputIssues(schema, where, result.error.issues));
  }
  return result.data;
}
