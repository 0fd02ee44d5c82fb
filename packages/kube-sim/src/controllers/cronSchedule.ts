import { CronExpressionParser } from 'cron-parser';

/**
 * The descriptors a CronJob schedule may use. cron-parser lacks `@midnight` and knows more
 * (`@minutely`, `@weekdays` …) than Kubernetes accepts, so they are spelled out here.
 */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/**
 * Whether a cron schedule (5 fields or an @-descriptor) fires in the minute of `date` (UTC).
 * A schedule that does not parse never fires.
 */
export function cronFiresAt(schedule: string, date: Date): boolean {
  const expression = DESCRIPTORS[schedule.trim()] ?? schedule.trim();
  // cron-parser would also take 6 fields (with seconds), which Kubernetes rejects.
  if (expression.split(/\s+/).length !== 5) {
    return false;
  }
  const minute = new Date(date);
  minute.setUTCSeconds(0, 0);
  try {
    return CronExpressionParser.parse(expression, { tz: 'UTC' }).includesDate(
      minute,
    );
  } catch {
    return false;
  }
}

/** Why a cron schedule (5 fields or an @-descriptor) does not parse, or undefined when it does. */
export function cronScheduleError(schedule: string): string | undefined {
  const expression = DESCRIPTORS[schedule.trim()] ?? schedule.trim();
  if (expression.split(/\s+/).length !== 5) {
    return `a schedule has 5 fields (minute hour day-of-month month day-of-week) or is an @-descriptor, got ${JSON.stringify(
      schedule,
    )}`;
  }
  try {
    CronExpressionParser.parse(expression, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `${JSON.stringify(schedule)} does not parse: ${
      (error as Error).message
    }`;
  }
}
