import {
  MIGRATION_DIFFICULTIES,
  MigrationDifficulty,
  SERVICE_STATUSES,
  SERVICE_TIERS,
  ServiceStatus,
  ServiceTier,
} from '@service-registry/plugin-service-registry-common';
import { InputError } from '@backstage/errors';
import semver from 'semver';

/*
 * Pieces of the actions' zod schemas. The schemas themselves are built inside each action with
 * the zod instance the scaffolder hands to `createTemplateAction` (a different copy of zod than
 * this package's, so schema objects are never shared).
 */

/** Message of an invalid service id. */
export const SERVICE_ID_MESSAGE =
  'must be a service id: 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api")';

/**
 * A service as an action takes it where one is expected: its registry id, or the catalog ref of
 * its Component (`component:default/shop-api`, `component:shop-api`), as an entity picker gives
 * it. A pattern, so that the JSON Schema of the actions' input keeps it.
 */
export const SERVICE_REF_PATTERN =
  /^(?:[a-z0-9-]{1,63}|[Cc]omponent:(?:[A-Za-z0-9._-]+\/)?[A-Za-z0-9._-]+)$/;

/** Message of a value that is neither a service id nor a Component ref. */
export const SERVICE_REF_MESSAGE =
  'must be a service id (1 to 63 lowercase letters, digits or "-", e.g. "orders-api") or the catalog ref of its Component (e.g. "component:default/orders-api")';

/**
 * `YYYY-MM-DD` with a month from 01 to 12 and a day from 01 to 31: as much of a date as a JSON
 * Schema `pattern` can check. Whether the day exists in that month is checked by
 * {@link assertCalendarDate} in the handler, since the scaffolder's runner only checks the JSON
 * Schema generated from the zod schema (where `.refine()` is lost).
 */
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** Message of a string that is not written `YYYY-MM-DD`. */
export const DATE_MESSAGE =
  'must be a date written YYYY-MM-DD, e.g. 2027-06-30';

/** Whether a `YYYY-MM-DD` string is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Refuses a `YYYY-MM-DD` input that is not a day of the calendar (`2027-02-30`), with an input
 * error naming the input; undefined passes.
 *
 * @param name - the input's name, e.g. `sunsetDate`
 */
export function assertCalendarDate(name: string, value: string | undefined) {
  if (value !== undefined && !isCalendarDate(value)) {
    throw new InputError(
      `${name} ${JSON.stringify(
        value,
      )} is not a day of the calendar: give a date that exists, written YYYY-MM-DD (e.g. 2027-02-28).`,
    );
  }
}

/**
 * A semantic version `MAJOR.MINOR.PATCH[-PRERELEASE]` (semver 2.0.0 without build metadata, as
 * {@link isSemver} takes it): numbers without leading zeros, dot-separated pre-release
 * identifiers. A pattern, so that the JSON Schema of the actions' input keeps it.
 */
export const SEMVER_PATTERN = new RegExp(
  (() => {
    const number = '(?:0|[1-9]\\d*)';
    const identifier = `(?:${number}|[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*)`;
    return `^${number}\\.${number}\\.${number}(?:-${identifier}(?:\\.${identifier})*)?$`;
  })(),
);

/** Message of an invalid version. */
export const SEMVER_MESSAGE =
  'must be a semantic version MAJOR.MINOR.PATCH, such as 1.4.0 or 2.0.0-rc.1';

/** Whether a string is a semantic version. */
export function isSemver(value: string): boolean {
  return semver.valid(value) === value;
}

/**
 * Refuses a version input that is not a semantic version, with an input error naming the input;
 * undefined passes. (The JSON Schema refuses most of them with {@link SEMVER_PATTERN}; this is
 * the same check as the registry's.)
 */
export function assertSemver(name: string, value: string | undefined) {
  if (value !== undefined && !isSemver(value)) {
    throw new InputError(`${name} ${JSON.stringify(value)} ${SEMVER_MESSAGE}.`);
  }
}

/** A string with at least one character that is not white space. */
export const NOT_BLANK_PATTERN = /\S/;

/** A kind of service: a lowercase word. */
export const TYPE_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The statuses, as a tuple for `z.enum`. */
export const STATUS_VALUES = SERVICE_STATUSES as unknown as [
  ServiceStatus,
  ...ServiceStatus[],
];

/** The tiers, as a tuple for `z.enum`. */
export const TIER_VALUES = SERVICE_TIERS as unknown as [
  ServiceTier,
  ...ServiceTier[],
];

/** The migration difficulties, as a tuple for `z.enum`. */
export const DIFFICULTY_VALUES = MIGRATION_DIFFICULTIES as unknown as [
  MigrationDifficulty,
  ...MigrationDifficulty[],
];

/** Description of the `registryPath` input. */
export const REGISTRY_PATH_DESCRIPTION =
  'Folder of the registry checkout in the workspace (default `registry`, where service-registry:registry:fetch puts it)';

/** Description of dependency entries. */
export const DEPENDENCY_DESCRIPTION =
  "Services: ids, `id@<semver range>`, or catalog refs `component:default/<name>` with an optional `@<semver range>` (read as the registry id of the entity's annotation service-registry.io/service-id); unknown and retired services are refused";

/**
 * An owner as the registry writes it: a group of the default namespace (`group:default/sre`,
 * `group:sre`), as the owner picker gives it, becomes the team's name (`sre`); any other ref
 * (`group:ops/sre`, `user:default/jane`) is kept, since the catalog maps it as written and a bare
 * name would point at another group.
 */
export function ownerName(owner: string): string {
  return owner.trim().replace(/^group:(?:default\/)?(?=[^/]*$)/i, '');
}

/**
 * The owner as written in the registry ({@link ownerName}), refused with an input error when it
 * names no team (`"group:default/"`); undefined passes.
 *
 * @param owner - the owner (or an approver) as given
 * @param field - the input, for the message (`owner`, `governance.approvers[1]`)
 */
export function requireOwnerName(
  owner: string | undefined,
  field = 'owner',
): string | undefined {
  if (owner === undefined) return undefined;
  const name = ownerName(owner);
  if (!/^@?[^\s@]/.test(name)) {
    throw new InputError(
      `${field} ${JSON.stringify(
        owner,
      )} names no team: give the team as written in the registry (platform-team, @platform-team) or as a catalog group ref (group:default/platform-team).`,
    );
  }
  return name;
}
