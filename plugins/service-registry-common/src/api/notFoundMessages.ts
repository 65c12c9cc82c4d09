/*
 * The backend plugin answers 404 for different things, and a client must tell them apart: "this
 * registry does not have the service (or project) a card is about" is an empty state, while "the
 * backend has no such registry" (an entity whose registry annotation names a registry that was
 * renamed or removed) is an error to show. Backstage's error body carries only the error's name
 * and message, so the messages are written here, once, and {@link registryNotFoundKind} reads
 * them: the backend and the frontend cannot drift apart.
 */

/**
 * What a 404 of the service-registry backend did not find:
 *
 * - `service`: the registry holds no such service;
 * - `project`: the registry has no such project, or declares no global services;
 * - `not-deprecated`: the service is neither deprecated nor retired (the deprecation endpoints);
 * - `registry`: the backend has no such registry;
 * - `other`: any other 404 (a route the backend does not have, say).
 *
 * @public
 */
export type RegistryNotFoundKind =
  | 'service'
  | 'project'
  | 'not-deprecated'
  | 'registry'
  | 'other';

const SERVICE_PREFIX = 'no service ';
const REGISTRY_PREFIX = 'no registry ';
const PROJECT_PREFIX = 'no project ';
const NO_GLOBALS = /^registry "[^"]*" declares no global services/;
const NOT_DEPRECATED =
  /^service ".*" of registry "[^"]*" is neither deprecated nor retired/;

/**
 * The messages of the service-registry backend's 404 answers (see {@link registryNotFoundKind}).
 *
 * @public
 */
export const registryNotFoundMessages = {
  /**
   * A service id the registry does not hold: names the id (as JSON, so that an odd one reads
   * unambiguously) and the registry, and says what an id is.
   */
  service: (id: string, registry: string): string =>
    `${SERVICE_PREFIX}${JSON.stringify(id)} in registry ${JSON.stringify(
      registry,
    )}: a service is asked for by the <id> of its [service.<id>] table, exactly as written (case and punctuation count)`,
  /** A registry id the backend does not have, with the ones it has (`known`, sorted). */
  registry: (id: string, known: readonly string[]): string =>
    known.length > 0
      ? `${REGISTRY_PREFIX}"${id}": give registry= one of ${known.join(
          ', ',
        )} (catalog.providers.serviceRegistry)`
      : `${REGISTRY_PREFIX}"${id}": no registry is configured under catalog.providers.serviceRegistry`,
  /** A project (folder under `projects/`) the registry does not have. */
  project: (id: string, registry: string): string =>
    `${PROJECT_PREFIX}"${id}" in registry "${registry}": a project is a folder under projects/ of the registry`,
  /** The global services of a registry whose `services/catalog.toml` declares none. */
  globalServices: (registry: string): string =>
    `registry "${registry}" declares no global services (services/catalog.toml)`,
  /** A service the deprecation endpoints are asked for that is neither deprecated nor retired. */
  notDeprecated: (id: string, registry: string): string =>
    `service ${JSON.stringify(
      id,
    )} of registry "${registry}" is neither deprecated nor retired`,
};

/**
 * What a 404 of the service-registry backend did not find, from its message (one of
 * {@link registryNotFoundMessages}; `other` for any other message).
 *
 * @param message - the message of the backend's `NotFoundError`
 * @public
 */
export function registryNotFoundKind(message: string): RegistryNotFoundKind {
  if (message.startsWith(SERVICE_PREFIX)) return 'service';
  if (message.startsWith(REGISTRY_PREFIX)) return 'registry';
  if (message.startsWith(PROJECT_PREFIX) || NO_GLOBALS.test(message)) {
    return 'project';
  }
  if (NOT_DEPRECATED.test(message)) return 'not-deprecated';
  return 'other';
}
