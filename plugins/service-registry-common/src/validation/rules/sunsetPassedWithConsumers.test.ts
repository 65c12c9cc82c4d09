import { catalog, runRule } from '../__testUtils__/registryOf';
import { sunsetPassedWithConsumers } from './sunsetPassedWithConsumers';

const files = catalog(
  '[service.old]',
  'status = "deprecated"',
  'sunset_date = "2026-05-20"',
  'replacement_service = "new"',
  '[service.new]',
  '[service.app]',
  'dependencies.requires = ["old"]',
  '[service.web]',
  'dependencies.optional = ["old"]',
);

describe('sunsetPassedWithConsumers', () => {
  it('reports an overdue service on its sunset_date, listing its consumers', () => {
    const findings = runRule(sunsetPassedWithConsumers, files, '2026-06-01');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'lifecycle/sunset-passed-with-consumers',
        service: 'old',
        line: 3,
      }),
    ]);
    expect(findings[0].message).toContain('overdue');
    expect(findings[0].message).toContain('passed 12 days ago');
    expect(findings[0].message).toContain('"app" and "web"');
  });

  it('says nothing before the sunset, or when no one depends on the service', () => {
    expect(runRule(sunsetPassedWithConsumers, files, '2026-05-20')).toEqual([]);
    expect(
      runRule(
        sunsetPassedWithConsumers,
        catalog(
          '[service.old]',
          'status = "deprecated"',
          'sunset_date = "2026-05-20"',
        ),
        '2027-01-01',
      ),
    ).toEqual([]);
  });
});

describe('sunsetPassedWithConsumers: where to migrate', () => {
  it('names the live end of the replacement chain, or says that none is named', () => {
    const findings = runRule(
      sunsetPassedWithConsumers,
      catalog(
        '[service.v1]',
        'status = "deprecated"',
        'sunset_date = "2026-05-20"',
        'replacement_service = "v2"',
        '[service.v2]',
        'status = "retired"',
        'replacement_service = "v3"',
        '[service.v3]',
        '[service.lost]',
        'status = "deprecated"',
        'sunset_date = "2026-05-20"',
        'replacement_service = "v1"',
        '[service.gone]',
        'status = "deprecated"',
        'sunset_date = "2026-05-20"',
        'replacement_service = "nowhere"',
        '[service.app]',
        'dependencies.requires = ["v1", "lost", "gone"]',
      ),
      '2026-06-01',
    );
    expect(findings.map(f => f.message)).toEqual([
      'Service "gone" is overdue: its sunset_date 2026-05-20 passed 12 days ago and 1 service still depends on it: "app". Migrate them to a live successor (replacement_service "nowhere" is none: no registry file declares it), or move sunset_date to a new announced date.',
      'Service "lost" is overdue: its sunset_date 2026-05-20 passed 12 days ago and 1 service still depends on it: "app". Migrate them to "v3", the live end of its replacements v1 → v2 → v3, or move sunset_date to a new announced date.',
      'Service "v1" is overdue: its sunset_date 2026-05-20 passed 12 days ago and 1 service still depends on it: "app". Migrate them to "v3", the live end of its replacements v2 → v3, or move sunset_date to a new announced date.',
    ]);
  });
});

describe('sunsetPassedWithConsumers: the successor among the consumers', () => {
  const withShop = (consumers: string) =>
    catalog(
      '[service.old-api]',
      'status = "deprecated"',
      'sunset_date = "2026-05-20"',
      'replacement_service = "new-api"',
      '[service.new-api]',
      'dependencies.requires = ["old-api"]',
      '[service.shop]',
      `dependencies.requires = [${consumers}]`,
    );

  it('tells the replacement to take over what it still uses, not to migrate to itself', () => {
    const [alone] = runRule(
      sunsetPassedWithConsumers,
      withShop(''),
      '2026-06-01',
    );
    expect(alone.message).toBe(
      'Service "old-api" is overdue: its sunset_date 2026-05-20 passed 12 days ago and 1 service still depends on it: "new-api". Take over in "new-api", its replacement, what it still uses "old-api" for, or move sunset_date to a new announced date.',
    );
    const [both] = runRule(
      sunsetPassedWithConsumers,
      withShop('"old-api"'),
      '2026-06-01',
    );
    expect(both.message).toContain(
      'still depend on it: "new-api" and "shop". Migrate "shop" to "new-api" and take over in "new-api", its replacement, what it still uses "old-api" for, or move sunset_date',
    );
  });
});

describe('sunsetPassedWithConsumers: retired consumers', () => {
  const overdue = [
    '[service.old]',
    'status = "deprecated"',
    'sunset_date = "2026-05-20"',
    'replacement_service = "new"',
    '[service.new]',
  ];

  it('does not count a retired service as a consumer', () => {
    const findings = runRule(
      sunsetPassedWithConsumers,
      catalog(
        ...overdue,
        '[service.app]',
        'dependencies.requires = ["old"]',
        '[service.legacy]',
        'status = "retired"',
        'dependencies.requires = ["old"]',
      ),
      '2026-06-01',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      '1 service still depends on it: "app"',
    );
    expect(findings[0].message).not.toContain('legacy');
  });

  it('says nothing when only retired services still declare the dependency', () => {
    expect(
      runRule(
        sunsetPassedWithConsumers,
        catalog(
          ...overdue,
          '[service.legacy]',
          'status = "retired"',
          'dependencies = { requires = ["old"], optional = ["old"] }',
        ),
        '2026-06-01',
      ),
    ).toEqual([]);
  });

  it("leaves out the consumers a project retires, in that project's view only", () => {
    // pa and pb give old their own sunset; gw (global) is retired in pa only, pa-app is retired
    const project = (id: string, ...lines: string[]) =>
      [
        '[project]',
        '[service.old]',
        'sunset_date = "2026-05-25"',
        '[service.gw]',
        ...lines,
        `[service.${id}-app]`,
        ...(id === 'pa' ? ['status = "retired"'] : []),
        'dependencies.requires = ["old"]',
      ].join('\n');
    const findings = runRule(
      sunsetPassedWithConsumers,
      {
        ...catalog(
          ...overdue,
          '[service.gw]',
          'dependencies.requires = ["old"]',
        ),
        'projects/pa/services.toml': project('pa', 'status = "retired"'),
        'projects/pb/services.toml': project('pb', 'owner = "@pb"'),
      },
      '2026-06-01',
    );
    const listed = findings.map(f => [
      f.project,
      /depends? on it: (.*)\. Migrate/.exec(f.message)?.[1],
    ]);
    // the global declaration: gw still runs outside pa; pa: its consumers are retired
    expect(listed).toEqual([
      [undefined, '"gw"'],
      ['pb', '"gw" and "pb-app"'],
    ]);
  });

  it('counts a consumer retired globally in the projects whose override keeps it running', () => {
    const findings = runRule(
      sunsetPassedWithConsumers,
      {
        ...catalog(
          ...overdue,
          '[service.gw]',
          'status = "retired"',
          'dependencies.requires = ["old"]',
        ),
        'projects/pa/services.toml': '[project]\n[service.gw]\nstatus = "ga"',
      },
      '2026-06-01',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      '1 service still depends on it: "gw"',
    );
  });
});
