import { CronExpressionParser } from 'cron-parser';

/*
 * The schedule syntax Kubernetes CronJobs accept (robfig/cron's standard parser): five fields
 * (minute hour day-of-month month day-of-week) or one of the @-macros. Time zones belong in
 * `spec.timeZone`, not in a `TZ=` prefix. cron-parser reads the fields; what it accepts beyond
 * that syntax (a seconds field, H, L, W, #, 7 for Sunday, other macros) is refused here first.
 */

const MACROS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
];

interface CronField {
  name: string;
  min: number;
  max: number;
  /** The three-letter names the field takes besides numbers, as messages tell them. */
  names?: string;
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: 'jan to dec' },
  { name: 'day of week', min: 0, max: 6, names: 'sun to sat' },
];

/** What Kubernetes refuses in one item of a field's list, that cron-parser would take. */
function beyondKubernetes(item: string, field: CronField): string | undefined {
  const withoutNames = field.names ? item.replace(/[a-z]{3}/gi, '') : item;
  if (/[a-z#]/i.test(withoutNames)) {
    return `the ${field.name} field has "${item}"; Kubernetes takes numbers${
      field.names ? `, names (${field.names})` : ''
    }, *, ?, ranges (1-5), lists (1,5) and steps (*/5)`;
  }
  // cron-parser reads a day of week of 7 as Sunday; Kubernetes does not. Only the range's
  // bounds count: a step of 7 is fine.
  const [range] = item.split('/');
  if (range.split('-').some(bound => Number(bound) > field.max)) {
    return outOfRange(item, field);
  }
  return undefined;
}

function outOfRange(item: string, field: CronField): string {
  return `the ${field.name} field must be between ${field.min} and ${field.max}, got "${item}"`;
}

/** Our wording for cron-parser's reason, which does not say which field it is about. */
function explainParseError(
  message: string,
  item: string,
  field: CronField,
): string {
  if (/repeat/i.test(message)) {
    return `the ${field.name} field has an invalid step in "${item}"`;
  }
  if (/^Invalid range: .*min.*> max/.test(message) && item.includes('-')) {
    return `the ${field.name} field has a range that runs backwards: "${item}"`;
  }
  if (/alias/i.test(message)) {
    return `the ${field.name} field has an unknown name in "${item}"; use ${field.names}`;
  }
  return outOfRange(item, field);
}

function explainInvalidItem(
  item: string,
  index: number,
  fieldText: string,
): string | undefined {
  const field = FIELDS[index];
  if (item === '') {
    return `the ${field.name} field has an empty list item in "${fieldText}"`;
  }
  const refused = beyondKubernetes(item, field);
  if (refused) {
    return refused;
  }
  // Each item is parsed alone, the other fields `*`: so the reason names its field and item,
  // and day and month are not checked together (Kubernetes takes `31 2`, which never runs).
  const probe = FIELDS.map((_, i) => (i === index ? item : '*')).join(' ');
  try {
    CronExpressionParser.parse(probe);
    return undefined;
  } catch (error) {
    return explainParseError((error as Error).message, item, field);
  }
}

/**
 * Why a CronJob schedule is invalid, or undefined when Kubernetes would accept it.
 *
 * @public
 */
export function explainInvalidCron(schedule: string): string | undefined {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) {
    return MACROS.includes(trimmed)
      ? undefined
      : `unknown macro "${trimmed}"; use one of ${MACROS.join(', ')}`;
  }
  if (/^(CRON_)?TZ=/.test(trimmed)) {
    return 'a time zone prefix is not allowed in the schedule; set spec.timeZone instead';
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [index, part] of parts.entries()) {
    for (const item of part.split(',')) {
      const problem = explainInvalidItem(item, index, part);
      if (problem) {
        return problem;
      }
    }
  }
  return undefined;
}
