import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

/** `req` requires `s`; `opt` (project `p`) uses it optionally; `p` may override `s` and `c`. */
function registry(options: {
  s?: string[];
  global?: string[];
  p?: string[];
  opt?: string;
}) {
  return registryOf({
    'services/catalog.toml': [
      '[service.s]',
      'owner = "@s-team"',
      ...(options.s ?? ['version = "1.0.0"', 'port = 80']),
      '[service.req]',
      'owner = "@req-team"',
      'dependencies.requires = ["s"]',
      '[service.c]',
      'owner = "@c-team"',
      'dependencies.optional = ["s"]',
      ...(options.global ?? []),
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]',
      'owner = "@p-team"',
      '[service.opt]',
      'owner = "@opt-team"',
      options.opt ?? 'dependencies.optional = ["s@^1"]',
      ...(options.p ?? []),
    ].join('\n'),
  });
}

describe('diff: optional consumers of a breaking change', () => {
  it('lists the consumers that use the changed service optionally apart from those that require it', () => {
    const diff = diffRegistries(
      registry({}),
      registry({ s: ['version = "1.0.0"', 'port = 90'] }),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toHaveLength(1);
    const [change] = diff.breakingChanges;
    expect(change.kind).toBe('port-changed');
    expect(change.optionalConsumers).toEqual([
      { id: 'c', project: null, owner: '@c-team' },
      { id: 'opt', project: 'p', owner: '@opt-team' },
    ]);
    // the required consumers alone drive the impact, the affected projects and the approvers
    expect(change.impact.services.map(s => s.id)).toEqual(['req']);
    expect(change.affectedProjects).toEqual([]);
    expect(change.approvers).toEqual(['@req-team']);
  });

  it("lists a project's override of a global consumer that keeps an optional dependency, in that project", () => {
    // p overrides s and c: only p's view of c sees the change of p's view of s
    const p = ['[service.s]', 'port = 81', '[service.c]', 'tier = "high"'];
    const diff = diffRegistries(
      registry({ p }),
      registry({ p: p.map(l => (l === 'port = 81' ? 'port = 82' : l)) }),
      { today: TODAY },
    );
    expect(
      diff.breakingChanges.map(c => [c.kind, c.project, c.optionalConsumers]),
    ).toEqual([
      [
        'port-changed',
        'p',
        [
          { id: 'c', project: 'p', owner: '@c-team' },
          { id: 'opt', project: 'p', owner: '@opt-team' },
        ],
      ],
    ]);
  });

  it('lists, for a raised minimum, the optional consumers whose range it leaves out, named as optional', () => {
    const diff = diffRegistries(
      registry({ s: ['version = "2.0.0"', 'compat_version_min = "1.0.0"'] }),
      registry({
        s: ['version = "2.0.0"', 'compat_version_min = "2.0.0"'],
        global: ['[service.late]', 'dependencies.optional = ["s@>=1"]'],
      }),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toHaveLength(1);
    const [change] = diff.breakingChanges;
    expect(change).toMatchObject({
      kind: 'compat-min-raised',
      related: [],
      optionalConsumers: [{ id: 'opt', project: 'p', owner: '@opt-team' }],
    });
    expect(change.message).toContain('past what "opt" (^1, optional) asks');
  });

  it('lists the optional consumers of a removed service beside the consumers that still require it', () => {
    const removed = diffRegistries(
      registry({}),
      registryOf({
        'services/catalog.toml': [
          '[service.req]',
          'dependencies.requires = ["s"]',
          '[service.c]',
          'dependencies.optional = ["s"]',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    expect(
      removed.breakingChanges.map(c => [
        c.kind,
        c.related,
        c.optionalConsumers.map(o => o.id),
      ]),
    ).toEqual([['service-removed', ['req'], ['c']]]);

    // consumers that only use a service optionally do not make its removal a breaking change
    const optionalOnly = diffRegistries(
      registry({}),
      registryOf({
        'services/catalog.toml': [
          '[service.c]',
          'dependencies.optional = ["s"]',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    expect(optionalOnly.breakingChanges).toEqual([]);
  });

  it('leaves out a consumer that drops the dependency in the same change, and counts one that moves it to optional as optional', () => {
    // req moves s to optional; c and opt drop it
    const head = registryOf({
      'services/catalog.toml': [
        '[service.s]',
        'owner = "@s-team"',
        'version = "1.0.0"',
        'port = 90',
        '[service.req]',
        'owner = "@req-team"',
        'dependencies.optional = ["s"]',
        '[service.c]',
        'owner = "@c-team"',
      ].join('\n'),
      'projects/p/services.toml': '[project]\n[service.opt]',
    });
    const diff = diffRegistries(registry({}), head, { today: TODAY });
    expect(diff.breakingChanges).toHaveLength(1);
    expect(diff.breakingChanges[0].impact.services).toEqual([]);
    expect(diff.breakingChanges[0].optionalConsumers).toEqual([
      { id: 'req', project: null, owner: '@req-team' },
    ]);
  });

  it('lists on an unhonoured notice the optional consumers of the changes it concerns', () => {
    const s = (port: number) => [
      'version = "1.0.0"',
      `port = ${port}`,
      'governance.break_changes_notice = 30',
    ];
    const diff = diffRegistries(
      registry({ s: s(80) }),
      registry({ s: s(90) }),
      { today: TODAY },
    );
    expect(
      diff.breakingChanges.map(c => [
        c.kind,
        c.optionalConsumers.map(o => o.id),
      ]),
    ).toEqual([
      ['port-changed', ['c', 'opt']],
      ['notice-not-honoured', ['c', 'opt']],
    ]);
  });
});

describe('diff: retired optional consumers', () => {
  it('does not list a retired service among the optional consumers', () => {
    const retired = ['[service.old]', 'status = "retired"'];
    const diff = diffRegistries(
      registry({ global: [...retired, 'dependencies.optional = ["s"]'] }),
      registry({
        s: ['version = "1.0.0"', 'port = 90'],
        global: [...retired, 'dependencies.optional = ["s"]'],
        opt: 'status = "retired"\ndependencies.optional = ["s@^1"]',
      }),
      { today: TODAY },
    );
    const [change] = diff.breakingChanges;
    expect(change.kind).toBe('port-changed');
    expect(change.optionalConsumers).toEqual([
      { id: 'c', project: null, owner: '@c-team' },
    ]);
  });
});
