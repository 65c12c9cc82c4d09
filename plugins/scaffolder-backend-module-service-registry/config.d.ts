export interface Config {
  scaffolder?: {
    /** Settings of the service-registry scaffolder actions. */
    serviceRegistry?: {
      /**
       * Where the registry lives when a template does not say: a hosted repository URL
       * (`https://github.com/<org>/<repo>/tree/<branch>[/<folder>]`,
       * `https://gitlab.com/<group>/<repo>/-/tree/<branch>`), read with the integration's
       * credentials (a URL with a user name or password is refused), or a local git repository (a
       * path or a `file://` URL) listed in `localRepositories`. Read by the backend only, by
       * `service-registry:registry:fetch`. No default: without it, templates must pass a URL.
       */
      registryUrl?: string;
      /**
       * Local git repositories (bare or not) that `service-registry:registry:fetch` may clone and
       * `service-registry:publish:branch` may push branches to. Paths are absolute or relative to
       * the backend's working directory. Default: none, so templates cannot reach the backend's
       * file system.
       */
      localRepositories?: string[];
    };
  };
}
