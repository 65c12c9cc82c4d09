import { scheduleDurationMilliseconds } from './scheduleDurationMilliseconds';

describe('scheduleDurationMilliseconds', () => {
  it('reads a HumanDuration and a Duration, and gives nothing for a cron or manual frequency', () => {
    expect(scheduleDurationMilliseconds({ minutes: 2 })).toBe(120_000);
    // what the scheduler's config reader may give: a luxon Duration
    expect(scheduleDurationMilliseconds({ toMillis: () => 90_000 })).toBe(
      90_000,
    );
    expect(
      scheduleDurationMilliseconds({ cron: '*/5 * * * *' }),
    ).toBeUndefined();
    expect(scheduleDurationMilliseconds({ trigger: 'manual' })).toBeUndefined();
  });
});
