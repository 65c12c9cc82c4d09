import { buildDependencyGraph } from '../graph/buildDependencyGraph';
import { loadDemoRegistry } from '../sla/__testUtils__/demoRegistry';
import { registryOf } from '../validation/__testUtils__/registryOf';
import {
  computeDeprecation,
  computeDeprecations,
  countDeprecations,
  deprecatedDependenciesOf,
} from './computeDeprecations';

const TODAY = '2026-11-22';

describe('computeDeprecations on the demo registry', () => {
  const registry = loadDemoRegistry();
  const graph = buildDependencyGraph(registry);
  const records = computeDeprecations(registry, graph, TODAY);

  it('has one record per deprecated service, the most urgent first', () => {
    expect(
      records.map(r => [
        r.service,
        r.status,
        r.daysToSunset,
        r.remainingConsumers,
      ]),
    ).toEqual([
      ['old-api', 'overdue', -186, 1],
      ['payments-gateway-v2', 'at-risk', 18, 1],
      ['legacy-search', 'on-track', 99, 2],
    ]);
    expect(countDeprecations(records)).toEqual({
      total: 3,
      overdue: 1,
      'at-risk': 1,
      'no-sunset': 0,
      'on-track': 1,
      done: 0,
    });
  });

  it('gives dates, replacement, guide, consumers with project and owner, and remaining effort', () => {
    const legacy = records.find(r => r.service === 'legacy-search')!;
    expect(legacy).toEqual({
      service: 'legacy-search',
      name: 'Legacy Search',
      project: null,
      owner: 'search-team',
      tier: 'high',
      lifecycle: 'deprecated',
      deprecationDate: '2026-09-01',
      sunsetDate: '2027-03-01',
      supportUntil: '2027-03-01',
      daysToSunset: 99,
      daysSinceDeprecation: 82,
      replacement: {
        id: 'search-service',
        exists: true,
        name: 'Search Service',
        status: 'ga',
        deprecated: false,
        retired: false,
        migrateTo: 'search-service',
      },
      guideUrl: 'https://wiki.example.com/legacy-search-migration',
      difficulty: 'moderate',
      effortHoursPerConsumer: 16,
      consumers: [
        {
          id: 'project-b-warehouse',
          name: 'Warehouse Management',
          project: 'project-b',
          owner: 'logistics-team',
          status: 'ga',
          tier: 'high',
          optional: false,
          range: '^1.9',
        },
      ],
      optionalConsumers: [
        {
          id: 'project-b-shipping',
          name: 'Shipping Service',
          project: 'project-b',
          owner: 'logistics-team',
          status: 'ga',
          tier: 'high',
          optional: true,
        },
      ],
      projects: ['project-b'],
      remainingConsumers: 2,
      remainingEffortHours: 32,
      status: 'on-track',
      message:
        'legacy-search is on track: sunset on 2027-03-01, in 99 days; 2 services still depend on it. Consumers should migrate to "search-service".',
    });
    const old = records[0];
    expect(old.message).toBe(
      'old-api is overdue: sunset on 2026-05-20, 186 days ago, and 1 service still depends on it. Consumers should migrate to "new-api".',
    );
    expect(old.consumers.map(c => [c.id, c.project, c.owner])).toEqual([
      ['project-c-reporting', 'project-c', 'data-team'],
    ]);
    expect(old.remainingEffortHours).toBe(2);
    expect(old.replacement).toMatchObject({ id: 'new-api', exists: true });
    expect(records[1]).toMatchObject({
      difficulty: 'hard',
      remainingEffortHours: 40,
      message:
        'payments-gateway-v2 is at risk: sunset on 2026-12-10, in 18 days, and 1 service still depends on it. Consumers should migrate to "payments-gateway-v3".',
    });
  });

  it('leaves out a retired service nobody depends on, but can still describe it', () => {
    expect(records.some(r => r.service === 'payments-gateway-v1')).toBe(false);
    expect(
      computeDeprecation(registry, graph, 'payments-gateway-v1', TODAY),
    ).toMatchObject({ lifecycle: 'retired', status: 'done', consumers: [] });
    expect(
      computeDeprecation(registry, graph, 'new-api', TODAY),
    ).toBeUndefined();
  });
});

describe('computeDeprecations statuses', () => {
  const registry = registryOf({
    'services/catalog.toml': [
      '[service.done-svc]',
      'status = "deprecated"',
      'sunset_date = "2026-01-01"',
      '[service.vague]',
      'status = "deprecated"',
      'replacement_service = "ghost"',
      '[service.gone]',
      'status = "retired"',
      'sunset_date = "2027-01-01"',
      'replacement_service = "vague"',
      '[service.edge]',
      'status = "deprecated"',
      'sunset_date = "2026-02-14"',
      'migration = { estimated_effort_hours = 3 }',
      '[service.user]',
      'owner = "team-u"',
      'dependencies = { requires = ["vague", "gone"], optional = ["edge"] }',
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]',
      'owner = "p-team"',
      '[service.p-app]',
      'dependencies.requires = ["edge@^1"]',
    ].join('\n'),
  });
  const graph = buildDependencyGraph(registry);

  it('classifies done, no-sunset, retired with consumers, and the 30-day boundary', () => {
    const at = (today: string) =>
      computeDeprecations(registry, graph, today).map(r => [
        r.service,
        r.status,
      ]);
    expect(at('2026-01-15')).toEqual([
      ['gone', 'overdue'],
      ['vague', 'no-sunset'],
      ['edge', 'on-track'],
      ['done-svc', 'done'],
    ]);
    // 30 days before the sunset is still on track; 29 is at risk.
    expect(at('2026-01-16')).toContainEqual(['edge', 'at-risk']);
    expect(at('2026-02-14')).toContainEqual(['edge', 'at-risk']);
    expect(at('2026-02-15')).toContainEqual(['edge', 'overdue']);
  });

  it('reports the replacement as missing or deprecated, and effort over all consumers', () => {
    const records = computeDeprecations(registry, graph, '2026-01-15');
    const byId = new Map(records.map(r => [r.service, r]));
    expect(byId.get('vague')!.replacement).toEqual({
      id: 'ghost',
      exists: false,
      deprecated: false,
      retired: false,
    });
    expect(byId.get('gone')!.replacement).toMatchObject({
      id: 'vague',
      exists: true,
      deprecated: true,
    });
    expect(byId.get('gone')!.message).toBe(
      'gone is retired but 1 service still depends on it. Its replacement_service "vague" is no live service (its replacements vague → ghost reach no live service): ask the owners of "gone" where to migrate.',
    );
    const edge = byId.get('edge')!;
    expect(edge.consumers.map(c => [c.id, c.project, c.owner])).toEqual([
      ['p-app', 'p', 'p-team'],
    ]);
    expect(edge.optionalConsumers.map(c => c.id)).toEqual(['user']);
    expect(edge.remainingEffortHours).toBe(6);
    expect(byId.get('vague')!.remainingEffortHours).toBeUndefined();
    expect(byId.get('done-svc')!.message).toBe(
      'done-svc has no consumers left: it can be retired.',
    );
  });

  it('refuses a today that is not a date', () => {
    expect(() => computeDeprecations(registry, graph, '15/01/2026')).toThrow(
      TypeError,
    );
  });

  it('lists the deprecated and retired dependencies of a consumer, errors first', () => {
    expect(
      deprecatedDependenciesOf(registry, graph, 'user', '2026-01-15'),
    ).toEqual([
      expect.objectContaining({
        service: 'gone',
        lifecycle: 'retired',
        optional: false,
        severity: 'error',
        status: 'overdue',
        message:
          'user requires "gone", which is retired: its replacement_service "vague" is no live service (its replacements vague → ghost reach no live service), so ask the owners of "gone" where to migrate.',
      }),
      expect.objectContaining({
        service: 'edge',
        optional: true,
        sunsetDate: '2026-02-14',
        daysToSunset: 30,
        severity: 'warning',
        status: 'on-track',
        message:
          'user optionally uses "edge", which is deprecated (sunset on 2026-02-14, in 30 days): migrate to its successor.',
      }),
      expect.objectContaining({
        service: 'vague',
        severity: 'warning',
        status: 'no-sunset',
        replacement: expect.objectContaining({ id: 'ghost', exists: false }),
        message:
          'user requires "vague", which is deprecated (no sunset date announced yet): its replacement_service "ghost" is no live service (no registry file declares it), so ask the owners of "vague" where to migrate.',
      }),
    ]);
    expect(
      deprecatedDependenciesOf(registry, graph, 'p-app', '2026-03-01'),
    ).toEqual([
      expect.objectContaining({
        service: 'edge',
        range: '^1',
        severity: 'error',
        daysToSunset: -15,
      }),
    ]);
    expect(
      deprecatedDependenciesOf(registry, graph, 'done-svc', '2026-03-01'),
    ).toEqual([]);
  });
});

describe('computeDeprecations and chains of replacements', () => {
  const registry = registryOf({
    'services/catalog.toml': [
      '[service.v1]',
      'status = "deprecated"',
      'sunset_date = "2027-01-01"',
      'replacement_service = "v2"',
      'migration = { guide_url = "https://wiki.example.com/v1" }',
      '[service.v2]',
      'status = "deprecated"',
      'replacement_service = "v3"',
      '[service.v3]',
      'dependencies.requires = ["v1"]',
      '[service.app]',
      'dependencies.requires = ["v1"]',
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]',
      '[service.v3]',
      'status = "deprecated"',
      'replacement_service = "v4"',
      '[service.v4]',
      '[service.p-app]',
      'dependencies.requires = ["v1"]',
    ].join('\n'),
  });
  const graph = buildDependencyGraph(registry);
  const messageOf = (consumer: string) =>
    deprecatedDependenciesOf(registry, graph, consumer, '2026-01-15')[0]
      .message;

  it('sends a consumer to the live end of the chain, not to a deprecated replacement', () => {
    expect(messageOf('app')).toBe(
      'app requires "v1", which is deprecated (sunset on 2027-01-01, in 351 days): migrate to "v3", the live end of its replacements v2 → v3 (guide: https://wiki.example.com/v1).',
    );
  });

  it('follows the chain as the consumer’s project sees it', () => {
    expect(messageOf('p-app')).toBe(
      'p-app requires "v1", which is deprecated (sunset on 2027-01-01, in 351 days): migrate to "v4", the live end of its replacements v2 → v3 → v4 (guide: https://wiki.example.com/v1).',
    );
  });

  it('follows the replacement the consumer’s project gives the service', () => {
    const overridden = registryOf({
      'services/catalog.toml': [
        '[service.v1]',
        'status = "deprecated"',
        'replacement_service = "v2"',
        '[service.v2]',
      ].join('\n'),
      'projects/q/services.toml': [
        '[project]',
        '[service.v1]',
        'replacement_service = "q-v1"',
        '[service.q-v1]',
        '[service.q-app]',
        'dependencies.requires = ["v1"]',
      ].join('\n'),
    });
    expect(
      deprecatedDependenciesOf(
        overridden,
        buildDependencyGraph(overridden),
        'q-app',
        '2026-01-15',
      )[0].message,
    ).toBe(
      'q-app requires "v1", which is deprecated (no sunset date announced yet): migrate to "q-v1".',
    );
  });

  it('gives the consumer the replacement and migration target its project sees, as its message does', () => {
    const overridden = registryOf({
      'services/catalog.toml': [
        '[service.v1]',
        'status = "deprecated"',
        'replacement_service = "v2"',
        '[service.v2]',
        '[service.app]',
        'dependencies.requires = ["v1"]',
      ].join('\n'),
      'projects/q/services.toml': [
        '[project]',
        '[service.v1]',
        'replacement_service = "q-v1"',
        '[service.q-v1]',
        'status = "deprecated"',
        'replacement_service = "q-v2"',
        '[service.q-v2]',
        '[service.q-app]',
        'dependencies.requires = ["v1"]',
      ].join('\n'),
    });
    const overriddenGraph = buildDependencyGraph(overridden);
    const [inQ] = deprecatedDependenciesOf(
      overridden,
      overriddenGraph,
      'q-app',
      '2026-01-15',
    );
    expect(inQ.replacement).toMatchObject({
      id: 'q-v1',
      exists: true,
      deprecated: true,
      migrateTo: 'q-v2',
    });
    expect(inQ.message).toContain('migrate to "q-v2"');
    // a consumer outside the project keeps the global declaration's
    const [global] = deprecatedDependenciesOf(
      overridden,
      overriddenGraph,
      'app',
      '2026-01-15',
    );
    expect(global.replacement).toMatchObject({
      id: 'v2',
      deprecated: false,
      migrateTo: 'v2',
    });
  });

  it('tells the live successor that still uses the service to take over that use', () => {
    expect(messageOf('v3')).toBe(
      'v3 requires "v1", which is deprecated (sunset on 2027-01-01, in 351 days): "v3" is its live successor, so take over what it still uses "v1" for (guide: https://wiki.example.com/v1).',
    );
  });

  it('names the live successor in the record, its message and its replacement', () => {
    const record = computeDeprecation(registry, graph, 'v1', '2026-01-15')!;
    expect(record.replacement).toMatchObject({
      id: 'v2',
      deprecated: true,
      migrateTo: 'v3',
    });
    expect(record.message).toBe(
      'v1 is on track: sunset on 2027-01-01, in 351 days; 3 services still depend on it. Consumers should migrate to "v3", the live end of its replacements v2 → v3; "v3" itself takes over what it still uses "v1" for.',
    );
  });
});

describe('computeDeprecations and retired consumers', () => {
  const registry = registryOf({
    'services/catalog.toml': [
      '[service.old]',
      'status = "deprecated"',
      'sunset_date = "2027-01-01"',
      'replacement_service = "new"',
      'migration = { estimated_effort_hours = 4 }',
      '[service.new]',
      '[service.gone]',
      'status = "retired"',
      '[service.app]',
      'dependencies.requires = ["old"]',
      '[service.batch]',
      'status = "retired"',
      'dependencies.requires = ["old", "gone"]',
      '[service.shared-web]',
      'dependencies.requires = ["old"]',
    ].join('\n'),
    'projects/p/services.toml': [
      '[project]',
      '[service.shared-web]',
      'status = "retired"',
    ].join('\n'),
  });
  const graph = buildDependencyGraph(registry);

  it('counts a consumer that retired as migrated, and drops a retired service only retired services use', () => {
    const records = computeDeprecations(registry, graph, '2026-11-22');
    expect(records.map(r => r.service)).toEqual(['old']);
    const [old] = records;
    expect(old.consumers.map(c => [c.id, c.project])).toEqual([
      ['app', null],
      ['shared-web', null],
    ]);
    expect(old.remainingConsumers).toBe(2);
    expect(old.remainingEffortHours).toBe(8);
  });
});
