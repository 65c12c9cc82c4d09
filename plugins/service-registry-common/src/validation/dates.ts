import { daysBetween, isIsoDate } from '../model/units';

/**
 * Today's date in UTC, `YYYY-MM-DD`.
 *
 * @public
 */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Checks a `today` override and returns it, or today's UTC date when absent.
 *
 * @param today - `YYYY-MM-DD`, or undefined
 * @throws TypeError when the override is not a real `YYYY-MM-DD` date
 */
export function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayUtc();
  if (!isIsoDate(today)) {
    throw new TypeError(
      `today must be a date written YYYY-MM-DD, e.g. "2026-01-31"; got ${JSON.stringify(
        today,
      )}.`,
    );
  }
  return today;
}

/**
 * Says how far a sunset date is from today: `sunset on 2026-05-20, in 12 days`,
 * `sunset on 2026-05-20, today` or `sunset on 2026-05-20, 3 days ago`.
 *
 * @param sunset - the sunset date
 * @param today - today
 * @public
 */
export function describeSunset(sunset: string, today: string): string {
  const days = daysBetween(today, sunset);
  if (days > 0) {
    return `sunset on ${sunset}, in ${days} day${days === 1 ? '' : 's'}`;
  }
  if (days === 0) return `sunset on ${sunset}, today`;
  const ago = -days;
  return `sunset on ${sunset}, ${ago} day${ago === 1 ? '' : 's'} ago`;
}
