/**
 * Prefix of every annotation the service-registry catalog provider writes on entities.
 *
 * @public
 */
export const SERVICE_REGISTRY_ANNOTATION_PREFIX = 'service-registry.io/';

/**
 * Lifecycle status of the service (`development`, `beta`, `ga`, `maintenance`, `deprecated`, `retired`).
 *
 * @public
 */
export const ANNOTATION_STATUS = 'service-registry.io/status';

/**
 * Current semver version of the service.
 *
 * @public
 */
export const ANNOTATION_VERSION = 'service-registry.io/version';

/**
 * Effective tier of the service (its own, or its project's): `critical`, `high`, `medium`, `low`.
 *
 * @public
 */
export const ANNOTATION_TIER = 'service-registry.io/tier';

/**
 * Port the service listens on.
 *
 * @public
 */
export const ANNOTATION_PORT = 'service-registry.io/port';

/**
 * Deprecation date of the service, `YYYY-MM-DD`.
 *
 * @public
 */
export const ANNOTATION_DEPRECATION_DATE =
  'service-registry.io/deprecation-date';

/**
 * Sunset date of the service, `YYYY-MM-DD`.
 *
 * @public
 */
export const ANNOTATION_SUNSET_DATE = 'service-registry.io/sunset-date';

/**
 * Id of the service that replaces a deprecated one.
 *
 * @public
 */
export const ANNOTATION_REPLACEMENT = 'service-registry.io/replacement';

/**
 * Id of the project that declares the service; absent for global services.
 *
 * @public
 */
export const ANNOTATION_PROJECT = 'service-registry.io/project';

/**
 * Registry file (relative to the registry root) where the service is declared.
 *
 * @public
 */
export const ANNOTATION_SOURCE_FILE = 'service-registry.io/source-file';

/**
 * 1-based line of the `[service.<id>]` header in the source file.
 *
 * @public
 */
export const ANNOTATION_SOURCE_LINE = 'service-registry.io/source-line';

/**
 * Id of the entity provider that ingested the entity (one per configured registry).
 *
 * @public
 */
export const ANNOTATION_REGISTRY_ID = 'service-registry.io/registry-id';
