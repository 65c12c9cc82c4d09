import { registryOf } from '../validation/__testUtils__/registryOf';
import { renderChangeReportMarkdown } from '../report/markdown';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

/** `auth` (with the given extra lines) and `shop-api` in project `shop`, which requires it. */
function registry(auth: string[], shop: string[] = []) {
  return registryOf({
    'services/catalog.toml': ['[service.auth]', ...auth].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      '[service.shop-api]',
      'dependencies.requires = ["auth"]',
      ...shop,
    ].join('\n'),
  });
}

const GUIDE = 'https://wiki.example.com/auth-v2';

describe('diffRegistries: the migration guide of a breaking change', () => {
  it('names the changed service’s migration.guide_url, and the report links it', () => {
    const guide = [`migration.guide_url = "${GUIDE}"`];
    const diff = diffRegistries(
      registry(['port = 80', ...guide]),
      registry(['port = 90', ...guide]),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(c => [c.kind, c.migrationGuide])).toEqual([
      ['port-changed', GUIDE],
    ]);
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain(`| [guide](${GUIDE}) |`);
    expect(report).not.toContain('No migration guide');
  });

  it('says which changed services name no migration guide', () => {
    const diff = diffRegistries(
      registry(['port = 80', 'version = "1.0.0"']),
      registry(['port = 90', 'version = "2.0.0"']),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(c => c.kind)).toEqual([
      'port-changed',
      'major-version-bump',
    ]);
    expect(
      diff.breakingChanges.every(c => c.migrationGuide === undefined),
    ).toBe(true);
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report.match(/\| ❌ none \|/g)).toHaveLength(2);
    // once per service
    expect(report).toContain(
      '⚠️ No migration guide (`migration.guide_url`) for `auth`: their consumers need one',
    );
  });

  it('takes the guide base declared for a removed service, and asks none for a dependency the consumer drops', () => {
    const removed = diffRegistries(
      registry([`migration.guide_url = "${GUIDE}"`]),
      registryOf({
        'projects/shop/services.toml': [
          '[project]',
          '[service.shop-api]',
          'dependencies.requires = ["auth"]',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    expect(
      removed.breakingChanges.map(c => [c.kind, c.migrationGuide]),
    ).toEqual([['service-removed', GUIDE]]);

    const dropped = diffRegistries(
      registry([]),
      registryOf({
        'services/catalog.toml': '[service.auth]',
        'projects/shop/services.toml': ['[project]', '[service.shop-api]'].join(
          '\n',
        ),
      }),
      { today: TODAY },
    );
    expect(dropped.breakingChanges.map(c => c.kind)).toEqual([
      'dependency-removed',
    ]);
    expect(dropped.breakingChanges[0]).not.toHaveProperty('migrationGuide');
    const report = renderChangeReportMarkdown({ findings: [], diff: dropped });
    expect(report).toMatch(/\| — \|\n/);
    expect(report).not.toContain('No migration guide');
  });

  it('reads a project’s view of an overridden service from its override', () => {
    const override = (port: number) => [
      '[service.auth]',
      `port = ${port}`,
      'migration.guide_url = "https://wiki.example.com/shop/auth"',
    ];
    const diff = diffRegistries(
      registry(['port = 80'], override(81)),
      registry(['port = 80'], override(91)),
      { today: TODAY },
    );
    expect(
      diff.breakingChanges.map(c => [
        c.kind,
        c.project,
        c.override,
        c.migrationGuide,
      ]),
    ).toEqual([
      ['port-changed', 'shop', true, 'https://wiki.example.com/shop/auth'],
    ]);
  });

  it('keeps a link whose address holds parentheses or a pipe inside its table cell', () => {
    const guide = 'https://wiki.example.com/Auth_(v2)|x';
    const diff = diffRegistries(
      registry(['port = 80', `migration.guide_url = "${guide}"`]),
      registry(['port = 90', `migration.guide_url = "${guide}"`]),
      { today: TODAY },
    );
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain(
      '| [guide](https://wiki.example.com/Auth_%28v2%29%7Cx) |',
    );
  });
});
