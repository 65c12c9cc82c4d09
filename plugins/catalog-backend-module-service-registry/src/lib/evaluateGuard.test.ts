import { evaluateGuard } from './evaluateGuard';

const base = { maxRemovalShare: 0.5, rejectEmpty: true };
/** Counts where every entity is a service's. */
const only = (previousCount: number, nextCount: number) => ({
  previousCount,
  nextCount,
  previousServiceCount: previousCount,
  nextServiceCount: nextCount,
  removedServiceCount: Math.max(previousCount - nextCount, 0),
});

describe('evaluateGuard', () => {
  it('allows anything on the first run', () => {
    expect(
      evaluateGuard({
        ...base,
        ...only(0, 0),
        removedCount: 0,
      }),
    ).toEqual({
      allowed: true,
    });
  });

  it('refuses a registry that turns empty', () => {
    const verdict = evaluateGuard({
      ...base,
      ...only(10, 0),
      removedCount: 10,
    });
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(
      /no entities where it had 10 services/,
    );
  });

  it('refuses a registry left with no service, whatever the share allows', () => {
    // every file emptied: the project folders still make Systems, the default owner a Group
    const verdict = evaluateGuard({
      ...base,
      maxRemovalShare: 1,
      previousCount: 38,
      nextCount: 4,
      previousServiceCount: 27,
      nextServiceCount: 0,
      removedCount: 34,
      removedServiceCount: 27,
    });
    expect(verdict).toEqual({
      allowed: false,
      reason:
        'the registry now yields no services (only 4 entities from its project folders and owners) where it had 27 services; kept the last good state (an empty registry is refused: check the source, or, if it is intended, set guard.rejectEmpty: false and guard.maxRemovalShare: 1 for one run)',
    });
    expect(
      evaluateGuard({
        ...base,
        maxRemovalShare: 1,
        rejectEmpty: false,
        previousCount: 38,
        nextCount: 4,
        previousServiceCount: 27,
        nextServiceCount: 0,
        removedCount: 34,
        removedServiceCount: 27,
      }).allowed,
    ).toBe(true);
    // a registry that never had a service (projects declared first) is not empty by this rule
    expect(
      evaluateGuard({
        ...base,
        previousCount: 3,
        nextCount: 4,
        previousServiceCount: 0,
        nextServiceCount: 0,
        removedCount: 0,
        removedServiceCount: 0,
      }).allowed,
    ).toBe(true);
  });

  it('allows an empty registry when rejectEmpty is off and the share allows it', () => {
    expect(
      evaluateGuard({
        ...only(10, 0),
        removedCount: 10,
        maxRemovalShare: 1,
        rejectEmpty: false,
      }).allowed,
    ).toBe(true);
  });

  it('refuses removing more than the allowed share, and allows exactly the share', () => {
    const over = evaluateGuard({
      ...base,
      ...only(10, 4),
      removedCount: 6,
    });
    expect(over.allowed).toBe(false);
    expect(!over.allowed && over.reason).toMatch(
      /remove 6 of 10 entities \(60\.0%, more than the allowed 50%\)/,
    );
    expect(
      evaluateGuard({
        ...base,
        ...only(10, 5),
        removedCount: 5,
      }).allowed,
    ).toBe(true);
  });

  it('refuses removing more than the allowed share of the services, though the share of entities allows it', () => {
    // nine of ten project files emptied: their folders' Systems and the owners' Groups stay
    const verdict = evaluateGuard({
      ...base,
      previousCount: 21,
      nextCount: 12,
      previousServiceCount: 10,
      nextServiceCount: 1,
      removedCount: 9,
      removedServiceCount: 9,
    });
    expect(verdict).toEqual({
      allowed: false,
      reason:
        'the refresh would remove 9 of 10 services (90.0%, more than the allowed 50%); kept the last good state (if the removal is intended, raise guard.maxRemovalShare for one run)',
    });
    expect(
      evaluateGuard({
        ...base,
        previousCount: 21,
        nextCount: 16,
        previousServiceCount: 10,
        nextServiceCount: 5,
        removedCount: 5,
        removedServiceCount: 5,
      }).allowed,
    ).toBe(true);
  });
});
