const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

function value(text: string): number {
  return NAMES[text.toLowerCase()] ?? Number(text);
}

function rangeBounds(
  range: string,
  stepped: boolean,
  min: number,
  max: number,
): number[] {
  if (range === '*' || range === '?') {
    return [min, max];
  }
  if (range.includes('-')) {
    return range.split('-').map(value);
  }
  // "5/15" runs from 5 to the end in steps of 15.
  return [value(range), stepped ? max : value(range)];
}

function fieldMatches(
  field: string,
  actual: number,
  min: number,
  max: number,
): boolean {
  return field.split(',').some(part => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const [from, to] = rangeBounds(range, Boolean(stepText), min, max);
    return actual >= from && actual <= to && (actual - from) % step === 0;
  });
}

/** Whether a cron schedule (5 fields or an @-macro) fires in the minute of `date` (UTC). */
export function cronFiresAt(schedule: string, date: Date): boolean {
  const fields = (MACROS[schedule.trim()] ?? schedule).trim().split(/\s+/);
  if (fields.length !== 5) {
    return false;
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const weekday = date.getUTCDay();
  return (
    fieldMatches(minute, date.getUTCMinutes(), 0, 59) &&
    fieldMatches(hour, date.getUTCHours(), 0, 23) &&
    fieldMatches(dayOfMonth, date.getUTCDate(), 1, 31) &&
    fieldMatches(month, date.getUTCMonth() + 1, 1, 12) &&
    (fieldMatches(dayOfWeek, weekday, 0, 7) ||
      (weekday === 0 && fieldMatches(dayOfWeek, 7, 0, 7)))
  );
}
