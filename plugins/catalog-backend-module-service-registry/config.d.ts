import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** One service registry to ingest. */
interface ServiceRegistryProviderConfig {
  /**
   * Where the registry lives: a directory path (relative to the backend's working directory, or
   * absolute; also written `file:<path>`, or as a `file://` URL of this host) or a URL of a folder
   * in a repository that the configured integrations can read, e.g.
   * `https://github.com/acme/service-registry/tree/main`. A URL carries no user name or password
   * (the integration's token reads it; the target shows on every entity and in the logs).
   */
  target: string;
  /**
   * When the registry is read. Defaults to every 5 minutes with a 3 minute timeout, the first run
   * 3 seconds after the start; a schedule given replaces that default as a whole (it needs a
   * `frequency` and a `timeout`; without an `initialDelay` the first run is not delayed). The
   * timeout is also the run's time limit: a read, or the entity transformers, still running then
   * block the run. A read whose source did not change (same ETag or same content) applies no
   * mutation. `scope: 'local'` is refused: one instance runs each interval's ingestion.
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * Name of the System that holds the global services of `services/catalog.toml`: a catalog
   * entity name (letters and digits joined by `-`, `_` or `.`, at most 63 characters).
   * Defaults to `shared`.
   */
  sharedSystem?: string;
  /**
   * Owner used for services and projects that declare none: a team name (`platform-team`) or an
   * entity ref (`group:default/platform-team`, `user:default/jane`). Defaults to `unknown`. It
   * also owns the provider's status Resource, so its Group is emitted like any owner's (see
   * `ownerGroups`) even when every service and project names its own owner.
   */
  defaultOwner?: string;
  /**
   * Emit a Group entity for each owner that no other source defines. Defaults to true.
   */
  ownerGroups?: boolean;
  /**
   * Registry files larger than this many bytes are not read: each is a `toml/file-too-large` error
   * at the file and keeps its last good version. Defaults to 16777216 (16 MiB); 10,000 services
   * take about 3.5 MB. At most 268435456 (256 MiB, the largest file a reader holds as text).
   */
  maxFileBytes?: number;
  /** The last-good guard: when a refresh is refused rather than applied. */
  guard?: {
    /**
     * Refuse a refresh that would remove more than this share (0 to 1) of the entities this
     * provider ingested before, or of the Components of its services. Defaults to 0.5.
     */
    maxRemovalShare?: number;
    /**
     * Refuse a refresh that would leave no service where there were some (the Systems of the
     * project folders and the owner Groups do not count). Defaults to true.
     */
    rejectEmpty?: boolean;
  };
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * TOML service registries ingested by
       * `@service-registry/plugin-catalog-backend-module-service-registry`.
       * Either one registry (it gets the id `default`) or several keyed by id: letters and
       * digits, starting with a letter, in parts joined by single `-` or `_`, at most 46
       * characters, no two differing only in case.
       */
      serviceRegistry?:
        | ServiceRegistryProviderConfig
        | { [id: string]: ServiceRegistryProviderConfig };
    };
  };
}
