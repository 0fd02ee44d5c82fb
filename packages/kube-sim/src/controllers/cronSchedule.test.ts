import { cronFiresAt } from './cronSchedule';

const at = (iso: string) => new Date(iso);

describe('cronFiresAt', () => {
  it('fires anywhere in the minute the schedule names, in UTC', () => {
    expect(cronFiresAt('30 2 * * *', at('2026-01-05T02:30:45Z'))).toBe(true);
    expect(cronFiresAt('30 2 * * *', at('2026-01-05T02:31:00Z'))).toBe(false);
  });

  it('reads steps, ranges, lists and names', () => {
    const monday = at('2026-01-05T09:45:00Z');
    expect(cronFiresAt('*/15 9-17 * jan MON-FRI', monday)).toBe(true);
    expect(cronFiresAt('5/20 * * * *', monday)).toBe(true);
    expect(cronFiresAt('0,30 * * * *', monday)).toBe(false);
  });

  it('takes 7 for Sunday as 0 is', () => {
    expect(cronFiresAt('0 0 * * 7', at('2026-01-04T00:00:00Z'))).toBe(true);
  });

  it('fires when either the day of month or the day of week matches, as Kubernetes does', () => {
    const sundayThe4th = at('2026-01-04T00:00:00Z');
    expect(cronFiresAt('0 0 1-7 * 1', sundayThe4th)).toBe(true);
  });

  it('expands the descriptors Kubernetes accepts, @midnight among them', () => {
    const midnight = at('2026-01-01T00:00:00Z');
    for (const descriptor of ['@yearly', '@monthly', '@daily', '@midnight']) {
      expect(cronFiresAt(descriptor, midnight)).toBe(true);
    }
    expect(cronFiresAt('@hourly', at('2026-01-01T05:00:10Z'))).toBe(true);
  });

  it('never fires for a schedule Kubernetes would reject', () => {
    const date = at('2026-01-01T00:00:00Z');
    for (const schedule of ['bad', '* * * *', '0 * * * * *', '61 * * * *']) {
      expect(cronFiresAt(schedule, date)).toBe(false);
    }
    expect(cronFiresAt('@minutely', date)).toBe(false);
  });
});
