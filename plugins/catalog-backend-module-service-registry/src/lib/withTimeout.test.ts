import { TimeoutError, withTimeout } from './withTimeout';

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
