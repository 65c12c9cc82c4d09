/** Where one registry's pending changes are read from. */
interface PendingChangesConfig {
  /**
   * The registry repository: an `https://` URL of a GitHub or GitLab repository
   * (`https://github.com/acme/registry`; credentials from `integrations`), or a local git
   * repository's path, relative to the backend's working directory.
   */
  repository: string;
  /** The registry's folder in the repository. Default: its root. */
  path?: string;
  /** Branches whose name starts with it are pending changes. Default: `service-registry/`. */
  branchPrefix?: string;
  /** How long an answer is reused before the repository is read again, in seconds. Default: 60. */
  cacheSeconds?: number;
  /** The most pending changes listed, newest first; older branches are not compared. Default: 50. */
  maxBranches?: number;
}

export interface Config {
  /** The service-registry backend plugin. */
  serviceRegistry?: {
    /**
     * Pending changes (`GET /pending-changes`, the portal's Pending changes page): the branches of
     * the registry repository named with `branchPrefix` (the scaffolder's templates push theirs as
     * `service-registry/…`), each compared from where it leaves the default branch. Either one
     * section (`repository` directly under this key), for the registry the backend answers when a
     * request names none (its only registry, or `default` among several), or one section per
     * registry keyed by its id under `catalog.providers.serviceRegistry`.
     */
    pendingChanges?:
      | PendingChangesConfig
      | { [registry: string]: PendingChangesConfig };
  };
}
