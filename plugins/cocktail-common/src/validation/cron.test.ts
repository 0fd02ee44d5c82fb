import { explainInvalidCron } from './cron';

describe('explainInvalidCron', () => {
  it.each([
    '0 2 * * *',
    '*/15 * * * *',
    '0 9-17 * * mon-fri',
    '30 3 1,15 * *',
    '0 0 * jan,jul sun',
    '@daily',
    '@hourly',
    '0 0 * * 0',
    '0 0 * * */7',
    '5/15 * * * *',
    '? ? ? ? ?',
    '0 0 * JAN-mar MON-FRI',
    '0 0 31 2 *',
  ])('accepts %j', schedule => {
    expect(explainInvalidCron(schedule)).toBeUndefined();
  });

  it.each([
    ['61 * * * *', 'the minute field must be between 0 and 59, got "61"'],
    [
      '0 2 * *',
      'expected 5 fields (minute hour day-of-month month day-of-week), got 4',
    ],
    [
      '0 2 * * * *',
      'expected 5 fields (minute hour day-of-month month day-of-week), got 6',
    ],
    ['0 25 * * *', 'the hour field must be between 0 and 23, got "25"'],
    ['0 0 0 * *', 'the day of month field must be between 1 and 31, got "0"'],
    ['0 0 * 13 *', 'the month field must be between 1 and 12, got "13"'],
    [
      '0 0 * * funday',
      'the day of week field has an unknown name in "funday"; use sun to sat',
    ],
    ['0 0 * * 7', 'the day of week field must be between 0 and 6, got "7"'],
    ['0 0 * * 1-7', 'the day of week field must be between 0 and 6, got "1-7"'],
    [
      '0 0 L * *',
      'the day of month field has "L"; Kubernetes takes numbers, *, ?, ranges (1-5), lists (1,5) and steps (*/5)',
    ],
    [
      '0 0 * * fril',
      'the day of week field has "fril"; Kubernetes takes numbers, names (sun to sat), *, ?, ranges (1-5), lists (1,5) and steps (*/5)',
    ],
    [
      '0 0 * * 5#2',
      'the day of week field has "5#2"; Kubernetes takes numbers, names (sun to sat), *, ?, ranges (1-5), lists (1,5) and steps (*/5)',
    ],
    [
      'H * * * *',
      'the minute field has "H"; Kubernetes takes numbers, *, ?, ranges (1-5), lists (1,5) and steps (*/5)',
    ],
    ['0,,30 * * * *', 'the minute field has an empty list item in "0,,30"'],
    ['0-61 * * * *', 'the minute field must be between 0 and 59, got "0-61"'],
    ['*/0 * * * *', 'the minute field has an invalid step in "*/0"'],
    ['0 17-9 * * *', 'the hour field has a range that runs backwards: "17-9"'],
    [
      '@weekdays',
      'unknown macro "@weekdays"; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
    ],
    [
      '@fortnightly',
      'unknown macro "@fortnightly"; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
    ],
    [
      'TZ=Asia/Seoul 0 2 * * *',
      'a time zone prefix is not allowed in the schedule; set spec.timeZone instead',
    ],
  ])('explains what is wrong with %j', (schedule, reason) => {
    expect(explainInvalidCron(schedule)).toBe(reason);
  });
});
