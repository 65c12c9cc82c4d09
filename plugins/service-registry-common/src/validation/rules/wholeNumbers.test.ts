import { runRule, seedFiles, registryOf } from '../__testUtils__/registryOf';
import { validateRegistry } from '../validateRegistry';
import { wholeNumbers } from './wholeNumbers';

describe('wholeNumbers', () => {
  it('reports a port or a notice period written as a float, however the key is written', () => {
    const findings = runRule(wholeNumbers, {
      'services/catalog.toml': [
        '[service.a]', // 1
        'port = 8080.0',
        '[service.a.governance]',
        'break_changes_notice = 3e1',
        '',
        '[service]', // 6
        'b.port = 9.09e3',
        'c = { version = "1.0.0", port = 7070.5 }',
        '',
        'service.d.port = 8080',
        'service.e.port = 0x1F90',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        'name = "Shop"',
        '',
        '[service.a]',
        '  port   =   +8080.00',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.file, f.line, f.column, f.service, f.project ?? '']),
    ).toEqual([
      ['projects/shop/services.toml', 5, 3, 'a', 'shop'],
      ['services/catalog.toml', 2, 1, 'a', ''],
      ['services/catalog.toml', 4, 1, 'a', ''],
      ['services/catalog.toml', 7, 3, 'b', ''],
      ['services/catalog.toml', 8, 26, 'c', ''],
    ]);
    expect(findings.every(f => f.code === 'schema/invalid-type')).toBe(true);
    const port = findings.find(f => f.line === 2)!;
    expect(port.message).toBe(
      'Service "a": port must be an integer between 1 and 65535, without quotes (e.g. port = 8080), got 8080.0 (a float: write it without the decimal point).',
    );
    expect(findings.find(f => f.project === 'shop')!.message).toMatch(
      /^In project "shop": Service "a": port must be an integer/,
    );
    expect(findings.find(f => f.line === 4)!.message).toContain(
      'governance.break_changes_notice must be a whole number of days',
    );
  });

  it("names the project only for an override, as other findings do, not for a project's own service", () => {
    const findings = runRule(wholeNumbers, {
      'services/catalog.toml': '[service.auth]\nport = 9000\n',
      'projects/shop/services.toml': [
        '[project]',
        'name = "Shop"',
        '[service.cart]',
        'port = 8080.0',
        '[service.auth]',
        'port = 9001.0',
      ].join('\n'),
      'projects/shop/monitoring.toml': [
        '[service.cart.metrics]',
        'active_users_threshold = 1e3',
        '[service.auth.metrics]',
        'active_users_threshold = 2e3',
      ].join('\n'),
    });
    expect(findings.map(f => [f.file, f.line, f.project, f.message])).toEqual([
      [
        'projects/shop/monitoring.toml',
        2,
        'shop',
        'Service "cart": metrics.active_users_threshold must be a whole number of at least 0, without quotes, got 1e3 (a float: write it without the decimal point).',
      ],
      [
        'projects/shop/monitoring.toml',
        4,
        'shop',
        'In project "shop": Service "auth": metrics.active_users_threshold must be a whole number of at least 0, without quotes, got 2e3 (a float: write it without the decimal point).',
      ],
      [
        'projects/shop/services.toml',
        4,
        'shop',
        'Service "cart": port must be an integer between 1 and 65535, without quotes (e.g. port = 8080), got 8080.0 (a float: write it without the decimal point).',
      ],
      [
        'projects/shop/services.toml',
        6,
        'shop',
        'In project "shop": Service "auth": port must be an integer between 1 and 65535, without quotes (e.g. port = 8080), got 9001.0 (a float: write it without the decimal point).',
      ],
    ]);
  });

  it("reports the policies' migration window and a monitoring count written as floats", () => {
    const findings = runRule(wholeNumbers, {
      'policies/governance.toml': [
        '[change_control]',
        'breaking_changes_require = ["@arch"]',
        'migration_window_days = 180.0',
        'beta_change_notice_days = 14.0',
      ].join('\n'),
      'projects/shop/monitoring.toml': [
        '[service.cart.metrics]',
        'active_users_threshold = 1e3',
        'cpu_threshold = 80.0',
      ].join('\n'),
      // the same keys where they mean nothing: a service's own table, another policy table
      'services/catalog.toml': [
        '[service.a]',
        'metrics.active_users_threshold = 5.0',
        'change_control.migration_window_days = 1.0',
      ].join('\n'),
      'policies/sla.toml': '[sla.gold]\nmigration_window_days = 3.0\n',
    });
    expect(findings.map(f => [f.file, f.line, f.column, f.message])).toEqual([
      [
        'policies/governance.toml',
        3,
        1,
        'Policies: change_control.migration_window_days must be a whole number of days of at least 1, without quotes (e.g. migration_window_days = 180), got 180.0 (a float: write it without the decimal point).',
      ],
      [
        'policies/governance.toml',
        4,
        1,
        'Policies: change_control.beta_change_notice_days must be a whole number of days of at least 0, without quotes (e.g. beta_change_notice_days = 14), got 14.0 (a float: write it without the decimal point).',
      ],
      [
        'projects/shop/monitoring.toml',
        2,
        1,
        'In project "shop": Service "cart": metrics.active_users_threshold must be a whole number of at least 0, without quotes, got 1e3 (a float: write it without the decimal point).',
      ],
    ]);
    expect(findings.map(f => [f.service, f.project])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['cart', 'shop'],
    ]);
  });

  it('leaves alone the same text in strings, comments and other keys', () => {
    expect(
      runRule(wholeNumbers, {
        'services/catalog.toml': [
          '[service.a]',
          'description = "port = 8080.0"',
          '# port = 8080.0',
          'notes = """',
          'port = 1.5',
          '"""',
          'metadata.port = 8080.0',
          'sla.availability = 99.9',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('leaves alone a float in a comment or a string after a whole-number key', () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': [
          '[service.a]',
          'port = 8080 # was port = 8080.5 before',
          '[service]',
          'b = { port = 8081, description = "dev uses port = 8080.5" }',
          'c.port = 8082 # c.port = 1.5',
          'd = { port = 8083 } # d = { port = 8083.0 }',
          '[service.e.governance]',
          'break_changes_notice = 30 # break_changes_notice = 30.0',
          '[service.f]',
          '"governance.break_changes_notice" = 30.0',
        ].join('\n'),
      }),
      { today: '2026-01-15' },
    );
    expect(findings.filter(f => f.code === 'schema/invalid-type')).toEqual([]);
  });

  it('reports a float given to a quoted or spaced-out key, at the key', () => {
    const findings = runRule(wholeNumbers, {
      'services/catalog.toml': [
        '[service.a]', // 1
        '"port" = 8080.0',
        '[service.b.governance]',
        "'break_changes_notice' = 3e1",
        '[service]', // 5
        'c . "port"\t=  7.07e3',
        'd = { "port" = 9090.5 }',
      ].join('\n'),
      'policies/governance.toml':
        '[change_control]\n"migration_window_days" = 180.0\n',
    });
    expect(
      findings.map(f => [f.code, f.file, f.line, f.column, f.service]),
    ).toEqual([
      ['schema/invalid-type', 'policies/governance.toml', 2, 1, undefined],
      ['schema/invalid-type', 'services/catalog.toml', 2, 1, 'a'],
      ['schema/invalid-type', 'services/catalog.toml', 4, 1, 'b'],
      ['schema/invalid-type', 'services/catalog.toml', 6, 5, 'c'],
      ['schema/invalid-type', 'services/catalog.toml', 7, 7, 'd'],
    ]);
    expect(findings[1].message).toBe(
      'Service "a": port must be an integer between 1 and 65535, without quotes (e.g. port = 8080), got 8080.0 (a float: write it without the decimal point).',
    );
    expect(findings[3].message).toContain('got 7.07e3 (a float');
  });

  it('finds nothing in the seed snippets and runs with the other rules', () => {
    const registry = registryOf(
      Object.fromEntries(seedFiles().map(f => [f.path, f.text])),
    );
    expect(
      validateRegistry(registry, { today: '2026-01-15' }).filter(
        f => f.code === 'schema/invalid-type',
      ),
    ).toEqual([]);
    const floats = registryOf({
      'services/catalog.toml': '[service.a]\nport = 80.0\n',
    });
    expect(
      validateRegistry(floats, { today: '2026-01-15' }).map(f => f.code),
    ).toContain('schema/invalid-type');
  });
});
