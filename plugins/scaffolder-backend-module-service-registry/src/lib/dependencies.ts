import { InputError } from '@backstage/errors';
import {
  getServiceForProject,
  LoadedRegistry,
  migrationTarget,
  parseDependencyString,
  RegistryService,
  SERVICE_ID_PATTERN,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';
import semver from 'semver';
import { unreadFilesNote } from './unreadFiles';

/** `component:<id>` or `component:<namespace>/<id>`: a service as a catalog entity reference. */
const ENTITY_REF = /^component:(?:[a-z0-9._-]+\/)?(.+)$/i;

/**
 * The service id of a dependency entry: `shared-auth` of `shared-auth`, `shared-auth@^1.0` and
 * `component:default/shared-auth`.
 */
export function dependencyId(entry: string): string {
  return parseDependencyString(entry.trim().replace(ENTITY_REF, '$1')).service;
}

/**
 * The service whose dependencies are checked: its id (a new service's too, before the registry
 * declares it) and its project, whose view of the registry counts (see `getServiceForProject`).
 */
export interface DependencyConsumer {
  /** The service id. */
  id: string;
  /** The service's project; undefined for a global service, which sees the global declarations. */
  project: string | undefined;
  /**
   * Set when the entries are checked for the view of a global service in `project`: that project's
   * override of the service, which inherits the list the entries go in (see
   * `checkInheritingViews`), and the list (`dependencies.requires`); the refusal names both.
   */
  inheritingOverride?: { source: SourcePosition; list: string };
}

/**
 * Says where a provider's value comes from when it is a project's override of a global service
 * (the consumer's project sees it instead of the global declaration): ` in project x's override
 * (projects/x/services.toml:4:1)`, else nothing.
 */
function overrideNote(
  registry: LoadedRegistry,
  provider: RegistryService,
): string {
  if (
    provider.project === undefined ||
    registry.services.get(provider.id) === provider
  ) {
    return '';
  }
  const { file, line, column } = provider.source;
  return ` in project ${provider.project}'s override (${file}:${line}:${column})`;
}

/**
 * What to depend on instead of a retired service, as `lifecycle/depends-on-retired` says it: its
 * replacement, or the live end of its chain of replacements when that one is deprecated or
 * retired too, as the consumer's project sees them; the owners to ask when the chain reaches no
 * live service; for the successor itself, to take over what it used the service for.
 */
function instead(
  registry: LoadedRegistry,
  provider: RegistryService,
  consumer: DependencyConsumer,
): string {
  const self = consumer.id;
  const target = migrationTarget(registry, provider, consumer.project);
  if (target === undefined) return '';
  if ('none' in target) {
    return `; its replacement_service ${provider.replacementService} is no live service (${target.none}): ask the owners of ${provider.id} what to depend on instead`;
  }
  const what = target.chain === undefined ? 'replacement' : 'live successor';
  if (target.live === self) {
    return `; ${self} is its ${what}: take over in it what it used ${provider.id} for`;
  }
  return target.chain === undefined
    ? `; depend on its replacement ${target.live}`
    : `; depend on ${target.live}, ${target.chain}`;
}

/**
 * Checks dependency entries against the registry and returns them as the registry writes them
 * (`id` or `id@<range>`). An entry is a service id, `id@<semver range>`, or the catalog entity
 * reference of a registry service (`component:default/shared-auth`, as the template's entity
 * pickers give). Refused: invalid ids or ranges, the service itself, services the registry does
 * not declare (naming the registry files that do not parse, where they may be declared), retired
 * services (naming what to depend on instead, see `instead`), and entries listed twice. A range
 * is not held against the provider's version here: `service-registry:validate` reports a range
 * the version (as the consumer's project sees it) does not satisfy, with the rest of the change.
 *
 * Each provider is the one the consumer's project sees, as validation checks it: a project's
 * override of a global service wins (a service it retires is refused, one it keeps live while the
 * global declaration is retired is taken), and so do the project's views of the successors of a
 * retired service.
 *
 * @param entries - the entries as given
 * @param registry - the registry the service is added to or changed in
 * @param consumer - the service and its project
 * @param field - the input field, for the messages
 * @param alsoListed - entries of the other list, which these may not repeat
 */
export function checkDependencies(
  entries: readonly string[],
  registry: LoadedRegistry,
  consumer: DependencyConsumer,
  field: string,
  alsoListed: readonly string[] = [],
): string[] {
  const self = consumer.id;
  const seen = new Set(alsoListed.map(e => parseDependencyString(e).service));
  return entries.map(raw => {
    const entry = raw.trim().replace(ENTITY_REF, '$1');
    const { service, range } = parseDependencyString(entry);
    if (!SERVICE_ID_PATTERN.test(service)) {
      throw new InputError(
        `${field}: ${JSON.stringify(
          raw,
        )} is not a service id (1 to 63 lowercase letters, digits or "-"), "id@<semver range>" or "component:default/<id>".`,
      );
    }
    if (range !== undefined && (range === '' || !semver.validRange(range))) {
      throw new InputError(
        `${field}: ${JSON.stringify(range)} in ${JSON.stringify(
          raw,
        )} is not a semver range; write e.g. "${service}@^1.2".`,
      );
    }
    if (service === self) {
      throw new InputError(`${field}: ${service} cannot depend on itself.`);
    }
    if (seen.has(service)) {
      throw new InputError(
        `${field}: ${service} is listed more than once; list each dependency once, in requires or optional.`,
      );
    }
    seen.add(service);
    const provider = getServiceForProject(registry, consumer.project, service);
    const unread = provider ? undefined : unreadFilesNote(registry, service);
    if (unread) {
      throw new InputError(
        `${field}: the registry files that load declare no service "${service}", and ${unread}`,
      );
    }
    if (!provider) {
      throw new InputError(
        `${field}: the registry declares no service "${service}". Add that service first, or fix the id.`,
      );
    }
    if (provider.status === 'retired') {
      const retired = `${field}: ${service} is retired${overrideNote(
        registry,
        provider,
      )} and may not be depended on`;
      const via = consumer.inheritingOverride;
      if (via) {
        const { file, line, column } = via.source;
        throw new InputError(
          `${retired}: project ${
            consumer.project
          }'s override of ${self} (${file}:${line}:${column}) inherits its ${
            via.list
          }${instead(registry, provider, consumer)}, or write ${
            via.list
          } in that override.`,
        );
      }
      throw new InputError(
        `${retired}${instead(registry, provider, consumer)}.`,
      );
    }
    return range === undefined ? service : `${service}@${range}`;
  });
}
