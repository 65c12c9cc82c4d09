/**
 * The global `shared-auth` service (owner platform-team, version 1.0.0) on `port`, as the
 * registry's `services/catalog.toml` declares it: a port change is a breaking change.
 *
 * @public
 */
export function sharedAuthToml(port: number): string {
  return `
[service.shared-auth]
owner = "platform-team"
version = "1.0.0"
port = ${port}
`;
}

/**
 * `projects/project-a/services.toml`: project-a (owner team-a) with `pa-api`, which requires
 * `shared-auth`; `extra` is appended (more services).
 *
 * @public
 */
export function projectAToml(extra = ''): string {
  return `
[project]
owner = "team-a"

[service.pa-api]
version = "1.0.0"
[service.pa-api.dependencies]
requires = ["shared-auth"]
${extra}`;
}
