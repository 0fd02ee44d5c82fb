/*
 * The schedule syntax Kubernetes CronJobs accept (robfig/cron's standard parser): five fields
 * (minute hour day-of-month month day-of-week) or one of the @-macros. Time zones belong in
 * `spec.timeZone`, not in a `TZ=` prefix.
 */

const MACROS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesStartAt: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesStartAt: 0 },
];

function parseValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + (field.namesStartAt ?? 0) : undefined;
}

function checkRangePart(part: string, field: CronField): string | undefined {
  const [range, step, extra] = part.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
    return `the ${field.name} field has an invalid step in "${part}"`;
  }
  if (range === '*' || range === '?') {
    return undefined;
  }
  const bounds = range.split('-');
  if (bounds.length > 2) {
    return `the ${field.name} field has an invalid range "${range}"`;
  }
  const values = bounds.map(bound => parseValue(bound, field));
  for (const [i, value] of values.entries()) {
    if (value === undefined || value < field.min || value > field.max) {
      return `the ${field.name} field must be between ${field.min} and ${field.max}, got "${bounds[i]}"`;
    }
  }
  if (values.length === 2 && values[0]! > values[1]!) {
    return `the ${field.name} field has a range that runs backwards: "${range}"`;
  }
  return undefined;
}

/** Why a CronJob schedule is invalid, or undefined when Kubernetes would accept it. */
export function explainInvalidCron(schedule: string): string | undefined {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) {
    return MACROS.has(trimmed)
      ? undefined
      : `unknown macro "${trimmed}"; use one of ${[...MACROS].join(', ')}`;
  }
  if (/^(CRON_)?TZ=/.test(trimmed)) {
    return 'a time zone prefix is not allowed in the schedule; set spec.timeZone instead';
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== 5) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [i, part] of parts.entries()) {
    for (const item of part.split(',')) {
      const problem = checkRangePart(item, FIELDS[i]);
      if (problem) {
        return problem;
      }
    }
  }
  return undefined;
}
