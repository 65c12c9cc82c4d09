/**
 * The support hours a service can commit to, from the least to the most coverage.
 *
 * @public
 */
export const SUPPORT_HOURS_LEVELS = [
  'none',
  'best-effort',
  'business',
  'extended',
  '24/7',
] as const;

/**
 * One level of {@link SUPPORT_HOURS_LEVELS}.
 *
 * @public
 */
export type SupportHoursLevel = (typeof SUPPORT_HOURS_LEVELS)[number];

/**
 * The support hours that cover every hour (`24/7`).
 *
 * @public
 */
export const ROUND_THE_CLOCK_SUPPORT: SupportHoursLevel = '24/7';

/** Spellings of each level, once normalised (lowercase, `_`, `-` and spaces as one space, no spaces around `/` or `x`). */
const SPELLINGS: Record<string, SupportHoursLevel> = {
  none: 'none',
  'best effort': 'best-effort',
  business: 'business',
  'business hours': 'business',
  'office hours': 'business',
  '8x5': 'business',
  '8/5': 'business',
  '9x5': 'business',
  '9/5': 'business',
  extended: 'extended',
  'extended hours': 'extended',
  '12x5': 'extended',
  '12/5': 'extended',
  '12x7': 'extended',
  '12/7': 'extended',
  '16x5': 'extended',
  '16/5': 'extended',
  '24/7': '24/7',
  '24x7': '24/7',
  '24/7/365': '24/7',
  '24x7x365': '24/7',
  'round the clock': '24/7',
  'always on': '24/7',
};

/**
 * Reads support hours as written (`"24/7"`, `"24x7"`, `"24/7/365"`, `"Business hours"`,
 * `"best-effort"`, `"extended"`, ...) as a level of the scale.
 *
 * @param value - the `support_hours` value as written
 * @returns the level, or undefined for text outside the scale (e.g. `"Mon-Fri 8-20"`)
 * @public
 */
export function supportHoursLevel(
  value: unknown,
): SupportHoursLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/\s*([/x])\s*(?=\d)/g, '$1');
  return Object.prototype.hasOwnProperty.call(SPELLINGS, text)
    ? SPELLINGS[text]
    : undefined;
}

/**
 * The levels at least as long as a level, from it upwards (`business` → business, extended, 24/7).
 *
 * @param level - the level
 * @public
 */
export function supportHoursAtLeast(
  level: SupportHoursLevel,
): SupportHoursLevel[] {
  return SUPPORT_HOURS_LEVELS.slice(SUPPORT_HOURS_LEVELS.indexOf(level));
}

/**
 * Compares declared support hours with the required ones on the scale
 * `none < best-effort < business < extended < 24/7` (see {@link supportHoursLevel} for the
 * spellings read). Text outside the scale, on either side, is only equal to itself (ignoring case
 * and spaces): anything else cannot be compared.
 *
 * @param declared - the service's `support_hours`
 * @param required - the policy's `support_hours`
 * @returns `meets`, `weaker`, or `unknown` when the two cannot be compared
 * @public
 */
export function compareSupportHours(
  declared: string,
  required: string,
): 'meets' | 'weaker' | 'unknown' {
  const have = supportHoursLevel(declared);
  const need = supportHoursLevel(required);
  if (have === undefined || need === undefined) {
    const same =
      typeof declared === 'string' &&
      typeof required === 'string' &&
      declared.trim().toLowerCase().replace(/\s+/g, ' ') ===
        required.trim().toLowerCase().replace(/\s+/g, ' ');
    return same ? 'meets' : 'unknown';
  }
  return SUPPORT_HOURS_LEVELS.indexOf(have) >=
    SUPPORT_HOURS_LEVELS.indexOf(need)
    ? 'meets'
    : 'weaker';
}
