import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';
import { BreakingChange } from './types';

const TODAY = '2026-01-20';

/**
 * `c` is a global consumer of the global provider `s`; project `p` overrides `c` (its view keeps
 * the dependency on `s`) and may override `s`; `p-web` (project `p`) and `g` (global) require `c`.
 */
function registry(options: { s?: string[]; pc?: string[]; ps?: string[] }) {
  return registryOf({
    'services/catalog.toml': [
      '[service.s]',
      'owner = "@s-team"',
      ...(options.s ?? ['version = "1.0.0"', 'port = 80']),
      '[service.c]',
      'owner = "@c-team"',
      'version = "1.0.0"',
      'dependencies.requires = ["s@^1"]',
      '[service.g]',
      'owner = "@g-team"',
      'dependencies.requires = ["c"]',
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]',
      'owner = "@p-team"',
      '[service.c]',
      ...(options.pc ?? ['tier = "high"']),
      ...(options.ps ? ['[service.s]', ...options.ps] : []),
      '[service.p-web]',
      'owner = "@p-web-team"',
      'dependencies.requires = ["c"]',
    ].join('\n'),
  });
}

const summary = (change: BreakingChange) => ({
  kind: change.kind,
  project: change.project,
  impact: change.impact.services.map(s => [s.id, s.depth, s.project]),
  affectedProjects: change.affectedProjects,
});

describe("diff: consumers as a project's override sees them", () => {
  it("counts a consumer the project overrides among the consumers of a change to the project's view of its provider", () => {
    const diff = diffRegistries(
      registry({ ps: ['port = 81'] }),
      registry({ ps: ['port = 82'] }),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        kind: 'port-changed',
        project: 'p',
        // p's view of c calls p's s; the global c (and g, which uses it) still call port 80
        impact: [
          ['c', 1, 'p'],
          ['p-web', 2, 'p'],
        ],
        affectedProjects: ['p'],
      },
    ]);
    expect(diff.breakingChanges[0].approvers).toEqual([
      '@c-team',
      '@p-team',
      '@p-web-team',
    ]);
    expect(diff.impactByService).toMatchObject([
      { service: 's', affectedServices: 2, directConsumers: 1 },
    ]);
  });

  it("counts it for a new major version of the project's view that its range refuses", () => {
    const diff = diffRegistries(
      registry({ ps: ['version = "1.0.0"'] }),
      registry({ ps: ['version = "2.0.0"'] }),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        kind: 'major-version-bump',
        project: 'p',
        impact: [
          ['c', 1, 'p'],
          ['p-web', 2, 'p'],
        ],
        affectedProjects: ['p'],
      },
    ]);
  });

  it("names it among the consumers a raised minimum or a retirement of the project's view breaks", () => {
    const raised = diffRegistries(
      registry({ ps: ['compat_version_min = "1.0.0"'] }),
      registry({ ps: ['compat_version_min = "2.0.0"'] }),
      { today: TODAY },
    );
    expect(raised.breakingChanges).toMatchObject([
      { kind: 'compat-min-raised', project: 'p', related: ['c'] },
    ]);
    expect(raised.breakingChanges[0].message).toContain(
      '"c" (^1 in project "p")',
    );

    const retired = diffRegistries(
      registry({ ps: ['status = "deprecated"'] }),
      registry({ ps: ['status = "retired"'] }),
      { today: TODAY },
    );
    expect(retired.breakingChanges).toMatchObject([
      { kind: 'service-retired', project: 'p', related: ['c'] },
    ]);
    expect(retired.breakingChanges[0].message).toContain(
      '1 service still requires it ("c")',
    );
  });

  it("does not count the project's view of a consumer whose override no longer requires the provider", () => {
    const diff = diffRegistries(
      registry({ ps: ['port = 81'] }),
      registry({
        ps: ['port = 82'],
        pc: ['dependencies.requires = []'],
      }),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        // p's view of c no longer brings s along: p-web, which uses that view, is told
        kind: 'dependency-removed',
        project: 'p',
        impact: [['p-web', 1, 'p']],
        affectedProjects: ['p'],
      },
      {
        kind: 'port-changed',
        project: 'p',
        impact: [],
        affectedProjects: [],
      },
    ]);
  });

  it("leaves out of a global change the project's view of a consumer when the project's view of the provider keeps the old value", () => {
    const diff = diffRegistries(
      registry({ ps: ['port = 80'] }),
      registry({ ps: ['port = 80'], s: ['version = "1.0.0"', 'port = 90'] }),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        kind: 'port-changed',
        project: undefined,
        // the global c calls the global s; p's view of c (and p-web, which uses it) calls p's s
        impact: [
          ['c', 1, null],
          ['g', 2, null],
        ],
        affectedProjects: [],
      },
    ]);
    // p's view of c is not affected, so the global c stands for no project
    expect(
      diff.breakingChanges[0].impact.services.map(s => s.overriddenIn),
    ).toEqual([undefined, undefined]);
  });

  it("counts the project's view of a consumer in a global change its view of the provider inherits", () => {
    const diff = diffRegistries(
      registry({ ps: ['owner = "@p-s-team"'] }),
      registry({
        ps: ['owner = "@p-s-team"'],
        s: ['version = "1.0.0"', 'port = 90'],
      }),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        kind: 'port-changed',
        project: undefined,
        impact: [
          ['c', 1, null],
          ['g', 2, null],
          ['p-web', 2, 'p'],
        ],
        affectedProjects: ['p'],
      },
    ]);
    // the global c stands for p's view of it, and names p (whose override may say where to tell)
    expect(
      diff.breakingChanges[0].impact.services.map(s => [s.id, s.overriddenIn]),
    ).toEqual([
      ['c', ['p']],
      ['g', undefined],
      ['p-web', undefined],
    ]);
  });

  it('reads the ranges of a consumer the project overrides as the project writes them', () => {
    // p's view of c asks for s@^2; the global c for s@^1
    const pc = ['dependencies.requires = ["s@^2"]'];
    const raised = diffRegistries(
      registry({
        pc,
        s: ['version = "2.0.0"', 'compat_version_min = "1.0.0"'],
      }),
      registry({
        pc,
        s: ['version = "2.0.0"', 'compat_version_min = "2.0.0"'],
      }),
      { today: TODAY },
    );
    expect(
      raised.breakingChanges.map(c => [c.kind, c.project, c.related]),
    ).toEqual([['compat-min-raised', undefined, ['c']]]);
    expect(raised.breakingChanges[0].message).toContain('past what "c" (^1)');
    expect(raised.breakingChanges[0].message).not.toContain('^2');

    const ported = diffRegistries(
      registry({ pc }),
      registry({ pc, s: ['version = "1.0.0"', 'port = 90'] }),
      { today: TODAY },
    );
    expect(ported.breakingChanges.map(summary)).toEqual([
      {
        kind: 'port-changed',
        project: undefined,
        impact: [
          ['c', 1, null],
          ['g', 2, null],
          ['p-web', 2, 'p'],
        ],
        affectedProjects: ['p'],
      },
    ]);
    // the global c stands for p's view of it, and names p (whose override may say where to tell)
    expect(
      ported.breakingChanges[0].impact.services.map(s => [
        s.id,
        s.overriddenIn,
      ]),
    ).toEqual([
      ['c', ['p']],
      ['g', undefined],
      ['p-web', undefined],
    ]);
  });

  it("folds a project's view met first into the global declaration met as near, and names the project", () => {
    // x requires d globally; p's override of x requires c instead: both views are two hops from s
    const files = (port: number) =>
      registryOf({
        'services/catalog.toml': [
          '[service.s]',
          'owner = "@s-team"',
          `port = ${port}`,
          '[service.c]',
          'owner = "@c-team"',
          'dependencies.requires = ["s"]',
          '[service.d]',
          'owner = "@d-team"',
          'dependencies.requires = ["s"]',
          '[service.x]',
          'owner = "@x-team"',
          'dependencies.requires = ["d"]',
        ].join('\n'),
        'projects/p/services.toml': [
          '[project]',
          'owner = "@p-team"',
          '[service.x]',
          'dependencies.requires = ["c"]',
        ].join('\n'),
      });
    const diff = diffRegistries(files(80), files(90), { today: TODAY });
    expect(
      diff.breakingChanges[0].impact.services.map(s => [
        s.id,
        s.depth,
        s.project,
        s.overriddenIn,
      ]),
    ).toEqual([
      ['c', 1, null, undefined],
      ['d', 1, null, undefined],
      ['x', 2, null, ['p']],
    ]);
  });

  it("follows a project's own service to the global services that require it", () => {
    const files = (port: number) =>
      registryOf({
        'services/catalog.toml': [
          '[service.s]',
          `port = ${port}`,
          '[service.g]',
          'dependencies.requires = ["p-api"]',
        ].join('\n'),
        'projects/p/services.toml': [
          '[project]',
          '[service.p-api]',
          'dependencies.requires = ["s"]',
        ].join('\n'),
      });
    const diff = diffRegistries(files(80), files(90), { today: TODAY });
    expect(diff.breakingChanges.map(summary)).toEqual([
      {
        kind: 'port-changed',
        project: undefined,
        impact: [
          ['p-api', 1, 'p'],
          ['g', 2, null],
        ],
        affectedProjects: ['p'],
      },
    ]);
  });

  it('leaves out a project whose override of a consumer drops the dependency in the same change', () => {
    const diff = diffRegistries(
      registry({}),
      registry({
        pc: ['dependencies.requires = []'],
        s: ['version = "1.0.0"', 'port = 90'],
      }),
      { today: TODAY },
    );
    expect(
      diff.breakingChanges.filter(c => c.kind === 'port-changed').map(summary),
    ).toEqual([
      {
        kind: 'port-changed',
        project: undefined,
        impact: [
          ['c', 1, null],
          ['g', 2, null],
        ],
        affectedProjects: [],
      },
    ]);
  });
});
