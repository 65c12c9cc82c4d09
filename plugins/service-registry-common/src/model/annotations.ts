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
 * Registry id of the service a Component stands for (`[service.<id>]`). The provider names the
 * Component after it, but an entity transformer may rename the Component or move it to another
 * namespace: the annotation still gives the id the backend knows, and lets a page find the
 * Component of a service through the catalog.
 *
 * @public
 */
export const ANNOTATION_SERVICE_ID = 'service-registry.io/service-id';

/**
 * Id of the project that declares the service; absent for global services. On a System, the
 * project it stands for.
 *
 * @public
 */
export const ANNOTATION_PROJECT = 'service-registry.io/project';

/**
 * On the shared System of the global services, the name the catalog provider gave it (its
 * `sharedSystem` option). An entity transformer may rename the System or move it to another
 * namespace: the annotation still tells it apart from the projects' Systems, and lets a page find
 * it through the catalog.
 *
 * @public
 */
export const ANNOTATION_SHARED_SYSTEM = 'service-registry.io/shared-system';

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
