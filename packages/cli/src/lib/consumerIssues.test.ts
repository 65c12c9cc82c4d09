import {
  diffRegistries,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';
import { ReportedChanges } from './breakingChangesFile';
import { MAX_ISSUE_CHARACTERS, planConsumerIssues } from './consumerIssues';
import { githubRepositoryOf } from './githubRepository';

const GITHUB = {
  command: 'github-issues',
  repositoryOf: (address: string) =>
    githubRepositoryOf(address, 'https://github.com'),
};

/** A registry of `services/catalog.toml` and project files, by path. */
function registryOf(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

/** The breaking changes between two registries, as the JSON report of `diff` carries them. */
function reportOf(
  base: ReturnType<typeof registryOf>,
  head: ReturnType<typeof registryOf>,
): ReportedChanges {
  const diff = diffRegistries(base, head, { today: '2026-12-06' });
  // as written to the report file and read back
  return JSON.parse(
    JSON.stringify({
      base: 'main:registry',
      head: 'registry',
      breakingChanges: diff.breakingChanges,
    }),
  );
}

const AUTH = (port: number) => `
[service.shared-auth]
owner = "platform-team"
version = "1.0.0"
port = ${port}
`;

describe('planConsumerIssues', () => {
  it("tells a project's override of a global consumer in the repository the project's view declares", () => {
    // the global gateway does not use shared-auth; project b's view of it does
    const gateway = `
[service.gateway]
owner = "edge-team"
repository = "https://github.com/acme/gateway"
`;
    const project = `
[project]
owner = "team-b"

[service.gateway]
repository = "https://github.com/acme/b-gateway"
[service.gateway.dependencies]
requires = ["shared-auth"]
`;
    const files = (port: number) => ({
      'services/catalog.toml': AUTH(port) + gateway,
      'projects/b/services.toml': project,
    });
    const head = registryOf(files(9000));
    const plan = planConsumerIssues(
      reportOf(registryOf(files(8000)), head),
      head,
      GITHUB,
    );
    expect(
      plan.issues.map(i => [
        i.repository,
        i.consumers.map(c => `${c.id}@${c.project ?? 'global'}`),
      ]),
    ).toEqual([['acme/b-gateway', ['gateway@b']]]);
    expect(plan.untold).toEqual([]);
  });

  it("tells a project's override of an affected global consumer in its own repository too", () => {
    // the global gateway requires shared-auth; b's override names its own repository, c's does
    // not (it is told through the global one), d's names one on another host
    const gateway = `
[service.gateway]
owner = "edge-team"
repository = "https://github.com/acme/gateway"
[service.gateway.dependencies]
requires = ["shared-auth"]
`;
    const override = (project: string, fields: string) => `
[project]
owner = "team-${project}"

[service.gateway]
${fields}
`;
    const files = (port: number) => ({
      'services/catalog.toml': AUTH(port) + gateway,
      'projects/b/services.toml': override(
        'b',
        'repository = "https://github.com/ACME/b-gateway"\nowner = "b-edge"',
      ),
      'projects/c/services.toml': override('c', 'tier = "high"'),
      'projects/d/services.toml': override(
        'd',
        'repository = "https://gitlab.example.com/acme/d-gateway"',
      ),
    });
    const head = registryOf(files(9000));
    const report = reportOf(registryOf(files(8000)), head);
    // the report folds the projects' views into the global declaration
    expect(
      report.breakingChanges[0].impact.services.map(s => [
        s.id,
        s.project,
        s.overriddenIn,
      ]),
    ).toEqual([['gateway', null, ['b', 'c', 'd']]]);
    const plan = planConsumerIssues(report, head, GITHUB);
    expect(
      plan.issues.map(i => [
        i.repository,
        i.consumers.map(c => `${c.id}@${c.project ?? 'global'} ${c.owner}`),
      ]),
    ).toEqual([
      // by repository, without case
      ['ACME/b-gateway', ['gateway@b b-edge']],
      ['acme/gateway', ['gateway@global edge-team']],
    ]);
    expect(plan.issues[0].body).toContain('| `gateway` | `b` | requires it |');
    expect(plan.untold).toEqual([
      {
        id: 'gateway',
        project: 'd',
        owner: 'edge-team',
        optional: false,
        service: 'shared-auth',
        reason: 'not-on-host',
      },
    ]);
  });

  it("tells no one of a consumer's own dependency-removed", () => {
    const consumer = (requires: string) => `
[service.api]
owner = "team-a"
repository = "https://github.com/acme/api"
[service.api.dependencies]
requires = [${requires}]
`;
    const base = registryOf({
      'services/catalog.toml': AUTH(8000) + consumer('"shared-auth"'),
    });
    const head = registryOf({
      'services/catalog.toml': AUTH(8000) + consumer(''),
    });
    const report = reportOf(base, head);
    expect(report.breakingChanges.map(c => c.kind)).toEqual([
      'dependency-removed',
    ]);
    expect(planConsumerIssues(report, head, GITHUB)).toEqual({
      issues: [],
      untold: [],
    });
  });

  it("keeps an issue within GitHub's limit when a repository holds very many consumers", () => {
    const consumers = Array.from(
      { length: 2_000 },
      (_, i) => `
[service.consumer-with-a-rather-long-name-number-${String(i).padStart(5, '0')}]
owner = "a-team-with-an-equally-long-name-of-its-own-${i}"
repository = "https://github.com/acme/monorepo/tree/main/services/${i}"
[service.consumer-with-a-rather-long-name-number-${String(i).padStart(
        5,
        '0',
      )}.dependencies]
requires = ["shared-auth"]
`,
    );
    const files = (port: number) => ({
      'services/catalog.toml': AUTH(port) + consumers.join(''),
    });
    const head = registryOf(files(9000));
    const plan = planConsumerIssues(
      reportOf(registryOf(files(8000)), head),
      head,
      GITHUB,
    );
    expect(plan.issues).toHaveLength(1);
    const [issue] = plan.issues;
    expect(issue.consumers).toHaveLength(2_000);
    expect(issue.body.length).toBeLessThanOrEqual(MAX_ISSUE_CHARACTERS);
    expect(issue.body).toMatch(/… and 1[89]\d0 more services\./);
    expect(issue.body.trimEnd()).toMatch(
      /<!-- service-registry:breaking-change:shared-auth -->$/,
    );
  });
});
