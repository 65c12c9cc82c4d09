export interface Config {
  scaffolder?: {
    /** Settings of the service-registry scaffolder actions. */
    serviceRegistry?: {
      /**
       * Where the registry lives when a template does not say: a hosted repository URL
       * (`https://github.com/<org>/<repo>/tree/<branch>`, `https://gitlab.com/<group>/<repo>/-/tree/<branch>`),
       * or a local git repository (a path or a `file://` URL) listed in `localRepositories`.
       * Read by `service-registry:registry:fetch`. No default: without it, templates must pass a URL.
       * @visibility frontend
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
