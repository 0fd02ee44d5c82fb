import { InputError } from '@backstage/errors';
import { AuditFilter, AuditOutcome, AuditQuery } from '../audit';

const OUTCOMES: AuditOutcome[] = ['succeeded', 'failed', 'denied'];

function single(
  query: Record<string, unknown>,
  key: string,
): string | undefined {
  const value = query[key];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`${key}: expected a single value`);
  }
  return value;
}

function date(query: Record<string, unknown>, key: string): Date | undefined {
  const value = single(query, key);
  if (value === undefined) {
    return undefined;
  }
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new InputError(
      `${key}: expected an ISO 8601 time such as 2026-11-23T10:00:00Z, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return parsed;
}

/** Filters from the query string: entityRef (repeatable), actor, action, outcome, from, to. */
export function parseAuditFilter(query: Record<string, unknown>): AuditFilter {
  const entityRefs =
    query.entityRef === undefined
      ? undefined
      : ([] as unknown[]).concat(query.entityRef);
  if (entityRefs?.some(ref => typeof ref !== 'string')) {
    throw new InputError(
      'entityRef: expected entity refs such as cocktailserver:default/payments-api',
    );
  }
  const outcome = single(query, 'outcome');
  if (outcome !== undefined && !OUTCOMES.includes(outcome as AuditOutcome)) {
    throw new InputError(
      `outcome: expected one of ${OUTCOMES.join(', ')}, got ${JSON.stringify(
        outcome,
      )}`,
    );
  }
  return {
    entityRefs: entityRefs as string[] | undefined,
    actor: single(query, 'actor'),
    action: single(query, 'action'),
    outcome: outcome as AuditOutcome | undefined,
    from: date(query, 'from'),
    to: date(query, 'to'),
  };
}

export function parseAuditQuery(query: Record<string, unknown>): AuditQuery {
  const limitText = single(query, 'limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (
    limit !== undefined &&
    (!Number.isInteger(limit) || limit < 1 || limit > 500)
  ) {
    throw new InputError(
      `limit: expected a whole number from 1 to 500, got ${JSON.stringify(
        limitText,
      )}`,
    );
  }
  return { ...parseAuditFilter(query), limit, cursor: single(query, 'cursor') };
}
