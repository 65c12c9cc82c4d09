import { RegistryFinding } from '../model/types';
import { getServiceForProject } from '../model/getServiceForProject';
import { loadRegistry } from './buildRegistry';
import { hasControlCharacter } from './controlCharacters';
import { LoadRegistryOptions } from './LoadRegistryOptions';
import { diffRegistries } from '../diff/diffRegistries';

function load(files: Record<string, string>, options?: LoadRegistryOptions) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  );
}

function only(findings: RegistryFinding[], code: string) {
  return findings.filter(f => f.code === code);
}

describe('loadRegistry', () => {
  it('loads an empty registry', () => {
    const registry = load({});
    expect(registry.services.size).toBe(0);
    expect(registry.projects.size).toBe(0);
    expect(registry.findings).toEqual([]);
    expect(registry.policies.sla).toEqual({});
  });

  it("takes only http(s) URLs, which become links in every reader's browser", () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.web]', // 1
        'repository = "javascript:alert(document.cookie)"', // 2
        'status = "deprecated"', // 3
        'deprecation_date = 2026-01-01', // 4
        'sunset_date = 2026-12-31', // 5
        'replacement_service = "api"', // 6
        '[service.web.migration]', // 7
        'guide_url = "data:text/html,<script>alert(1)</script>"', // 8
        '[service.api]', // 9
        'repository = "not a url"', // 10
        '[service.ok]', // 11
        'repository = "https://github.com/acme/ok"', // 12
        '[service.plain]', // 13
        'repository = "http://git.internal/acme/plain"', // 14
      ].join('\n'),
    });
    expect(
      only(registry.findings, 'schema/invalid-url').map(f => [
        f.service,
        f.line,
        f.column,
        f.severity,
      ]),
    ).toEqual([
      ['web', 2, 1, 'error'],
      ['web', 8, 1, 'error'],
      ['api', 10, 1, 'error'],
    ]);
    expect(only(registry.findings, 'schema/invalid-url')[0].message).toContain(
      'an http(s) URL',
    );
    expect(registry.services.get('web')!.repository).toBeUndefined();
    expect(registry.services.get('web')!.migration?.guideUrl).toBeUndefined();
    expect(registry.services.get('ok')!.repository).toBe(
      'https://github.com/acme/ok',
    );
    expect(registry.services.get('plain')!.repository).toBe(
      'http://git.internal/acme/plain',
    );
  });

  it('types every service field and records positions', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.orders]', // 1
        'name = "Orders"',
        'description = "Órdenes ✓"',
        'type = "api"',
        'owner = "@payments-team"', // 5
        'version = "1.4.0"',
        'status = "ga"',
        'tier = "high"',
        'port = 8080',
        'tags = ["core", "payments"]', // 10
        'repository = "https://github.com/acme/orders"',
        'compat_version_min = "1.0.0"',
        'compat_with = ["1.3.0"]',
        'deprecation_date = 2027-01-01',
        'sunset_date = "2027-06-30"', // 15
        'replacement_service = "orders-v2"',
        'metadata = { replicas = 3, image = "acme/orders" }',
        '[service.orders.sla]',
        'availability = 99.95',
        'response_time_p99 = "1.5s"', // 20
        'rto = "5m"',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    const orders = registry.services.get('orders')!;
    expect(orders).toMatchObject({
      id: 'orders',
      name: 'Orders',
      description: 'Órdenes ✓',
      type: 'api',
      owner: '@payments-team',
      version: '1.4.0',
      status: 'ga',
      tier: 'high',
      effectiveTier: 'high',
      port: 8080,
      tags: ['core', 'payments'],
      repository: 'https://github.com/acme/orders',
      compatVersionMin: '1.0.0',
      compatWith: ['1.3.0'],
      deprecationDate: '2027-01-01',
      sunsetDate: '2027-06-30',
      replacementService: 'orders-v2',
      metadata: { replicas: 3, image: 'acme/orders' },
      project: undefined,
      definedIn: ['services/catalog.toml'],
      source: { file: 'services/catalog.toml', line: 1, column: 1 },
    });
    expect(orders.sla).toMatchObject({
      availability: 99.95,
      responseTimeP99Ms: 1500,
      rtoMs: 300_000,
    });
    expect(orders.positions.port).toEqual({
      file: 'services/catalog.toml',
      line: 9,
      column: 1,
    });
    expect(orders.positions['sla.availability']?.line).toBe(19);
    expect(orders.positions['metadata.replicas']).toEqual({
      file: 'services/catalog.toml',
      line: 17,
      column: 14,
    });
    expect(orders.raw.port).toBe(8080);
  });

  it('reports type problems at the key, with how to fix, and keeps the value only in raw', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.bad]',
        'port = "8080"',
        'status = "live"',
        'tier = "gold"',
        'version = "1.0"',
        'sunset_date = "30/06/2026"',
        'tags = ["ok", 3]',
        'colour = "blue"',
        '[service.Bad_Id]',
        'port = 70000',
      ].join('\n'),
    });
    const bad = registry.services.get('bad')!;
    expect(bad.port).toBeUndefined();
    expect(bad.status).toBeUndefined();
    expect(bad.tier).toBeUndefined();
    expect(bad.version).toBeUndefined();
    expect(bad.sunsetDate).toBeUndefined();
    expect(bad.tags).toEqual([]);
    expect(bad.raw.status).toBe('live');

    const byCode = (code: string) =>
      registry.findings.filter(f => f.code === code);
    expect(byCode('schema/invalid-type')).toEqual([
      expect.objectContaining({
        severity: 'error',
        service: 'bad',
        file: 'services/catalog.toml',
        line: 2,
        column: 1,
        message: expect.stringContaining(
          'port must be an integer between 1 and 65535',
        ),
      }),
      expect.objectContaining({ line: 7, column: 15 }),
    ]);
    const [status, tier] = byCode('schema/invalid-enum');
    expect(status.message).toContain(
      'status "live" is not one of development, beta, ga, maintenance, deprecated, retired',
    );
    expect([status.line, status.column]).toEqual([3, 1]);
    expect(tier.message).toContain(
      'tier "gold" is not one of critical, high, medium, low',
    );
    expect(byCode('schema/invalid-semver')[0]).toMatchObject({ line: 5 });
    expect(byCode('schema/invalid-date')[0]).toMatchObject({ line: 6 });
    expect(byCode('schema/unknown-field')[0]).toMatchObject({
      severity: 'warning',
      line: 8,
      message: expect.stringContaining('unknown field "colour"'),
    });
    expect(byCode('schema/invalid-id')[0]).toMatchObject({
      severity: 'error',
      service: 'Bad_Id',
      line: 9,
      message: expect.stringContaining('"bad-id"'),
    });
    expect(byCode('schema/out-of-range')[0]).toMatchObject({
      service: 'Bad_Id',
      line: 10,
    });
  });

  it('refuses an infinite migration effort (inf), which is no number of hours', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.old]',
        '[service.old.migration]',
        'migration_difficulty = "hard"',
        'estimated_effort_hours = inf',
        '[service.older.migration]',
        'estimated_effort_hours = 2.5',
      ].join('\n'),
    });
    expect(
      registry.services.get('old')!.migration?.estimatedEffortHours,
    ).toBeUndefined();
    expect(
      registry.services.get('older')!.migration?.estimatedEffortHours,
    ).toBe(2.5);
    expect(registry.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'schema/out-of-range',
        service: 'old',
        line: 4,
        column: 1,
        message:
          'Service "old": migration.estimated_effort_hours must be a number of at least 0, without quotes, got inf.',
      }),
    ]);
  });

  it('names the table to write in full when a sub-table of a service is written as a value', () => {
    const registry = load({
      'services/catalog.toml': '[service.api]\nsla = "gold"\n',
      'projects/shop/services.toml':
        '[project]\n[service."shop api"]\ngovernance = ["@a"]\n',
    });
    expect(
      registry.findings
        .filter(f => f.code === 'schema/invalid-type')
        .map(f => [f.file, f.line, f.message]),
    ).toEqual([
      [
        'projects/shop/services.toml',
        3,
        'Service "shop api": governance must be a table (write it as [service."shop api".governance] or governance = { ... }), got an array.',
      ],
      [
        'services/catalog.toml',
        2,
        'Service "api": sla must be a table (write it as [service.api.sla] or sla = { ... }), got "gold".',
      ],
    ]);
  });

  it('suggests, for an invalid id, one the catalog can name an entity (no "-" at either end)', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service._Auth_]',
        '[service."#"]',
        '[service."Ñandú Pagos"]',
      ].join('\n'),
    });
    expect(
      registry.findings
        .filter(f => f.code === 'schema/invalid-id')
        .map(f => [f.service, f.message.replace(/^.*\(e\.g\. /, '')]),
    ).toEqual([
      ['_Auth_', '"auth").'],
      ['#', '"my-service").'],
      ['Ñandú Pagos', '"nandu-pagos").'],
    ]);
  });

  it('takes versions as SemVer writes them: no leading "v", no spaces', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.a]', // 1
        'version = "v1.0.0"',
        'compat_version_min = " 1.0.0"',
        '[service.b]', // 4
        'version = "1.2.3-rc.1+build.5"',
        'compat_version_min = "1.0.0"',
      ].join('\n'),
    });
    const a = registry.services.get('a')!;
    expect(a.version).toBeUndefined();
    expect(a.compatVersionMin).toBeUndefined();
    expect(
      only(registry.findings, 'schema/invalid-semver').map(f => [
        f.line,
        f.message,
      ]),
    ).toEqual([
      [
        2,
        'Service "a": version must be a semver version in quotes, such as "1.2.3" (no leading "v", no spaces), got "v1.0.0".',
      ],
      [3, expect.stringContaining('compat_version_min must be a semver')],
    ]);
    const b = registry.services.get('b')!;
    expect(b.version).toBe('1.2.3-rc.1+build.5');
    expect(b.compatVersionMin).toBe('1.0.0');
  });

  it('refuses a version, a duration or a percentage ending in a blank semver trims or holding a control character', () => {
    // found by the fuzz test: "1.2.3\u2028" was a valid version and "1\u2028d" a valid rto,
    // and messages quoted them as written (release/version-not-released, policy/sla-below-tier)
    const registry = load({
      'services/catalog.toml': [
        '[service.a]', // 1
        'version = "1.2.3\\u2028"',
        'compat_version_min = "1.0.0\\u00a0"',
        '[service.a.sla]',
        'rto = "1\\u2029d"', // 5
        'availability = "99.9%\\u000b"',
        'rpo = "5 m"',
      ].join('\n'),
      'policies/sla.toml': '[sla.low]\nrto = "1\\u2028d"\n',
    });
    const a = registry.services.get('a')!;
    expect(a.version).toBeUndefined();
    expect(a.compatVersionMin).toBeUndefined();
    expect(a.sla).toMatchObject({ rpoMs: 300_000 });
    expect(a.sla?.rtoMs).toBeUndefined();
    expect(a.sla?.availability).toBeUndefined();
    expect(registry.policies.sla.low?.rtoMs).toBeUndefined();
    expect(
      registry.findings.map(f => [f.file, f.line, f.code, f.message]),
    ).toEqual([
      [
        'policies/sla.toml',
        2,
        'schema/invalid-type',
        expect.stringContaining('got "1\\u2028d"'),
      ],
      [
        'services/catalog.toml',
        2,
        'schema/invalid-semver',
        expect.stringContaining('got "1.2.3\\u2028"'),
      ],
      [
        'services/catalog.toml',
        3,
        'schema/invalid-semver',
        expect.stringContaining('compat_version_min'),
      ],
      ['services/catalog.toml', 5, 'schema/invalid-type', expect.anything()],
      ['services/catalog.toml', 6, 'schema/invalid-type', expect.anything()],
    ]);
  });

  it('never throws on deep nesting: a deep header loads, a value nested too deep is a syntax error', () => {
    const deep = Array(20_000).fill('a').join('.');
    const registry = load({
      'services/catalog.toml': `[service.a]\nowner = "o"\nx = ${'['.repeat(
        20_000,
      )}\n[service.b]\n`,
      'projects/p/services.toml': `[project]\nname = "P"\n[service.deep.${deep}]\nk = 1\n[service.b]\nowner = "p"\n`,
    });
    expect(registry.failedFiles).toEqual(['services/catalog.toml']);
    expect(
      registry.findings.map(f => [f.file, f.line, f.column, f.code]),
    ).toEqual([
      ['projects/p/services.toml', 3, 1, 'schema/unknown-field'],
      ['projects/p/services.toml', 5, 1, 'service/override-not-applied'],
      ['services/catalog.toml', 3, 1005, 'toml/syntax'],
    ]);
  });

  it.each([
    [
      'a header',
      (deep: string, v: number) => `[service.api.${deep}]\nk = ${v}\n`,
      (v: number) => ({ k: v }),
    ],
    [
      'a dotted key',
      (deep: string, v: number) => `${deep}.k = ${v}\n`,
      (v: number) => ({ k: v }),
    ],
  ])(
    'merges a project override sharing %s 20,000 parts deep with the global service',
    (_, write, leaf) => {
      const deep = Array(20_000).fill('x').join('.');
      const registry = load({
        'services/catalog.toml': `[service.api]\nother = 1\n${write(deep, 1)}`,
        'projects/p/services.toml': `[project]\nname = "P"\n[service.api]\n${write(
          deep,
          2,
        )}`,
      });
      // the depth of the chain of tables under `x`, and the table at its end
      const descend = (raw: unknown): [number, unknown] => {
        let table = raw as Record<string, unknown>;
        let depth = 0;
        while (table.x !== undefined) {
          table = table.x as Record<string, unknown>;
          depth++;
        }
        return [depth, { ...table }];
      };
      expect(descend(registry.services.get('api')?.raw)).toEqual([
        20_000,
        leaf(1),
      ]);
      const view = getServiceForProject(registry, 'p', 'api');
      expect(descend(view?.raw)).toEqual([20_000, leaf(2)]);
      expect(view?.raw.other).toBe(1);
    },
  );

  it('quotes a service id that is no bare key in "must be a table"', () => {
    const registry = load({
      'services/catalog.toml':
        'service."a\u202eb" = 1\nservice."a\\u0007.b" = 2\nservice.api = 3\n',
    });
    const messages = only(registry.findings, 'schema/invalid-type').map(
      f => f.message,
    );
    expect(messages).toEqual([
      'service."a\\u202eb" must be a table: write [service."a\\u202eb"] followed by its fields.',
      'service."a\\u0007.b" must be a table: write [service."a\\u0007.b"] followed by its fields.',
      'service.api must be a table: write [service.api] followed by its fields.',
    ]);
    expect(
      registry.findings.filter(f => hasControlCharacter(f.message)),
    ).toEqual([]);
  });

  it('quotes a project folder name in its messages', () => {
    const id = 'p\u202eq\u0007';
    const registry = load({
      [`projects/${id}/services.toml`]: [
        'project-specific.z = 3',
        '[project]',
        'name = 1',
        '[project-specific.other]',
        'name = "O"',
        '[project-specific."k\u202e"]',
        'name = "K"',
      ].join('\n'),
      'projects/a\u202eb/services.toml': 'x = 1\n',
      'projects/c\u0007/services.toml': 'project = 1\n"project-specific" = 2\n',
    });
    const codes = new Set(registry.findings.map(f => f.code));
    for (const code of [
      'schema/invalid-id',
      'schema/invalid-type',
      'project/id-mismatch',
      'project/duplicate-declaration',
      'project/missing-declaration',
    ]) {
      expect(codes).toContain(code);
    }
    expect(
      registry.findings.filter(f => hasControlCharacter(f.message)),
    ).toEqual([]);
    expect(
      registry.findings.find(f => f.code === 'project/duplicate-declaration')
        ?.message,
    ).toMatch(/^Project "p\\u202eq\\u0007" is declared more than once/);
  });

  it('escapes a project folder or policy file name in the messages of monitoring, deployment, overrides and duplicates', () => {
    const id = 'p\u202eq\u0007';
    const registry = load({
      'services/catalog.toml': '[service.db]\nport = \n',
      [`projects/${id}/services.toml`]:
        '[project]\n[service.dup]\n[service.db]\nport = 1\n',
      [`projects/${id}/monitoring.toml`]: [
        '[monitoring.x]',
        '[monitoring."p\\u202eq\\u0007"]',
        'level = "gold"',
        '[service.ghost.metrics]',
      ].join('\n'),
      [`projects/${id}/deployment.toml`]: [
        '[deployment.multi-region]',
        'regions = ["a"]',
        '[deployment.region.b]',
        'traffic_split = "x"',
      ].join('\n'),
      'projects/z/services.toml': '[project]\n[service.dup]\n',
      // values of the wrong type in a monitoring file, and a service id of a bidi override
      'projects/r\u202es/monitoring.toml':
        'monitoring = 5\n[service]\n"g\\u202eh" = 7\n',
      // a policy file's name, likewise
      'policies/a\u202eb.toml':
        '[change_control]\nversion_bumps_require = []\n',
      'policies/c.toml': '[change_control]\nversion_bumps_require = []\n',
    });
    const codes = new Set(registry.findings.map(f => f.code));
    for (const code of [
      'project/id-mismatch',
      'schema/invalid-enum',
      'registry/unknown-service',
      'deployment/unknown-region',
      'schema/invalid-type',
      'service/override-not-applied',
      'service/duplicate-id',
      'policy/duplicate-key',
    ]) {
      expect(codes).toContain(code);
    }
    expect(
      registry.findings
        .filter(f => hasControlCharacter(f.message))
        .map(f => f.code),
    ).toEqual([]);
    expect(
      registry.findings.find(f => f.code === 'service/duplicate-id')?.message,
    ).toContain(
      'is already declared by project "p\\u202eq\\u0007" at projects/p\\u202eq\\u0007/services.toml:2',
    );
  });

  it('accepts TOML local dates and date strings, and refuses date-times', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.a]',
        'deprecation_date = 2026-06-30',
        'sunset_date = "2026-12-31"',
        '[service.b]',
        'deprecation_date = 2026-06-30T10:00:00Z',
        'sunset_date = "2026-02-30"',
      ].join('\n'),
    });
    expect(registry.services.get('a')).toMatchObject({
      deprecationDate: '2026-06-30',
      sunsetDate: '2026-12-31',
    });
    expect(only(registry.findings, 'schema/invalid-date')).toHaveLength(2);
  });

  it('parses the three dependency forms', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.web]',
        '[service.web.dependencies]',
        'requires = [',
        '  "api",',
        '  "shared-auth@^1.0",',
        '  { service = "billing", version = ">=1.0.0" },',
        ']',
        'optional = ["analytics@~2.1"]',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    const { requires, optional } = registry.services.get('web')!.dependencies;
    expect(requires).toEqual([
      {
        service: 'api',
        range: undefined,
        raw: 'api',
        optional: false,
        position: { file: 'services/catalog.toml', line: 4, column: 3 },
      },
      expect.objectContaining({
        service: 'shared-auth',
        range: '^1.0',
        raw: 'shared-auth@^1.0',
      }),
      expect.objectContaining({
        service: 'billing',
        range: '>=1.0.0',
        position: { file: 'services/catalog.toml', line: 6, column: 3 },
      }),
    ]);
    expect(optional).toEqual([
      expect.objectContaining({
        service: 'analytics',
        range: '~2.1',
        optional: true,
      }),
    ]);
  });

  it('reports bad dependency entries at the entry', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.web]',
        'dependencies.requires = ["Bad!", "ok@not a range", 3, { version = "1" }]',
      ].join('\n'),
    });
    const codes = registry.findings.map(f => [f.code, f.column]);
    expect(codes).toEqual([
      ['schema/invalid-id', 26],
      ['schema/invalid-semver', 34],
      ['schema/invalid-type', 52],
      ['schema/missing-field', 55],
    ]);
    expect(registry.services.get('web')!.dependencies.requires).toEqual([
      expect.objectContaining({ service: 'ok', range: undefined }),
    ]);
  });

  it('accepts both project declaration forms and inherits the project tier and owner', () => {
    const registry = load({
      'projects/shop/services.toml': [
        '[project]',
        'name = "Shop"',
        'tier = "critical"',
        'owner = "shop-team"',
        '[service.shop-web]',
        '[service.shop-batch]',
        'tier = "low"',
      ].join('\n'),
      'projects/crm/services.toml': [
        '[project-specific.crm]',
        'name = "CRM"',
        'environment = "staging"',
        '[service.crm-api]',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    expect(registry.projects.get('shop')).toMatchObject({
      id: 'shop',
      name: 'Shop',
      tier: 'critical',
      owner: 'shop-team',
      services: ['shop-web', 'shop-batch'],
      source: { file: 'projects/shop/services.toml', line: 1, column: 1 },
    });
    expect(registry.projects.get('crm')).toMatchObject({
      name: 'CRM',
      environment: 'staging',
      tier: undefined,
    });
    expect(registry.services.get('shop-web')).toMatchObject({
      project: 'shop',
      tier: undefined,
      effectiveTier: 'critical',
      owner: undefined,
      effectiveOwner: 'shop-team',
    });
    expect(registry.services.get('shop-batch')!.effectiveTier).toBe('low');
    expect(registry.services.get('crm-api')!.effectiveTier).toBeUndefined();
    expect(registry.services.get('crm-api')!.effectiveOwner).toBeUndefined();
  });

  it('warns when a project-specific table names another project, or none is declared', () => {
    const registry = load({
      'projects/shop/services.toml': '[project-specific.store]\nname = "S"\n',
      'projects/crm/services.toml': '[service.crm-api]\n',
    });
    expect(only(registry.findings, 'project/id-mismatch')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        project: 'shop',
        line: 1,
        message: expect.stringContaining('[project-specific.shop]'),
      }),
    ]);
    expect(registry.projects.get('shop')!.name).toBe('S');
    expect(only(registry.findings, 'project/missing-declaration')).toEqual([
      expect.objectContaining({ project: 'crm', severity: 'warning' }),
    ]);
    expect(registry.projects.get('crm')!.name).toBe('crm');
  });

  it.each([
    [
      '[project-specific.<id>] first',
      '[project-specific.shop]\ntier = "critical"\n\n[project]\ntier = "low"\n',
      'critical',
      '[project-specific.shop], line 1',
      4,
    ],
    [
      '[project] first',
      '[project]\ntier = "low"\n\n[project-specific.shop]\ntier = "critical"\n',
      'low',
      '[project], line 1',
      4,
    ],
  ])(
    'uses the first of two project declarations in the file (%s) and says which',
    (_, text, tier, used, ignoredLine) => {
      const registry = load({
        'projects/shop/services.toml': `${text}\n[service.cart]\nowner = "t"\n`,
      });
      expect(registry.projects.get('shop')!.tier).toBe(tier);
      expect(registry.services.get('cart')!.effectiveTier).toBe(tier);
      expect(only(registry.findings, 'project/duplicate-declaration')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          line: ignoredLine,
          message: expect.stringContaining(
            `only the first declaration (${used}) is used, and this one is ignored`,
          ),
        }),
      ]);
    },
  );

  it('applies no override of a global service while the global catalog does not parse, and says so', () => {
    const files = {
      'services/catalog.toml': [
        '[service.shared-auth]', // 1
        'owner = "platform-team"',
        'version = "1.2.3"',
        'oops = = 1', // 4: the syntax error
        '',
        '[service.shared-cache]', // 6
        'owner = "platform-team"',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        'owner = "team-a"',
        '[service.shared-auth]', // 3
        'version = "1.3.0"',
        'tags = ["pa"]',
        '[service.pa-api]',
        'dependencies.requires = ["shared-auth"]',
      ].join('\n'),
      'projects/pd/services.toml': [
        '[project]',
        'owner = "team-d"',
        '[service.shared-auth]', // 3
        'port = 9443',
      ].join('\n'),
    };
    const registry = load(files);
    expect(registry.failedFiles).toEqual(['services/catalog.toml']);
    // neither project took the global id as a service of its own, so no clash between them
    expect([...registry.services.keys()]).toEqual(['pa-api']);
    expect(registry.projects.get('pa')!.services).toEqual(['pa-api']);
    expect(registry.overrides.size).toBe(0);
    expect(only(registry.findings, 'service/duplicate-id')).toEqual([]);
    expect(
      only(registry.findings, 'service/override-not-applied').map(f => [
        f.file,
        f.line,
        f.column,
        f.project,
        f.service,
      ]),
    ).toEqual([
      ['projects/pa/services.toml', 3, 1, 'pa', 'shared-auth'],
      ['projects/pd/services.toml', 3, 1, 'pd', 'shared-auth'],
    ]);
    expect(
      only(registry.findings, 'service/override-not-applied')[0].message,
    ).toBe(
      'Service "shared-auth" of project "pa" overrides the global service declared at services/catalog.toml:1, a file that does not parse; the override is not applied until that file parses again. Fix the syntax error of services/catalog.toml.',
    );

    // once the catalog parses, the same files override it
    const fixed = load({
      ...files,
      'services/catalog.toml': files['services/catalog.toml'].replace(
        'oops = = 1',
        '',
      ),
    });
    expect(fixed.findings).toEqual([]);
    expect(fixed.overrides.get('pa')!.get('shared-auth')!.version).toBe(
      '1.3.0',
    );
    expect(fixed.services.get('shared-auth')!.overriddenBy).toEqual([
      'pa',
      'pd',
    ]);
  });

  it('does not apply an override of a global service that only the unread version of the catalog declares (unreadGlobals)', () => {
    const files = {
      // the last good version of the catalog, loaded in the place of one with errors
      'services/catalog.toml': '[service.shared-auth]\nversion = "1.0.0"\n',
      'projects/pa/services.toml':
        '[project]\n\n[service.shared-new]\nport = 9000\n\n[service.shared-auth]\nport = 9443\n',
    };
    const registry = load(files, {
      unreadGlobals: new Map([
        ['shared-new', { file: 'services/catalog.toml', line: 4, column: 1 }],
        ['shared-auth', { file: 'services/catalog.toml', line: 1, column: 1 }],
      ]),
    });
    // the loaded version declares shared-auth: overridden as usual
    expect(registry.overrides.get('pa')!.get('shared-auth')!.port).toBe(9443);
    expect(registry.services.has('shared-new')).toBe(false);
    expect(
      only(registry.findings, 'service/override-not-applied').map(f => [
        f.file,
        f.line,
        f.service,
        f.message,
      ]),
    ).toEqual([
      [
        'projects/pa/services.toml',
        3,
        'shared-new',
        'Service "shared-new" of project "pa" overrides the global service declared at services/catalog.toml:4, in the version of services/catalog.toml that was read; that version has errors, and its last good version, which does not declare it, is loaded in its place. The override is not applied until services/catalog.toml is fixed.',
      ],
    ]);
  });

  it('reports an unknown top-level table of a services file as an error, and an unknown key as a warning', () => {
    const registry = load({
      'services/catalog.toml': 'note = "shared"\n[services.auth]\nport = 1\n',
      'projects/shop/services.toml':
        '[project]\nowner = "t"\n[Service.cart]\nport = 2\n',
    });
    expect(registry.services.size).toBe(0);
    expect(
      registry.findings.map(f => [f.code, f.severity, f.file, f.line]),
    ).toEqual([
      ['schema/unknown-table', 'error', 'projects/shop/services.toml', 3],
      ['schema/unknown-field', 'warning', 'services/catalog.toml', 1],
      ['schema/unknown-table', 'error', 'services/catalog.toml', 2],
    ]);
    expect(registry.findings[0].message).toBe(
      'projects/shop/services.toml: unknown table [Service] is ignored with everything in it; the tables of this file are [project], [project-specific.<id>], [service.<id>]. Check the spelling: services are declared as [service.<id>].',
    );
  });

  it('reports a [project-specific] entry that is not a table, and one finding per invalid value', () => {
    const registry = load({
      'projects/shop/services.toml':
        '[project-specific]\nshop = "Shop"\n[service.cart]\nport = inf\n',
      'projects/crm/services.toml': 'project-specific = 1\n',
    });
    expect(
      registry.findings.map(f => [f.code, f.severity, f.file, f.line]),
    ).toEqual([
      ['schema/invalid-type', 'error', 'projects/crm/services.toml', 1],
      [
        'project/missing-declaration',
        'warning',
        'projects/crm/services.toml',
        1,
      ],
      [
        'project/missing-declaration',
        'warning',
        'projects/shop/services.toml',
        1,
      ],
      ['schema/invalid-type', 'error', 'projects/shop/services.toml', 2],
      ['schema/invalid-type', 'error', 'projects/shop/services.toml', 4],
    ]);
    expect(registry.findings[3].message).toBe(
      'project-specific.shop must be a table: write [project-specific.shop] with name, environment, tier and owner, got "Shop".',
    );
  });

  it('quotes an invalid id with escapes in every finding about it', () => {
    // found by the fuzz test: the subject of a service's findings quoted its id as written, a
    // NUL or a right-to-left override included
    const registry = load({
      'services/catalog.toml':
        '[service."a\\u0000b"]\nowner = "o"\nversion = "2.0.0"\nsize = 1\n',
      'services/versions.toml':
        '[[service."a\\u0000b".release]]\nversion = "1.0.0"\ndate = 2026-01-01\n',
      'projects/p/services.toml':
        '[project]\nname = "P"\n[service."c\\u202ed"]\nsize = 1\n',
      'projects/q/services.toml':
        '[project]\nname = "Q"\n[service."c\\u202ed"]\n',
      'projects/p/monitoring.toml':
        '[monitoring."x\\u2028y"]\nlevel = "basic"\n',
    });
    const messages = registry.findings.map(f => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Service "a\\u0000b": unknown field "size"/),
        expect.stringMatching(
          /^Service "a\\u0000b": version "2.0.0" has no release .* Add a \[\[service\."a\\u0000b"\.release\]\]/,
        ),
        expect.stringMatching(/^Service "c\\u202ed": unknown field "size"/),
        expect.stringMatching(
          /^Service "c\\u202ed" is already declared by project "p"/,
        ),
        expect.stringMatching(/^\[monitoring\."x\\u2028y"\] is in the folder/),
      ]),
    );
    for (const message of messages) {
      expect(hasControlCharacter(message)).toBe(false);
    }
  });

  it('merges a project override field by field, recursively, the project winning', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.shared-auth]',
        'owner = "platform-team"',
        'version = "1.2.3"',
        'port = 8443',
        'tags = ["auth"]',
        '[service.shared-auth.sla]',
        'availability = "99.9%"',
        'response_time_p99 = "200ms"',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        'tier = "critical"',
        '[service.shared-auth]',
        'port = 9443',
        'tags = ["auth", "shop"]',
        '[service.shared-auth.sla]',
        'availability = "99.99%"',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    const global = registry.services.get('shared-auth')!;
    expect(global).toMatchObject({
      port: 8443,
      project: undefined,
      overriddenBy: ['shop'],
    });
    const view = getServiceForProject(registry, 'shop', 'shared-auth')!;
    expect(view).toMatchObject({
      owner: 'platform-team',
      version: '1.2.3',
      port: 9443,
      tags: ['auth', 'shop'],
      project: 'shop',
      effectiveTier: 'critical',
      definedIn: ['services/catalog.toml', 'projects/shop/services.toml'],
      source: { file: 'projects/shop/services.toml', line: 3, column: 1 },
    });
    expect(view.sla).toMatchObject({
      availability: 99.99,
      responseTimeP99Ms: 200,
    });
    expect(view.positions.port.file).toBe('projects/shop/services.toml');
    expect(view.positions.owner.file).toBe('services/catalog.toml');
    expect(registry.projects.get('shop')!.services).toEqual(['shared-auth']);
    expect(getServiceForProject(registry, 'other', 'shared-auth')).toBe(global);
  });

  it('reports an id declared by two projects at the second header', () => {
    const registry = load({
      'projects/a/services.toml': '[project]\n[service.worker]\nport = 1\n',
      'projects/b/services.toml':
        '[project]\n\n# again\n[service.worker]\nport = 2\n',
    });
    expect(only(registry.findings, 'service/duplicate-id')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'projects/b/services.toml',
        line: 4,
        column: 1,
        service: 'worker',
        project: 'b',
        message: expect.stringContaining('projects/a/services.toml:2'),
      }),
    ]);
    expect(registry.services.get('worker')!.port).toBe(1);
  });

  describe('with the files that declared services before (preferredDeclarations)', () => {
    // zzz declared "orders" first; aaa, earlier in path order, declares it too
    const files = {
      'projects/aaa/services.toml':
        '[project]\nowner = "team-a"\n[service.orders]\nversion = "0.0.1"\nport = "eighty"\n',
      'projects/zzz/services.toml':
        '[project]\nowner = "team-z"\n\n[service.orders]\nport = 8080\n',
    };
    const before = new Map([['orders', 'projects/zzz/services.toml']]);

    it('keeps the declaration of the file that had it, and reports the new one', () => {
      const registry = load(files, { preferredDeclarations: before });

      const orders = registry.services.get('orders')!;
      expect(orders.project).toBe('zzz');
      expect(orders.port).toBe(8080);
      expect(orders.source).toMatchObject({
        file: 'projects/zzz/services.toml',
        line: 4,
      });
      expect(registry.projects.get('zzz')!.services).toEqual(['orders']);
      expect(registry.projects.get('aaa')!.services).toEqual([]);
      expect(only(registry.findings, 'service/duplicate-id')).toEqual([
        {
          severity: 'error',
          code: 'service/duplicate-id',
          file: 'projects/aaa/services.toml',
          line: 3,
          column: 1,
          service: 'orders',
          project: 'aaa',
          message: expect.stringContaining(
            'already declared by project "zzz" at projects/zzz/services.toml:4',
          ),
        },
      ]);
      // the ignored declaration is not checked (its port is not reported)
      expect(
        registry.findings.filter(f => f.service === 'orders').map(f => f.code),
      ).toEqual(['service/duplicate-id']);
    });

    it('keeps the first in path order without a preference, or when the file no longer declares it', () => {
      for (const registry of [
        load(files),
        load(files, { preferredDeclarations: new Map() }),
        load(
          {
            ...files,
            'projects/zzz/services.toml': '[project]\n[service.payments]\n',
            'projects/mmm/services.toml': '[project]\n[service.orders]\n',
          },
          { preferredDeclarations: before },
        ),
        load(
          {
            ...files,
            'projects/zzz/services.toml': 'service.orders = 1\n[project]\n',
            'projects/mmm/services.toml': '[project]\n[service.orders]\n',
          },
          { preferredDeclarations: before },
        ),
      ]) {
        expect(registry.services.get('orders')!.project).toBe('aaa');
        const duplicates = only(registry.findings, 'service/duplicate-id');
        expect(duplicates.map(f => f.file)).not.toContain(
          'projects/aaa/services.toml',
        );
      }
    });

    it('leaves project overrides of a global service alone', () => {
      const registry = load(
        {
          ...files,
          'services/catalog.toml': '[service.orders]\nport = 9090\n',
        },
        { preferredDeclarations: before },
      );
      expect(only(registry.findings, 'service/duplicate-id')).toEqual([]);
      expect(registry.services.get('orders')!.project).toBeUndefined();
      expect(registry.services.get('orders')!.overriddenBy).toEqual([
        'aaa',
        'zzz',
      ]);
    });
  });

  it('keeps loading when one file has a syntax error', () => {
    const registry = load({
      'services/catalog.toml': '[service.ok]\nport = 80\n',
      'projects/a/services.toml':
        '[project]\nname = "A"\n[service.broken]\nport = = 1\n',
    });
    expect(registry.failedFiles).toEqual(['projects/a/services.toml']);
    expect(only(registry.findings, 'toml/syntax')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'projects/a/services.toml',
        line: 4,
        column: 8,
        project: 'a',
      }),
    ]);
    expect(registry.services.get('ok')!.port).toBe(80);
    expect(registry.services.has('broken')).toBe(false);
    expect(registry.projects.get('a')!.name).toBe('a');
    // what the broken file was meant to declare, at its header
    expect([...registry.unreadServices!]).toEqual([
      ['broken', { file: 'projects/a/services.toml', line: 3, column: 1 }],
    ]);
  });

  it('lists the project services a caller says an unread version declares, but those the loaded files declare', () => {
    const registry = load(
      {
        'projects/shop/services.toml': '[project]\n[service.cart]\n',
        'projects/shop/monitoring.toml':
          '[service.wishlist.metrics]\ncpu_threshold = "80%"\n',
      },
      {
        unreadProjectServices: new Map([
          ['cart', { file: 'projects/shop/services.toml', line: 2, column: 1 }],
          [
            'wishlist',
            { file: 'projects/shop/services.toml', line: 5, column: 1 },
          ],
        ]),
      },
    );
    expect([...registry.unreadServices!]).toEqual([
      ['wishlist', { file: 'projects/shop/services.toml', line: 5, column: 1 }],
    ]);
    // its monitoring is not of an unknown service
    expect(only(registry.findings, 'registry/unknown-service')).toEqual([]);
  });

  it('lists no unread services when every file parses, and those of every broken services file otherwise', () => {
    expect(
      load({ 'services/catalog.toml': '[service.ok]\n' }).unreadServices,
    ).toBeUndefined();
    const registry = load({
      'services/catalog.toml': '[service.auth]\nport = \n[service.cache]\n',
      'projects/a/services.toml': '[service.a-web]\nport = = 1\n',
      // a monitoring file declares no service
      'projects/a/monitoring.toml': '[service.a-job.metrics]\nx = = 1\n',
    });
    expect([...registry.unreadServices!.keys()].sort()).toEqual([
      'a-web',
      'auth',
      'cache',
    ]);
  });

  it('does not call a service undeclared in monitoring or releases when the file declaring it does not parse', () => {
    const registry = load({
      'services/catalog.toml': '[service.db]\nversion = "1.0.0"\nport = \n',
      'services/versions.toml': [
        '[[service.db.release]]',
        'version = "1.0.0"',
        '[[service.ghost.release]]',
        'version = "1.0.0"',
      ].join('\n'),
      'projects/shop/services.toml':
        '[project]\n[service.shop-api]\nport = = 1\n',
      'projects/shop/monitoring.toml': [
        '[service.shop-api.metrics]',
        'cpu_threshold = "80%"',
        '[service.db.metrics]',
        'cpu_threshold = "80%"',
        '[service.phantom.metrics]',
        'cpu_threshold = "80%"',
      ].join('\n'),
    });
    expect(registry.failedFiles).toEqual([
      'projects/shop/services.toml',
      'services/catalog.toml',
    ]);
    // the syntax errors are what to fix; only the services no file declares are unknown
    expect(
      registry.findings.map(f => [f.file, f.line, f.code, f.service]),
    ).toEqual([
      [
        'projects/shop/monitoring.toml',
        5,
        'registry/unknown-service',
        'phantom',
      ],
      ['projects/shop/services.toml', 3, 'toml/syntax', undefined],
      ['services/catalog.toml', 3, 'toml/syntax', undefined],
      ['services/versions.toml', 3, 'registry/unknown-service', 'ghost'],
    ]);
  });

  it('warns about unknown files without loading them', () => {
    const registry = load({
      'services/extra.toml': '[service.x]\n',
      'notes.toml': 'this is not toml',
      'projects/a/notes.toml': '[service.y]\n',
    });
    expect(only(registry.findings, 'registry/unknown-file')).toEqual([
      expect.objectContaining({ file: 'notes.toml', severity: 'warning' }),
      expect.objectContaining({ file: 'projects/a/notes.toml', project: 'a' }),
      expect.objectContaining({ file: 'services/extra.toml' }),
    ]);
    expect(
      only(registry.findings, 'registry/unknown-file').find(
        f => f.file === 'notes.toml',
      ),
    ).not.toHaveProperty('project');
    expect(registry.services.size).toBe(0);
    expect(registry.files).toEqual([
      'notes.toml',
      'projects/a/notes.toml',
      'services/extra.toml',
    ]);
  });

  it('strips a BOM and accepts CRLF', () => {
    const registry = load({
      'services/catalog.toml':
        '\ufeff[service.a]\r\nname = "Ä"\r\nport = 1\r\n',
    });
    expect(registry.findings).toEqual([]);
    const a = registry.services.get('a')!;
    expect(a.name).toBe('Ä');
    expect(a.source).toEqual({
      file: 'services/catalog.toml',
      line: 1,
      column: 1,
    });
    expect(a.positions.port.line).toBe(3);
  });

  it('loads TOML 1.1: inline tables over several lines, with comments and a trailing comma, and \\xHH escapes', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.api]',
        'name = "Caf\\xE9 API"',
        'version = "1.0.0"',
        'sla = {',
        '  availability = "99.9%",',
        '  # a comment inside the inline table',
        '  response_time_p99 = "200ms",',
        '}',
        'port = 8080',
        'dependencies = { requires = [',
        '  "auth@^1.0",',
        '], }',
        '[service.auth]',
        'version = "1.2.0"',
        '',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    const api = registry.services.get('api')!;
    expect(api.name).toBe('Café API');
    expect(api.sla?.availability).toBe(99.9);
    expect(api.sla?.responseTimeP99Ms).toBe(200);
    expect(api.dependencies.requires.map(d => d.service)).toEqual(['auth']);
    // keys after a multi-line inline table are where they are written
    expect(api.positions.port).toMatchObject({ line: 9, column: 1 });
    expect(api.positions['sla.response_time_p99']).toMatchObject({
      line: 7,
      column: 3,
    });
    expect(api.positions['dependencies.requires.0']).toMatchObject({
      line: 11,
      column: 3,
    });
    expect(registry.services.get('auth')!.source.line).toBe(13);
  });

  it('reads the line ends of multi-line strings in a CRLF file as LF, and keeps escapes', () => {
    const lines = [
      '[service.a]',
      'description = """',
      'Two',
      'lines"""',
      'port = 1',
      '[service.a.metadata]',
      "notes = '''",
      'as',
      "written'''",
      'escaped = "cr\\r\\nlf"',
      '',
    ];
    const crlf = load({ 'services/catalog.toml': lines.join('\r\n') });
    const lf = load({ 'services/catalog.toml': lines.join('\n') });
    expect(crlf.findings).toEqual([]);
    const a = crlf.services.get('a')!;
    expect(a.description).toBe('Two\nlines');
    expect(a.metadata).toEqual({ notes: 'as\nwritten', escaped: 'cr\r\nlf' });
    expect(a.raw).toEqual(lf.services.get('a')!.raw);
    expect(a.positions.port).toMatchObject({ line: 5, column: 1 });
    expect(diffRegistries(lf, crlf, { today: '2026-01-01' }).changed).toEqual(
      [],
    );
  });

  it('attaches releases, monitoring, deployment and patterns', () => {
    const registry = load({
      'services/catalog.toml': '[service.api]\nversion = "1.1.0"\n',
      'services/versions.toml': [
        '[[service.api.release]]',
        'version = "1.0.0"',
        'date = 2026-01-10',
        '[[service.api.release]]',
        'version = "1.1.0"',
        '[[service.ghost.release]]',
        'version = "0.1.0"',
      ].join('\n'),
      'services/patterns.toml':
        '[pattern.web-service]\nreplicas = 2\n[pattern.job]\n',
      'projects/p/services.toml': '[project]\n',
      'projects/p/monitoring.toml': [
        '[monitoring.p]',
        'level = "high"',
        '[service.api.metrics]',
        'availability_threshold = 99.9',
        '[service.api.alerts]',
        'critical = ["slack#alerts"]',
      ].join('\n'),
      'projects/p/deployment.toml':
        '[deployment.multi-region]\nregions = ["eu"]\n',
    });
    const api = registry.services.get('api')!;
    expect(api.releases).toEqual([
      expect.objectContaining({
        version: '1.0.0',
        date: '2026-01-10',
        source: { file: 'services/versions.toml', line: 1, column: 1 },
      }),
      expect.objectContaining({
        version: '1.1.0',
        source: expect.objectContaining({ line: 4 }),
      }),
    ]);
    expect(api.monitoring).toEqual([
      expect.objectContaining({
        project: 'p',
        metrics: { availability_threshold: 99.9 },
        alerts: { critical: ['slack#alerts'] },
        source: expect.objectContaining({ line: 3 }),
      }),
    ]);
    const project = registry.projects.get('p')!;
    expect(project.monitoring?.settings).toEqual({ level: 'high' });
    expect(project.deployment?.raw).toEqual({
      deployment: { 'multi-region': { regions: ['eu'] } },
    });
    expect(
      project.deployment?.positions['deployment.multi-region.regions'],
    ).toEqual({ file: 'projects/p/deployment.toml', line: 2, column: 1 });
    expect([...registry.patterns.keys()]).toEqual(['web-service', 'job']);
    expect(only(registry.findings, 'registry/unknown-service')).toEqual([
      expect.objectContaining({ service: 'ghost', line: 6 }),
    ]);
  });

  it('merges policy files and reads SLA tiers', () => {
    const registry = load({
      'policies/governance.toml':
        '[change_control]\nbreaking_changes_require = ["@platform-team"]\n',
      'policies/sla.toml': [
        '[sla.critical]',
        'availability = "99.99%"',
        'response_time_p99 = "100ms"',
        'rto = "5m"',
        '[sla.gold]',
        'availability = "99%"',
      ].join('\n'),
      'policies/security.toml':
        '[security]\nscan = true\n[change_control]\nbreaking_changes_require = ["@x"]\n',
    });
    const { policies } = registry;
    expect(policies.files).toEqual([
      'policies/governance.toml',
      'policies/security.toml',
      'policies/sla.toml',
    ]);
    expect(policies.changeControl?.breakingChangesRequire).toEqual([
      '@platform-team',
    ]);
    expect(policies.sla.critical).toMatchObject({
      tier: 'critical',
      availability: 99.99,
      responseTimeP99Ms: 100,
      rtoMs: 300_000,
      source: { file: 'policies/sla.toml', line: 1, column: 1 },
    });
    expect(policies.security).toEqual({ scan: true });
    expect(policies.positions['sla.critical.rto']).toEqual({
      file: 'policies/sla.toml',
      line: 4,
      column: 1,
    });
    expect(registry.findings.map(f => [f.code, f.file, f.line])).toEqual([
      ['policy/duplicate-key', 'policies/security.toml', 4],
      ['schema/invalid-enum', 'policies/sla.toml', 5],
    ]);
  });

  it('never echoes values of secret-looking keys', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.db]',
        '[service.db.metadata]',
        'db_password = "hunter2"',
      ].join('\n'),
      'policies/security.toml':
        '[sla.critical]\nrto = 5\n[x]\napi_token = 123456\n',
      'projects/p/services.toml':
        '[project]\n[service.p-api]\napi_key = "sk-12345"\n[service.p-api.sla]\nerror_rate = "s3cr3t"\n',
    });
    const messages = registry.findings.map(f => f.message).join('\n');
    expect(registry.findings.length).toBeGreaterThan(0);
    expect(messages).toContain('unknown field "api_key"');
    expect(messages).not.toContain('sk-12345');
    expect(messages).not.toContain('123456');
  });

  it('hides a secret in a syntax error', () => {
    const registry = load({
      'services/catalog.toml': '[service.a]\npassword = "hunter2\n',
    });
    expect(registry.findings).toHaveLength(1);
    expect(registry.findings[0].message).not.toContain('hunter2');
  });
});
