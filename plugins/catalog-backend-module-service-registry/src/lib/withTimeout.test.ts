import { scheduleMilliseconds, TimeoutError, withTimeout } from './withTimeout';

describe('withTimeout', () => {
  it('gives the result of work that settles in time, and its failure', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(
      withTimeout(Promise.reject(new Error('refused')), 1000),
    ).rejects.toThrow('refused');
  });

  it('fails with a TimeoutError when the work does not settle', async () => {
    const work = withTimeout(new Promise<never>(() => {}), 20);
    await expect(work).rejects.toBeInstanceOf(TimeoutError);
    await expect(work).rejects.toThrow('no answer within 20 ms');
  });
});

describe('scheduleMilliseconds', () => {
  it('reads a HumanDuration and a Duration', () => {
    expect(scheduleMilliseconds({ minutes: 2 })).toBe(120_000);
    // what the scheduler's config reader may give: a luxon Duration
    const luxonLike = { toMillis: () => 90_000 } as unknown as Parameters<
      typeof scheduleMilliseconds
    >[0];
    expect(scheduleMilliseconds(luxonLike)).toBe(90_000);
  });
});
