import { registryOf } from '../validation/__testUtils__/registryOf';
import { LEFT_OUT_TOO_DEEP, MAX_SERVED_DEPTH } from '../validation/servedDepth';
import { diffRegistries } from './diffRegistries';

const project = [
  '[project]',
  'owner = "@shop-team"',
  '[service.shop-api]',
  'owner = "@shop-api-team"',
  'dependencies.requires = ["auth@^1.2", "billing"]',
  '[service.shop-web]',
  'dependencies.requires = ["shop-api", "legacy", "gateway"]',
].join('\n');

const base = registryOf({
  'services/catalog.toml': [
    '[service.auth]',
    'owner = "@platform"',
    'version = "1.4.0"',
    'port = 8080',
    'compat_version_min = "1.0.0"',
    'status = "ga"',
    '[service.auth.governance]',
    'approvers = ["@platform-team"]',
    'break_changes_notice = 30',
    '[service.auth.metadata]',
    'db_password = "old-pass-1"',
    '[service.legacy]',
    '[service.billing]',
    'status = "deprecated"',
    '[service.gateway]',
    'owner = "@edge"',
    'dependencies.requires = ["auth@~1.2.0"]',
    '[service.unused]',
    'port = 7000',
  ].join('\n'),
  'projects/shop/services.toml': project,
  'policies/governance.toml':
    '[change_control]\nbreaking_changes_require = ["@platform-team", "@security-team"]',
});

const head = registryOf({
  'services/catalog.toml': [
    '[service.auth]',
    'owner = "@platform"',
    'version = "2.0.0"',
    'port = 9090',
    'compat_version_min = "1.3.0"',
    'status = "ga"',
    '[service.auth.governance]',
    'approvers = ["@platform-team"]',
    'break_changes_notice = 30',
    '[service.auth.metadata]',
    'db_password = "new-pass-2"',
    '[service.billing]',
    'status = "retired"',
    '[service.gateway]',
    'owner = "@edge"',
    'dependencies.requires = ["auth@~1.2.0"]',
    '[service.unused]',
    'port = 7001',
    '[service.search]',
  ].join('\n'),
  'projects/shop/services.toml': project.replace(', "gateway"]', ']'),
  'policies/governance.toml':
    '[change_control]\nbreaking_changes_require = ["@platform-team", "@security-team"]',
});

describe('diffRegistries', () => {
  const diff = diffRegistries(base, head, { today: '2026-01-20' });

  it('lists added, removed and changed services, field by field', () => {
    expect(diff.added).toEqual(['search']);
    expect(diff.removed).toEqual(['legacy']);
    expect(diff.changed.map(c => c.service)).toEqual([
      'auth',
      'billing',
      'shop-web',
      'unused',
    ]);
    expect(diff.changed[0].changes).toEqual([
      { path: 'compat_version_min', before: '1.0.0', after: '1.3.0' },
      { path: 'metadata.db_password', before: '(hidden)', after: '(hidden)' },
      { path: 'port', before: 8080, after: 9090 },
      { path: 'version', before: '1.4.0', after: '2.0.0' },
    ]);
    expect(diff.changed[2]).toEqual({
      service: 'shop-web',
      project: 'shop',
      changes: [
        {
          path: 'dependencies.requires',
          before: ['shop-api', 'legacy', 'gateway'],
          after: ['shop-api', 'legacy'],
        },
      ],
    });
    expect(JSON.stringify(diff)).not.toContain('pass-');
  });

  it('finds every kind of breaking change, with positions in head (base for removals)', () => {
    expect(
      diff.breakingChanges.map(c => [
        c.service,
        c.kind,
        c.position.file,
        c.position.line,
      ]),
    ).toEqual([
      ['auth', 'port-changed', 'services/catalog.toml', 4],
      ['auth', 'major-version-bump', 'services/catalog.toml', 3],
      ['auth', 'compat-min-raised', 'services/catalog.toml', 5],
      ['auth', 'notice-not-honoured', 'services/catalog.toml', 9],
      ['billing', 'service-retired', 'services/catalog.toml', 13],
      ['legacy', 'service-removed', 'services/catalog.toml', 12],
      ['shop-web', 'dependency-removed', 'projects/shop/services.toml', 7],
      ['unused', 'port-changed', 'services/catalog.toml', 18],
    ]);
    const byKind = Object.fromEntries(
      diff.breakingChanges.map(c => [`${c.service}/${c.kind}`, c]),
    );
    expect(byKind['auth/compat-min-raised'].related).toEqual(['gateway']);
    expect(byKind['auth/compat-min-raised'].message).toContain(
      '"gateway" (~1.2.0)',
    );
    expect(byKind['auth/notice-not-honoured'].message).toContain(
      'requires 30 days of notice',
    );
    // a change that keeps the service is not to be announced with a deprecation_date
    expect(byKind['auth/notice-not-honoured'].message).toContain(
      'the registry records no announcement of it',
    );
    expect(byKind['auth/notice-not-honoured'].message).toContain(
      'Tell its consumers 30 days before merging',
    );
    expect(byKind['legacy/service-removed'].related).toEqual(['shop-web']);
    expect(byKind['billing/service-retired'].related).toEqual(['shop-api']);
    expect(byKind['shop-web/dependency-removed'].related).toEqual(['gateway']);
  });

  it('computes the impact on the base graph and the approvers of each change', () => {
    const auth = diff.breakingChanges.find(c => c.service === 'auth')!;
    expect(auth.impact.services.map(s => [s.id, s.depth, s.project])).toEqual([
      ['gateway', 1, null],
      ['shop-api', 1, 'shop'],
      ['shop-web', 2, 'shop'],
    ]);
    expect(auth.affectedProjects).toEqual(['shop']);
    expect(auth.approvers).toEqual([
      '@platform-team',
      '@security-team',
      '@edge',
      '@shop-api-team',
      '@shop-team',
    ]);
    const legacy = diff.breakingChanges.find(c => c.service === 'legacy')!;
    expect(legacy.impact.services.map(s => s.id)).toEqual(['shop-web']);
    expect(legacy.approvers).toEqual([
      '@platform-team',
      '@security-team',
      '@shop-team',
    ]);
    const unused = diff.breakingChanges.find(c => c.service === 'unused')!;
    expect(unused.impact.counts.services).toBe(0);
  });

  it('sums up the impact by service', () => {
    expect(
      diff.impactByService.map(s => [
        s.service,
        s.kinds,
        s.affectedServices,
        s.directConsumers,
        s.affectedProjects,
      ]),
    ).toEqual([
      [
        'auth',
        [
          'port-changed',
          'major-version-bump',
          'compat-min-raised',
          'notice-not-honoured',
        ],
        3,
        2,
        ['shop'],
      ],
      ['billing', ['service-retired'], 2, 1, ['shop']],
      ['legacy', ['service-removed'], 1, 1, ['shop']],
      ['shop-web', ['dependency-removed'], 0, 0, []],
      ['unused', ['port-changed'], 0, 0, []],
    ]);
  });

  it('honours the notice period counted from deprecation_date to today', () => {
    const announced = (date: string) =>
      registryOf({
        'services/catalog.toml': [
          '[service.auth]',
          'version = "2.0.0"',
          `deprecation_date = "${date}"`,
          'governance.break_changes_notice = 30',
        ].join('\n'),
      });
    const before = registryOf({
      'services/catalog.toml':
        '[service.auth]\nversion = "1.0.0"\ngovernance.break_changes_notice = 30',
    });
    const kinds = (today: string) =>
      diffRegistries(before, announced('2026-01-01'), {
        today,
      }).breakingChanges.map(c => c.kind);
    expect(kinds('2026-01-20')).toEqual([
      'major-version-bump',
      'notice-not-honoured',
    ]);
    expect(kinds('2026-01-31')).toEqual(['major-version-bump']);
    const early = diffRegistries(before, announced('2026-01-01'), {
      today: '2026-01-20',
    });
    expect(early.breakingChanges[1].message).toContain(
      'only 19 days before today',
    );
    expect(early.breakingChanges[1].message).toContain('Wait until 2026-01-31');
  });

  it('advises a deprecation_date for the notice of a removal, not of a change that keeps the service', () => {
    const registry = (port: number, status = '') =>
      registryOf({
        'services/catalog.toml': `[service.auth]\nversion = "1.0.0"\nport = ${port}\n${status}governance.break_changes_notice = 30\n`,
        'projects/shop/services.toml':
          '[project]\n[service.shop-api]\n[service.shop-api.dependencies]\nrequires = ["auth"]\n',
      });
    const notice = (changed: ReturnType<typeof registry>) =>
      diffRegistries(registry(8000), changed, {
        today: '2026-01-20',
      }).breakingChanges.find(c => c.kind === 'notice-not-honoured')?.message;
    expect(notice(registry(8000, 'status = "retired"\n'))).toContain(
      'no deprecation_date announces it; breaking changes here: service-retired. Announce it with deprecation_date and wait 30 days before merging, or get the approvers to waive the notice.',
    );
    // a deprecation_date would make the service due for deprecation: not advised for a new port
    const moved = notice(registry(9000));
    expect(moved).toContain(
      'the registry records no announcement of it (a deprecation_date announces a deprecation, not this change); breaking changes here: port-changed. Tell its consumers 30 days before merging; the approvers confirm that they were told, or waive the notice.',
    );
    expect(moved).not.toContain('with deprecation_date');
  });

  it('treats a 0.x minor bump as major, and finds nothing between equal registries', () => {
    const v = (version: string) =>
      registryOf({
        'services/catalog.toml': `[service.a]\nversion = "${version}"`,
      });
    expect(
      diffRegistries(v('0.3.1'), v('0.4.0')).breakingChanges.map(c => c.kind),
    ).toEqual(['major-version-bump']);
    expect(diffRegistries(v('1.3.1'), v('1.4.0')).breakingChanges).toEqual([]);
    expect(diffRegistries(base, base)).toEqual({
      added: [],
      removed: [],
      changed: [],
      projectChanges: [],
      policyChanges: [],
      featureReleases: [],
      breakingChanges: [],
      impactByService: [],
      slaImpacts: [],
      requiredApprovals: [],
      unreadHeadFiles: [],
    });
  });
  it('treats going back to an earlier major version (a revert) as breaking its consumers', () => {
    const v = (version: string) =>
      registryOf({
        'services/catalog.toml': [
          '[service.a]',
          `version = "${version}"`,
          '[service.app]',
          'dependencies.requires = ["a@^2.1"]',
        ].join('\n'),
      });
    const [change, ...others] = diffRegistries(
      v('2.1.0'),
      v('1.4.0'),
    ).breakingChanges;
    expect(others).toEqual([]);
    expect([change.kind, change.service, change.related]).toEqual([
      'major-version-bump',
      'a',
      undefined,
    ]);
    expect(change.impact.services.map(s => s.id)).toEqual(['app']);
    expect(change.message).toBe(
      'Service "a" goes back from 2.1.0 to 1.4.0, an earlier major (incompatible) version: consumers that need 2.x break. Check that every consumer\'s range accepts 1.4.0, or release the fix as a new version instead.',
    );
    expect(
      diffRegistries(v('0.4.0'), v('0.3.9')).breakingChanges.map(c => c.kind),
    ).toEqual(['major-version-bump']);
    expect(diffRegistries(v('1.4.0'), v('1.3.0')).breakingChanges).toEqual([]);
  });

  it('does not blame a compat_version_min raise for a range no version satisfies', () => {
    const min = (value: string) =>
      registryOf({
        'services/catalog.toml': [
          '[service.a]',
          'version = "3.0.0"',
          `compat_version_min = "${value}"`,
          '[service.app]',
          'dependencies.requires = ["a@>=2.0.0 <1.0.0"]',
        ].join('\n'),
      });
    expect(diffRegistries(min('1.0.0'), min('2.0.0')).breakingChanges).toEqual(
      [],
    );
  });
  it('compares a service table 20,000 parts deep in both registries', () => {
    const deep = Array(20_000).fill('x').join('.');
    const before = registryOf({
      'services/catalog.toml': `[service.api.${deep}]\nk = 1\nsame = [{ a = 1 }]\n`,
    });
    const after = registryOf({
      'services/catalog.toml': `[service.api.${deep}]\nk = 2\nsame = [{ a = 1 }]\n`,
    });
    const result = diffRegistries(before, after, { today: '2026-01-20' });
    expect(result.changed).toEqual([
      {
        service: 'api',
        changes: [{ path: `${deep}.k`, before: 1, after: 2 }],
      },
    ]);
  });

  it('reports a table 5,000 levels deep added to a service with the levels past 100 left out, so that the diff encodes as JSON', () => {
    const before = registryOf({
      'services/catalog.toml': '[service.api]\nversion = "1.0.0"\n',
    });
    const after = registryOf({
      'services/catalog.toml': `[service.api]\nversion = "1.0.0"\nmetadata.deep.${Array(
        5_000,
      )
        .fill('a')
        .join('.')} = "v"\n`,
    });
    const result = diffRegistries(before, after, { today: '2026-01-20' });
    expect(() => JSON.stringify(result)).not.toThrow();
    const [change] = result.changed[0].changes;
    expect(change.path).toBe('metadata');
    // `metadata` is the copied value (0 levels down); `deep` 1; the object 100 levels down is left out
    let value = (change.after as { deep: unknown }).deep;
    for (let depth = 1; depth < MAX_SERVED_DEPTH; depth++) {
      value = (value as { a: unknown }).a;
    }
    expect(value).toBe(LEFT_OUT_TOO_DEEP);
  });
});
