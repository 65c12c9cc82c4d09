import { InputError } from '@backstage/errors';
import {
  LoadedRegistry,
  parseDependencyString,
  SERVICE_ID_PATTERN,
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
 * Checks dependency entries against the registry and returns them as the registry writes them
 * (`id` or `id@<range>`). An entry is a service id, `id@<semver range>`, or the catalog entity
 * reference of a registry service (`component:default/shared-auth`, as the template's entity
 * pickers give). Refused: invalid ids or ranges, the service itself, services the registry does
 * not declare (naming the registry files that do not parse, where they may be declared), retired
 * services, and entries listed twice.
 */
export function checkDependencies(
  entries: readonly string[],
  registry: LoadedRegistry,
  self: string,
  field: string,
  alsoListed: readonly string[] = [],
): string[] {
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
    const provider = registry.services.get(service);
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
      throw new InputError(
        `${field}: ${service} is retired and may not be depended on${
          provider.replacementService
            ? `; depend on its replacement ${provider.replacementService}`
            : ''
        }.`,
      );
    }
    return range === undefined ? service : `${service}@${range}`;
  });
}
