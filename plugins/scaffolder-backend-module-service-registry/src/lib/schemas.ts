import {
  MIGRATION_DIFFICULTIES,
  MigrationDifficulty,
  SERVICE_STATUSES,
  SERVICE_TIERS,
  ServiceStatus,
  ServiceTier,
} from '@service-registry/plugin-service-registry-common';
import semver from 'semver';

/*
 * Pieces of the actions' zod schemas. The schemas themselves are built inside each action with
 * the zod instance the scaffolder hands to `createTemplateAction` (a different copy of zod than
 * this package's, so schema objects are never shared).
 */

/** Message of an invalid service id. */
export const SERVICE_ID_MESSAGE =
  'must be a service id: 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api")';

/** `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a `YYYY-MM-DD` string is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Whether a string is a semantic version. */
export function isSemver(value: string): boolean {
  return semver.valid(value) === value;
}

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
  'Services: ids, `id@<semver range>`, or catalog refs `component:default/<id>`; unknown and retired services are refused';

/** An owner as written in the registry; a catalog group reference becomes the group's name. */
export function ownerName(owner: string): string {
  return owner.trim().replace(/^group:(?:[a-z0-9._-]+\/)?/i, '');
}
