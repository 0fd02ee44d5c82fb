import { z } from 'zod';
import { AuditFilter, AuditOutcome } from '../audit';
import {
  entityRef,
  queryFlag,
  queryText,
  queryTime,
  queryWholeNumber,
} from '../validation/inputFields';

// Not `requested`: the intents without an outcome come with every page asking for no outcome.
const OUTCOMES: [AuditOutcome, ...AuditOutcome[]] = [
  'succeeded',
  'failed',
  'denied',
];

const filterFields = {
  /** Repeatable. */
  entityRef: z.union([entityRef, z.array(entityRef).max(100)]).optional(),
  actor: queryText('an actor such as user:default/alice', 300).optional(),
  action: queryText('an action such as server.scale', 100)
    .regex(/^[a-z-]+(\.[a-z-]+)*$/, {
      error: 'expected an action such as server.scale',
    })
    .optional(),
  outcome: z
    .enum(OUTCOMES, { error: `expected one of ${OUTCOMES.join(', ')}` })
    .optional(),
  from: queryTime.optional(),
  to: queryTime.optional(),
  /** Also the intents (outcome `requested`) whose outcome was recorded; without it only those without one. */
  includeIntents: queryFlag.optional(),
};

function checkTimeRange(
  query: { from?: Date; to?: Date },
  ctx: z.RefinementCtx,
) {
  if (query.from && query.to && query.from >= query.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `must be before to (${query.to.toISOString()}), got ${query.from.toISOString()}`,
    });
  }
}

function toFilter(query: z.output<z.ZodObject<typeof filterFields>>) {
  const { entityRef: refs, ...rest } = query;
  const filter: AuditFilter = { ...rest };
  if (refs !== undefined) {
    filter.entityRefs = ([] as string[]).concat(refs);
  }
  return filter;
}

/** `GET /audit/export`: the filters and the format. */
export const auditExportQuery = z
  .strictObject({
    ...filterFields,
    format: z
      .enum(['csv', 'json'], { error: 'expected csv or json' })
      .optional(),
  })
  .superRefine(checkTimeRange)
  .transform(({ format, ...filter }) => ({
    filter: toFilter(filter),
    format: format ?? 'json',
  }));

/** `GET /audit`: the filters (entityRef repeatable, actor, action, outcome, from, to, includeIntents) and a page. */
export const auditPageQuery = z
  .strictObject({
    ...filterFields,
    limit: queryWholeNumber(1, 500).optional(),
    cursor: queryText('the nextCursor of the previous page', 200).optional(),
  })
  .superRefine(checkTimeRange)
  .transform(({ limit, cursor, ...filter }) => ({
    ...toFilter(filter),
    ...(limit !== undefined ? { limit } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  }));
