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
import { FieldSpec } from './fieldCheck';

/**
 * Pattern of service (and project) ids: lowercase letters, digits and `-`, 1 to 63 characters.
 *
 * @public
 */
export const SERVICE_ID_PATTERN = /^[a-z0-9-]{1,63}$/;

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
  return {
    schema: z.enum(values as [T, ...T[]]),
    expected: `one of ${values.join(', ')}`,
    values,
  };
}

/** A string. */
export const stringSpec: FieldSpec<string> = {
  schema: z.string(),
  expected: 'a string in quotes',
};

/** An array of strings. */
export const stringArraySpec: FieldSpec<string[]> = {
  schema: z.array(z.string()),
  expected: 'an array of strings, e.g. ["a", "b"]',
};

/** A service id. */
export const idSpec: FieldSpec<string> = {
  schema: z.string().refine(value => SERVICE_ID_PATTERN.test(value), {
    params: { code: 'schema/invalid-id' },
  }),
  expected:
    'a service id: 1 to 63 lowercase letters, digits or "-" (e.g. "shared-auth")',
};

/** A semver version. */
export const semverSpec: FieldSpec<string> = {
  schema: z.string().refine(value => semver.valid(value) !== null, {
    params: { code: 'schema/invalid-semver' },
  }),
  expected: 'a semver version in quotes, such as "1.2.3"',
};

/** A port. */
export const portSpec: FieldSpec<number> = {
  schema: z.number().int().min(1).max(65535),
  expected: 'an integer between 1 and 65535, without quotes (e.g. port = 8080)',
};

/** A URL. */
export const urlSpec: FieldSpec<string> = {
  schema: z.string().url(),
  expected: 'a URL such as "https://github.com/example/repo"',
};

/** A date. */
export const dateSpec: FieldSpec<string> = {
  schema: normalising(toIsoDate, 'schema/invalid-date'),
  expected:
    'a date written YYYY-MM-DD, as a TOML date (2026-06-30) or a string ("2026-06-30")',
};

/** A percentage. */
export const percentSpec: FieldSpec<number> = {
  schema: normalising(parsePercent, 'schema/invalid-type'),
  expected: 'a percentage between 0 and 100, such as "99.9%" or 99.9',
};

/** A duration. */
export const durationSpec: FieldSpec<number> = {
  schema: normalising(parseDurationMs, 'schema/invalid-type'),
  expected: 'a duration string such as "100ms", "1.5s", "5m" or "4h"',
};

/** A whole number of at least 0. */
export const countSpec: FieldSpec<number> = {
  schema: z.number().int().min(0),
  expected: 'a whole number of at least 0, without quotes',
};

/** A number of at least 0. */
export const amountSpec: FieldSpec<number> = {
  schema: z.number().min(0),
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
