import { SourcePosition } from '../model/types';

/**
 * Options of {@link loadRegistry}.
 *
 * @public
 */
export interface LoadRegistryOptions {
  /**
   * Service id to the path of the file that declared it the last time the registry was loaded
   * (for instance, the declaration a catalog already holds). Two projects may not declare the
   * same id: without a preference the first declaration in path order is kept and the others are
   * reported as `service/duplicate-id`. With one, the declaration of the preferred file is kept
   * (when that file still declares the service as a table) and every other one is reported, so
   * that a project added later cannot take over a service that another project declared first.
   * Only duplicates are affected: an id declared once, or declared in `services/catalog.toml`
   * (which projects override), loads the same with or without a preference.
   */
  preferredDeclarations?: ReadonlyMap<string, string>;
  /**
   * The global services that a version of `services/catalog.toml` not given to the load declares
   * (its `[service.<id>]` headers, see `declaredServiceHeaders`), by id: a caller that loads the
   * last good version of the file in the place of one that does not parse, or has new errors,
   * passes what the new version declares. A project re-declaring one of them that the loaded
   * version does not declare overrides a global service that could not be read: the override is
   * not applied (`service/override-not-applied`) instead of declaring a service of the project's
   * own with the override's few fields.
   */
  unreadGlobals?: ReadonlyMap<string, SourcePosition>;
  /**
   * The project services that a version of a project's `services.toml` not given to the load
   * declares (its `[service.<id>]` headers, see `declaredServiceHeaders`), by id: a caller that
   * loads the last good version of the file in the place of one that does not parse passes what
   * the new version declares. As for a file of the load that does not parse, they are listed in
   * `LoadedRegistry.unreadServices` when the loaded files do not declare them: validation does not
   * report a dependency on them as missing, nor their releases or monitoring as of an unknown
   * service.
   */
  unreadProjectServices?: ReadonlyMap<string, SourcePosition>;
}
