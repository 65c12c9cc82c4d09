import { evaluateGuard } from './evaluateGuard';

const base = { maxRemovalShare: 0.5, rejectEmpty: true };

describe('evaluateGuard', () => {
  it('allows anything on the first run', () => {
    expect(
      evaluateGuard({
        ...base,
        previousCount: 0,
        nextCount: 0,
        removedCount: 0,
      }),
    ).toEqual({
      allowed: true,
    });
  });

  it('refuses a registry that turns empty', () => {
    const verdict = evaluateGuard({
      ...base,
      previousCount: 10,
      nextCount: 0,
      removedCount: 10,
    });
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(
      /no entities where it had 10/,
    );
  });

  it('allows an empty registry when rejectEmpty is off and the share allows it', () => {
    expect(
      evaluateGuard({
        previousCount: 10,
        nextCount: 0,
        removedCount: 10,
        maxRemovalShare: 1,
        rejectEmpty: false,
      }).allowed,
    ).toBe(true);
  });

  it('refuses removing more than the allowed share, and allows exactly the share', () => {
    const over = evaluateGuard({
      ...base,
      previousCount: 10,
      nextCount: 4,
      removedCount: 6,
    });
    expect(over.allowed).toBe(false);
    expect(!over.allowed && over.reason).toMatch(
      /remove 6 of 10 entities \(60\.0%, more than the allowed 50%\)/,
    );
    expect(
      evaluateGuard({
        ...base,
        previousCount: 10,
        nextCount: 5,
        removedCount: 5,
      }).allowed,
    ).toBe(true);
  });
});
