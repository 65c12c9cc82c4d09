const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;
const DURATION_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a duration such as `"100ms"`, `"1.5s"`, `"5m"`, `"2h"` or `"1d"` into milliseconds.
 *
 * @returns the milliseconds, or undefined if the text is not such a duration
 * @public
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * DURATION_MS[match[2]];
}

/**
 * Parses a percentage written `"99.9%"` or `99.9` into a number between 0 and 100.
 *
 * @returns the percentage, or undefined if the value is not one
 * @public
 */
export function parsePercent(value: unknown): number | undefined {
  let result: number | undefined;
  if (typeof value === 'number') result = value;
  else if (typeof value === 'string') {
    const match = PERCENT.exec(value);
    result = match ? Number(match[1]) : undefined;
  }
  return result !== undefined && result >= 0 && result <= 100
    ? result
    : undefined;
}

/**
 * True for a `YYYY-MM-DD` string that names a real calendar day.
 *
 * @public
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * Normalises a registry date: a TOML local date (the parser's `TomlDate`) or a `YYYY-MM-DD`
 * string, to `YYYY-MM-DD`.
 *
 * @returns the date, or undefined if the value is neither (date-times are refused)
 * @public
 */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'string') return isIsoDate(value) ? value : undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const tomlDate = value as Date & { isDate?: () => boolean };
    if (typeof tomlDate.isDate === 'function' && tomlDate.isDate()) {
      return value.toISOString().slice(0, 10);
    }
  }
  return undefined;
}

/**
 * Whole days from one `YYYY-MM-DD` date to another (negative when `to` is before `from`).
 *
 * @public
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * A `YYYY-MM-DD` date plus (or minus) whole days, `YYYY-MM-DD`.
 *
 * @public
 */
export function addDays(date: string, days: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

/**
 * A `YYYY-MM-DD` date plus calendar months, `YYYY-MM-DD`; a day the target month does not have
 * is its last day (2026-08-31 plus 6 months is 2027-02-28).
 *
 * @public
 */
export function addMonths(date: string, months: number): string {
  const start = new Date(`${date}T00:00:00Z`);
  const result = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1),
  );
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return result.toISOString().slice(0, 10);
}
