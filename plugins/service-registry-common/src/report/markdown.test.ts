import { diffRegistries } from '../diff/diffRegistries';
import { registryOf } from '../validation/__testUtils__/registryOf';
import { describeChangeSubject, overrideProjectOf } from './changeSubject';
import { buildDependencyGraph } from '../graph/buildDependencyGraph';
import { computeImpact } from '../graph/computeImpact';
import { renderChangeReportMarkdown, renderImpactMarkdown } from './markdown';

const TODAY = '2026-01-20';

function registry(options: { version: string; paPort: number }) {
  return registryOf({
    'services/catalog.toml': [
      '[service.shared-auth]',
      'owner = "@platform"',
      `version = "${options.version}"`,
      'port = 80',
      '[service.billing]',
      'owner = "@billing"',
      'dependencies.requires = ["shared-auth"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      'owner = "@pa-team"',
      '[service.shared-auth]',
      `port = ${options.paPort}`,
      '[service.pa-api]',
      'owner = "@pa-api-team"',
      'dependencies.requires = ["shared-auth"]',
    ].join('\n'),
    'projects/pb/services.toml': [
      '[project]',
      '[service.pb-api]',
      'dependencies.requires = ["shared-auth"]',
    ].join('\n'),
  });
}

describe('renderChangeReportMarkdown', () => {
  // the global declaration gets a minor version; project pa's override moves its port
  const diff = diffRegistries(
    registry({ version: '1.2.0', paPort: 81 }),
    registry({ version: '1.3.0', paPort: 82 }),
    { today: TODAY },
  );
  const report = renderChangeReportMarkdown({ findings: [], diff });

  it("says which project's override a changed service is", () => {
    expect(report).toContain('- Changed `shared-auth`: `version`\n');
    expect(report).toContain(
      '- Changed `shared-auth` in project `pa` (override): `port`\n',
    );
  });

  it("says which project's override a breaking change is to, and who it affects", () => {
    expect(report).toContain('⚠️ 1 breaking change.');
    expect(report).toContain(
      '| `shared-auth` in project `pa` (override) | In project "pa": Service "shared-auth" moves from port 81 to port 82',
    );
    expect(report).toContain('| 1 (1 direct) | `pa` |');
    expect(report).toContain('- `pa`: `pa-api`');
    expect(report).not.toContain('`pb-api`');
    expect(report).not.toContain('`billing`');
  });

  it('leaves global and project services as they were', () => {
    const base = registry({ version: '1.2.0', paPort: 81 });
    const head = registryOf({
      'services/catalog.toml': [
        '[service.shared-auth]',
        'owner = "@platform"',
        'version = "1.2.0"',
        'port = 90',
        '[service.billing]',
        'owner = "@billing"',
        'dependencies.requires = ["shared-auth"]',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        'owner = "@pa-team"',
        '[service.shared-auth]',
        'port = 81',
        '[service.pa-api]',
        'owner = "@pa-api-team"',
        'version = "2.0.0"',
        'dependencies.requires = ["shared-auth"]',
      ].join('\n'),
      'projects/pb/services.toml': [
        '[project]',
        '[service.pb-api]',
        'dependencies.requires = ["shared-auth"]',
      ].join('\n'),
    });
    const global = diffRegistries(base, head, { today: TODAY });
    const text = renderChangeReportMarkdown({ findings: [], diff: global });
    expect(text).toContain('- Changed `shared-auth`: `port`\n');
    // a project's own service is not an override
    expect(text).toContain('- Changed `pa-api`: `version`\n');
    expect(text).toContain('| `shared-auth` | Service "shared-auth" moves');
    expect(text).not.toContain('(override)');
  });
});

describe('renderChangeReportMarkdown and optional consumers', () => {
  const files = (port: number) => ({
    'services/catalog.toml': [
      '[service.shared-auth]',
      `port = ${port}`,
      '[service.billing]',
      'dependencies.requires = ["shared-auth"]',
      '[service.audit]',
      'dependencies.optional = ["shared-auth"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      '[service.pa-web]',
      'dependencies.optional = ["shared-auth"]',
    ].join('\n'),
  });

  it('lists the consumers that use a changed service optionally apart, as degraded rather than broken', () => {
    const diff = diffRegistries(registryOf(files(80)), registryOf(files(90)), {
      today: TODAY,
    });
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain(
      '| service | change | affected services | affected projects | optional consumers (degrade, not break) | approvers | migration guide |',
    );
    expect(report).toContain(
      '| 1 (1 direct) | — | `audit`, `pa-web` (`pa`) | — |',
    );
    // the required consumers alone are impacted; the optional ones are listed apart
    expect(report).toContain(
      '#### Impacted projects\n\n- Global services: `billing`\n\n',
    );
    expect(report).toContain(
      '#### Optional consumers (degrade, not break)\n\nThey use a changed service through `dependencies.optional`: the change degrades them rather than breaks them.\n\n- Global services: `audit`\n- `pa`: `pa-web`\n',
    );
  });

  it('names at most maxListedServices services a project, and counts the others', () => {
    const many = (port: number) => ({
      'services/catalog.toml': [
        '[service.shared-auth]',
        `port = ${port}`,
        ...['a', 'b', 'c'].flatMap(id => [
          `[service.${id}]`,
          'dependencies.requires = ["shared-auth"]',
        ]),
        '[service.audit]',
        'dependencies.optional = ["shared-auth"]',
      ].join('\n'),
    });
    const diff = diffRegistries(registryOf(many(80)), registryOf(many(90)), {
      today: TODAY,
    });
    const two = renderChangeReportMarkdown(
      { findings: [], diff },
      { maxListedServices: 2 },
    );
    expect(two).toContain(
      '#### Impacted projects\n\n- Global services: `a`, `b` and 1 more\n',
    );
    expect(two).toContain('\n- Global services: `audit`\n');
    const none = renderChangeReportMarkdown(
      { findings: [], diff },
      { maxListedServices: 0 },
    );
    expect(none).toContain(
      '#### Impacted projects\n\n- Global services: 3 services\n',
    );
    expect(none).toContain('\n- Global services: 1 service\n');
  });

  it('has no optional consumers section when no change has any', () => {
    const diff = diffRegistries(
      registry({ version: '1.2.0', paPort: 81 }),
      registry({ version: '1.3.0', paPort: 82 }),
      { today: TODAY },
    );
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain('| 1 (1 direct) | `pa` | — |');
    expect(report).not.toContain('#### Optional consumers');
  });
});

describe('renderChangeReportMarkdown table cells', () => {
  it('keeps a pipe in a file name or id inside its cell', () => {
    const empty = registryOf({});
    const report = renderChangeReportMarkdown({
      findings: [
        {
          severity: 'warning',
          code: 'registry/unknown-file',
          message: 'a | b',
          file: 'projects/a|b/notes.toml',
          line: 1,
          column: 1,
        },
      ],
      diff: diffRegistries(empty, empty),
    });
    const row = report.split('\n').find(l => l.includes('notes.toml'))!;
    // five cells: the pipes that are not escaped are the six borders
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(row).toContain('`projects/a\\|b/notes.toml:1:1`');
    expect(row).toContain('a \\| b');
  });
});

describe('renderChangeReportMarkdown and line breaks in values', () => {
  it('keeps a breaking change on its row when an approver holds a lone carriage return', () => {
    const files = (port: number) => ({
      'services/catalog.toml': [
        '[service.auth]',
        `port = ${port}`,
        'governance.approvers = ["@team\\rx|y"]',
        '[service.billing]',
        'dependencies.requires = ["auth"]',
      ].join('\n'),
    });
    const diff = diffRegistries(registryOf(files(80)), registryOf(files(90)), {
      today: TODAY,
    });
    expect(diff.breakingChanges[0].approvers).toEqual(['@team\rx|y']);
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).not.toContain('\r');
    const row = report.split('\n').find(l => l.startsWith('| `auth` |'))!;
    // seven cells: the pipes that are not escaped are the eight borders
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(8);
    expect(row).toContain('| @team x\\|y |');
    expect(report).toContain('- `@team x|y`: breaking change to `auth`');
  });
});

describe('overrideProjectOf and describeChangeSubject', () => {
  it('names the project of an override change, and nothing for other changes', () => {
    const diff = diffRegistries(
      registry({ version: '1.2.0', paPort: 81 }),
      registry({ version: '1.3.0', paPort: 82 }),
      { today: TODAY },
    );
    expect(diff.changed.map(c => overrideProjectOf(c))).toEqual([
      undefined,
      'pa',
    ]);
    expect(diff.breakingChanges.map(c => overrideProjectOf(c))).toEqual(['pa']);
    expect(diff.changed.map(c => describeChangeSubject(c))).toEqual([
      'shared-auth',
      'shared-auth in project pa (override)',
    ]);
  });
});

describe('renderChangeReportMarkdown and SLA impact', () => {
  const files = (availability: string) => ({
    'services/catalog.toml': [
      '[service.db]',
      `sla = { availability = "${availability}" }`,
      '[service.app]',
      'sla = { availability = "99.99%" }',
      'dependencies.requires = ["db"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      '[service.db]',
      'port = 5432',
      '[service.pa-api]',
      'sla = { availability = "99.95%" }',
      'dependencies.requires = ["db"]',
    ].join('\n'),
  });

  it('lists a weaker SLA with the consumers that now promise more, as a warning apart from breaking changes', () => {
    const diff = diffRegistries(
      registryOf(files('99.99%')),
      registryOf(files('99.9%')),
      { today: TODAY },
    );
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain('### Breaking changes\n\n✅ None.\n');
    // a caller's notes on what limits the comparison come before the breaking changes
    expect(
      renderChangeReportMarkdown(
        { findings: [], diff },
        { changeNotes: ['⚠️ first note', 'second note'] },
      ),
    ).toContain(
      '\n⚠️ first note\n\nsecond note\n\n### Breaking changes\n\n✅ None.\n',
    );
    expect(report).toContain(
      [
        '### SLA impact',
        '',
        '⚠️ 1 service gets a weaker SLA than consumers that require it promise (a warning, not a breaking change).',
        '',
        '| service | what got weaker | consumers promising more | affected projects |',
        '| --- | --- | --- | --- |',
        '| `db` | availability 99.99% → 99.9% | `app` (availability 99.99%), `pa-api` in `pa` (availability 99.95%) | `pa` |',
        '',
      ].join('\n'),
    );
  });

  it('has no SLA impact section when no SLA got weaker', () => {
    const diff = diffRegistries(
      registryOf(files('99.99%')),
      registryOf(files('99.999%')),
      { today: TODAY },
    );
    expect(renderChangeReportMarkdown({ findings: [], diff })).not.toContain(
      'SLA impact',
    );
  });
});

describe('renderChangeReportMarkdown and required approvals', () => {
  const files = (version: string, port: number, description: string) => ({
    'services/catalog.toml': [
      '[service.auth]',
      `version = "${version}"`,
      `port = ${port}`,
      `description = "${description}"`,
      '[service.billing]',
      'owner = "@billing"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      '[service.auth]',
      `metadata.replicas = ${port === 80 ? 2 : 3}`,
    ].join('\n'),
    'policies/governance.toml': [
      '[change_control]',
      'breaking_changes_require = ["@platform-team"]',
      'version_bumps_require = ["@maintainer"]',
      'config_changes_require = ["@ops-team"]',
    ].join('\n'),
  });

  it('lists each approver the change control policy and the breaking changes require, with why', () => {
    const diff = diffRegistries(
      registryOf(files('1.2.0', 80, 'Logs in.')),
      registryOf(files('2.0.0', 90, 'Signs in.')),
      { today: TODAY },
    );
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain(
      [
        '### Required approvals',
        '',
        '- `@platform-team`: breaking change to `auth` (`port-changed`, `major-version-bump`)',
        '- `@billing`: breaking change to `auth` (`port-changed`, `major-version-bump`)',
        '- `@maintainer`: version bump of `auth` (`1.2.0` → `2.0.0`)',
        '- `@ops-team`: configuration change to `auth` (`port`); configuration change to `auth` in project `pa` (override) (`metadata.replicas`)',
        '',
      ].join('\n'),
    );
  });

  it('has no required approvals section when nothing needs one', () => {
    const diff = diffRegistries(
      registryOf(files('1.2.0', 80, 'Logs in.')),
      registryOf(files('1.2.0', 80, 'Signs in.')),
      { today: TODAY },
    );
    expect(diff.changed).toHaveLength(1);
    expect(renderChangeReportMarkdown({ findings: [], diff })).not.toContain(
      'Required approvals',
    );
  });
});

describe('renderChangeReportMarkdown and files head could not read', () => {
  const files = (shop: string) => ({
    'services/catalog.toml': '[service.auth]\nport = 80',
    'projects/shop/services.toml': shop,
  });
  const shop = [
    '[project]',
    '[service.shop-api]',
    'port = 8090',
    'dependencies.requires = ["auth"]',
    '[service.shop-web]',
    'dependencies.requires = ["shop-api"]',
  ].join('\n');
  const head = registryOf(
    files(shop.replace('port = 8090', 'port = 8090 8091')),
  );
  const syntax = head.findings.find(f => f.code === 'toml/syntax')!;
  const report = renderChangeReportMarkdown({
    findings: head.findings,
    diff: diffRegistries(registryOf(files(shop)), head, { today: TODAY }),
  });

  it('says that a file does not parse in head and that its services were compared as in base, not removed', () => {
    expect(report).not.toContain('Removed');
    expect(report).toContain(
      [
        '### Changes',
        '',
        'No service changed.',
        '',
        `⚠️ In head, \`projects/shop/services.toml\` does not parse (line ${syntax.line}, column ${syntax.column}): its services \`shop-api\`, \`shop-web\` are compared as in base, whose version the catalog keeps until the file is fixed.`,
        '',
      ].join('\n'),
    );
    // the syntax error is still among the findings of head
    expect(report).toContain('`toml/syntax`');
  });

  it('says that what a file new in head declares is left out', () => {
    const base = registryOf(files(shop));
    const diff = diffRegistries(
      base,
      registryOf({
        ...files(shop),
        'projects/extra/services.toml': '[service.extra',
      }),
      { today: TODAY },
    );
    expect(renderChangeReportMarkdown({ findings: [], diff })).toMatch(
      /⚠️ In head, `projects\/extra\/services.toml` does not parse \(line 1, column \d+\): base has no version of it that was read, so what it declares is left out of the diff\./,
    );
  });
});

describe('renderImpactMarkdown', () => {
  const impact = () => {
    const loaded = registryOf({
      'services/catalog.toml': [
        '[service.auth]',
        ...['a', 'b', 'c'].flatMap(id => [
          `[service.${id}]`,
          'dependencies.requires = ["auth"]',
        ]),
        '[service.d]',
        'dependencies.requires = ["a"]',
      ].join('\n'),
    });
    return computeImpact(buildDependencyGraph(loaded), 'auth');
  };

  it('lists every dependent in a table a project, nearest first', () => {
    const text = renderImpactMarkdown(impact());
    expect(text).toContain(
      '4 services in 0 projects depend on it (3 directly, 1 transitively).',
    );
    expect(text).toContain(
      '| service | depth | via | owner |\n| --- | --- | --- | --- |\n| `a` | 1 | `auth` |  |\n| `b` | 1 | `auth` |  |\n| `c` | 1 | `auth` |  |\n| `d` | 2 | `a` |  |\n',
    );
  });

  it('lists at most maxListedServices a project and counts the others; with 0, only the count', () => {
    const two = renderImpactMarkdown(impact(), { maxListedServices: 2 });
    expect(two).toContain(
      '| `a` | 1 | `auth` |  |\n| `b` | 1 | `auth` |  |\n\n… and 2 more services among the global services.\n',
    );
    const none = renderImpactMarkdown(impact(), { maxListedServices: 0 });
    expect(none).toContain('### Global services\n\n4 services.\n');
    expect(none).not.toContain('| service |');
  });
});
