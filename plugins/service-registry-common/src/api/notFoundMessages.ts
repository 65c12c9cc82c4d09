import type { SourcePosition } from '../model/types';

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
 * - `held-back`: the registry lacks the service only because the catalog holds it back: the file
 *   that declares it now is not taken as written (it does not parse, say), so the catalog keeps
 *   its Component as last ingested (a `catalog/held-back-service` finding says so);
 * - `registry`: the backend has no such registry;
 * - `other`: any other 404 (a route the backend does not have, say).
 *
 * @public
 */
export type RegistryNotFoundKind =
  | 'service'
  | 'project'
  | 'not-deprecated'
  | 'held-back'
  | 'registry'
  | 'other';

const SERVICE_PREFIX = 'no service ';
const REGISTRY_PREFIX = 'no registry ';
const PROJECT_PREFIX = 'no project ';
const NO_GLOBALS = /^registry "[^"]*" declares no global services/;
const NOT_DEPRECATED =
  /^service ".*" of registry "[^"]*" is neither deprecated nor retired/;
/** A JSON string: an id as the held-back message writes it, whatever it holds. */
const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';
const HELD_BACK = new RegExp(
  `^service ${JSON_STRING} of registry ${JSON_STRING} is held back: `,
);

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
  /**
   * A service the registry lacks only because the catalog holds it back (what a
   * `catalog/held-back-service` finding reports): where it is declared now, why that file is not
   * taken, and that the catalog shows it as last ingested until the file is fixed.
   *
   * @param id - the service asked for (the finding's `service`)
   * @param registry - the provider id of the registry that answered
   * @param where - its new declaration (the finding's file, line and column)
   * @param why - why the file is not taken, as the finding says it (`it does not parse at …`);
   *   left out when the finding does not say
   */
  heldBack: (
    id: string,
    registry: string,
    where: SourcePosition,
    why?: string,
  ): string =>
    `service ${JSON.stringify(id)} of registry ${JSON.stringify(
      registry,
    )} is held back: it is declared at ${where.file}:${where.line}:${
      where.column
    }, in a file the catalog cannot take as written${
      why ? ` (${why})` : ''
    }; the catalog shows it as last ingested, and the registry lacks it until that file is fixed`,
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
  // before not-deprecated: the held-back message quotes a file and a reason, which may read like
  // anything; its id is a JSON string, read exactly
  if (HELD_BACK.test(message)) return 'held-back';
  if (NOT_DEPRECATED.test(message)) return 'not-deprecated';
  return 'other';
}
