import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { z } from 'zod';

const validator = makeValidator();

/** A catalog namespace, as in a route's `:namespace`. */
export const catalogNamespace = z
  .string()
  .refine(v => validator.isValidNamespace(v), {
    error:
      'expected a catalog namespace (lowercase letters, digits and "-", at most 63 characters)',
  });

/** A catalog entity name, as in a route's `:name`. */
export const entityName = z
  .string()
  .refine(v => validator.isValidEntityName(v), {
    error:
      'expected an entity name (letters, digits, "-", "_" and "." between letters or digits, at most 63 characters)',
  });

/** `:namespace/:name` of a catalog entity. */
export const entityParams = z.strictObject({
  namespace: catalogNamespace,
  name: entityName,
});

/** A full entity ref such as `cocktailserver:default/payments-api`, in the catalog's spelling. */
export const entityRef = z
  .string({
    error: 'expected an entity ref such as cocktailserver:default/payments-api',
  })
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(parseEntityRef(value));
    } catch {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message:
          'expected an entity ref (kind:namespace/name) such as cocktailserver:default/payments-api',
      });
      return z.NEVER;
    }
  });

/** `true` or `false` in a JSON body. */
export const bodyFlag = z.boolean({ error: 'expected true or false' });

/** `true` or `false` in a query string; nothing else, so `?dryRun=maybe` cannot act for real. */
export const queryFlag = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform(value => value === 'true');

export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}` });
}

/** A whole number written in a query string. */
export function queryWholeNumber(min: number, max: number) {
  return z
    .string({ error: `expected a whole number from ${min} to ${max}` })
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(wholeNumber(min, max));
}

/** One value of a query string: `?a=1&a=2` is refused. */
export function queryText(expected: string, maxLength = 500) {
  return z
    .string({ error: `expected a single value: ${expected}` })
    .min(1, { error: `expected ${expected}` })
    .max(maxLength, { error: `expected at most ${maxLength} characters` });
}

/** An ISO 8601 time in a query string. */
export const queryTime = z
  .string({ error: 'expected one ISO 8601 time such as 2026-11-23T10:00:00Z' })
  .refine(value => !Number.isNaN(new Date(value).getTime()), {
    error: 'expected an ISO 8601 time such as 2026-11-23T10:00:00Z',
  })
  .transform(value => new Date(value));

/** Free text a person writes (a reason), trimmed, never empty. */
export function reasonText(maxLength = 1000) {
  return z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'expected text saying why' })
    .max(maxLength, { error: `expected at most ${maxLength} characters` });
}

/** A cluster's name in the registry: a DNS label. */
export const clusterName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error: 'expected a cluster name (lowercase letters, digits and "-")',
  });
