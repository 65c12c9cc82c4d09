import semver from 'semver';
import { z } from 'zod';
import {
  MIGRATION_DIFFICULTIES,
  MigrationDifficulty,
  SERVICE_STATUSES,
  SERVICE_TIERS,
  ServiceStatus,
  ServiceTier,
} from '../model/types';
import { parseDurationMs, parsePercent, toIsoDate } from '../model/units';
import { controlCharacterPattern } from './controlCharacterPattern';
import { FieldSpec } from './fieldCheck';

/**
 * Pattern of service (and project) ids: lowercase letters, digits and `-`, 1 to 63 characters.
 *
 * @public
 */
export const SERVICE_ID_PATTERN = /^[a-z0-9-]{1,63}$/;

/** Most distinct strings a validity cache keeps before it starts over. */
const CACHE_LIMIT = 10_000;

/**
 * Memoises a check of strings: registries repeat versions and ranges a lot, and semver parsing
 * allocates.
 */
function cachedCheck(
  check: (value: string) => boolean,
): (value: string) => boolean {
  const cache = new Map<string, boolean>();
  return value => {
    let valid = cache.get(value);
    if (valid === undefined) {
      valid = check(value);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(value, valid);
    }
    return valid;
  };
}

/** A blank at the end of a text: what `String.prototype.trim` (and so `semver.valid`) removes. */
const TRAILING_BLANK = /\s$/;

/**
 * True for a version as SemVer 2.0 writes it (`1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`).
 * `semver.valid` alone also takes a leading `v` and surrounding spaces, which the contract's
 * `semver` type does not allow (the registry's versions are compared as written, e.g. by the
 * scaffolder's inputs and by readers of the TOML).
 */
function isStrictSemver(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  // a digit first (no "v", no space), no trailing space: none that `semver.valid` trims either
  // (a line separator, a no-break space), which would be kept in the version as written
  return (
    first >= 48 &&
    first <= 57 &&
    !TRAILING_BLANK.test(value) &&
    semver.valid(value) !== null
  );
}

/**
 * True for a valid semver version, as SemVer 2.0 writes it (no leading `v`, no spaces), memoised.
 */
export const isValidSemver = cachedCheck(isStrictSemver);

/**
 * True for a valid semver range (`semver.validRange`), memoised. An empty or blank string is
 * none: `semver.validRange` takes it for `*` (any version), which nobody writing `""` means.
 */
export const isValidSemverRange = cachedCheck(
  value => value.trim() !== '' && semver.validRange(value) !== null,
);

/**
 * Memoises a normalisation of strings (percentages, durations: a registry repeats them a lot,
 * and their regular expressions allocate); other values are normalised directly.
 */
function cachedNormaliser<T>(
  normalise: (value: unknown) => T | undefined,
): (value: unknown) => T | undefined {
  const cache = new Map<string, T | null>();
  return value => {
    if (typeof value !== 'string') return normalise(value);
    let result = cache.get(value);
    if (result === undefined) {
      result = normalise(value) ?? null;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(value, result);
    }
    return result ?? undefined;
  };
}

function acceptString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function acceptStringArray(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (let k = 0; k < value.length; k++) {
    if (typeof value[k] !== 'string') return undefined;
  }
  // the array as written (the schema, for invalid values, returns a copy): a loaded registry is
  // read-only, so its typed lists may be its raw ones
  return value as string[];
}

function normalising<T>(
  parse: (value: unknown) => T | undefined,
  code: string,
): z.ZodType<T, z.ZodTypeDef, unknown> {
  return z.unknown().transform((value, ctx) => {
    const result = parse(value);
    if (result === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, params: { code } });
      return z.NEVER;
    }
    return result;
  });
}

function enumSpec<T extends string>(values: readonly T[]): FieldSpec<T> {
  const allowed: ReadonlySet<string> = new Set(values);
  return {
    schema: z.enum(values as [T, ...T[]]),
    accept: value =>
      typeof value === 'string' && allowed.has(value)
        ? (value as T)
        : undefined,
    expected: `one of ${values.join(', ')}`,
    values,
  };
}

/** A string. */
export const stringSpec: FieldSpec<string> = {
  schema: z.string(),
  accept: acceptString,
  expected: 'a string in quotes',
};

/** An array of strings. */
export const stringArraySpec: FieldSpec<string[]> = {
  schema: z.array(z.string()),
  accept: acceptStringArray,
  expected: 'an array of strings, e.g. ["a", "b"]',
};

/** An array of semver versions or ranges (`compat_with = ["2.0.0", "1.x", "^1.4"]`). */
export const versionOrRangeArraySpec: FieldSpec<string[]> = {
  schema: z.array(
    z.string().refine(isValidSemverRange, {
      params: {
        code: 'schema/invalid-semver',
        expected:
          'a semver version or range in quotes, such as "1.4.0" or "^1.4"',
      },
    }),
  ),
  accept: value => {
    const strings = acceptStringArray(value);
    if (strings === undefined) return undefined;
    for (let k = 0; k < strings.length; k++) {
      if (!isValidSemverRange(strings[k])) return undefined;
    }
    return strings;
  },
  expected: 'an array of semver versions or ranges, e.g. ["1.4.0", "^1.4"]',
};

/** A service id. */
export const idSpec: FieldSpec<string> = {
  schema: z.string().refine(value => SERVICE_ID_PATTERN.test(value), {
    params: { code: 'schema/invalid-id' },
  }),
  accept: value =>
    typeof value === 'string' && SERVICE_ID_PATTERN.test(value)
      ? value
      : undefined,
  expected:
    'a service id: 1 to 63 lowercase letters, digits or "-" (e.g. "shared-auth")',
};

/** A semver version. */
export const semverSpec: FieldSpec<string> = {
  schema: z.string().refine(isStrictSemver, {
    params: { code: 'schema/invalid-semver' },
  }),
  accept: value =>
    typeof value === 'string' && isValidSemver(value) ? value : undefined,
  expected:
    'a semver version in quotes, such as "1.2.3" (no leading "v", no spaces)',
};

/** A port. */
export const portSpec: FieldSpec<number> = {
  schema: z.number().int().min(1).max(65535),
  accept: value =>
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= 65535
      ? value
      : undefined,
  expected: 'an integer between 1 and 65535, without quotes (e.g. port = 8080)',
};

/** A URL. */
export const urlSpec: FieldSpec<string> = {
  schema: z
    .string()
    .url()
    .refine(isWebUrl, { params: { code: 'schema/invalid-url' } }),
  accept: value =>
    typeof value === 'string' && isWebUrl(value) ? value : undefined,
  expected: 'an http(s) URL such as "https://github.com/example/repo"',
};

/**
 * Whether a string is an `http:` or `https:` URL. The registry's URLs become links in the
 * catalog and the portal's pages: a `javascript:` or `data:` URL there would run or show what the
 * registry's author wrote in every reader's browser.
 */
function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A date. */
export const dateSpec: FieldSpec<string> = {
  schema: normalising(toIsoDate, 'schema/invalid-date'),
  accept: toIsoDate,
  expected:
    'a date written YYYY-MM-DD, as a TOML date (2026-06-30) or a string ("2026-06-30")',
};

const CONTROL_CHARACTER = controlCharacterPattern();

/**
 * A normalisation of numbers written as text that refuses a text with a control character (see
 * `hasControlCharacter`): their patterns take any blank (`\s`) around the number, the line and
 * paragraph separators and the vertical tab included, and the text as written is what messages
 * quote (`"99.9%"`, `"1.5s"`).
 */
function withoutControlCharacters<T>(
  parse: (value: unknown) => T | undefined,
): (value: unknown) => T | undefined {
  return value =>
    typeof value === 'string' && CONTROL_CHARACTER.test(value)
      ? undefined
      : parse(value);
}

const percentOf = withoutControlCharacters(parsePercent);
const durationMsOf = withoutControlCharacters(parseDurationMs);

/** A percentage. */
export const percentSpec: FieldSpec<number> = {
  schema: normalising(percentOf, 'schema/invalid-type'),
  accept: cachedNormaliser(percentOf),
  expected: 'a percentage between 0 and 100, such as "99.9%" or 99.9',
};

/** A duration. */
export const durationSpec: FieldSpec<number> = {
  schema: normalising(durationMsOf, 'schema/invalid-type'),
  accept: cachedNormaliser(durationMsOf),
  expected: 'a duration string such as "100ms", "1.5s", "5m" or "4h"',
};

/** A whole number of at least 0. */
export const countSpec: FieldSpec<number> = {
  schema: z.number().int().min(0),
  accept: value =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? value
      : undefined,
  expected: 'a whole number of at least 0, without quotes',
};

/** A finite number of at least 0 (TOML's `inf` is none). */
export const amountSpec: FieldSpec<number> = {
  schema: z.number().min(0).finite(),
  accept: value =>
    typeof value === 'number' && value >= 0 && Number.isFinite(value)
      ? value
      : undefined,
  expected: 'a number of at least 0, without quotes',
};

/** A service status. */
export const statusSpec: FieldSpec<ServiceStatus> = enumSpec(SERVICE_STATUSES);

/** A tier. */
export const tierSpec: FieldSpec<ServiceTier> = enumSpec(SERVICE_TIERS);

/** A migration difficulty. */
export const difficultySpec: FieldSpec<MigrationDifficulty> = enumSpec(
  MIGRATION_DIFFICULTIES,
);
