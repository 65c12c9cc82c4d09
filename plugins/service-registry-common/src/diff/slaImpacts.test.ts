import {
  registryOf,
  TIER_SLA_POLICIES as POLICIES,
} from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

const CONSUMERS = [
  '[service.app]',
  'owner = "@app-team"',
  'sla = { availability = "99.99%" }',
  'dependencies.requires = ["db"]',
  '[service.web]',
  'sla = { availability = "99.9%" }',
  'dependencies.requires = ["db"]',
  '[service.opt]',
  'sla = { availability = "99.99%" }',
  'dependencies.optional = ["db"]',
];

function registry(db: string[], more: Record<string, string> = {}) {
  return registryOf({
    'policies/sla.toml': POLICIES,
    'services/catalog.toml': ['[service.db]', ...db, ...CONSUMERS].join('\n'),
    ...more,
  });
}

describe('diff: SLA impact on consumers', () => {
  it('reports a required service whose availability drops below what a consumer promises, as a warning apart from breaking changes', () => {
    const diff = diffRegistries(
      registry(['sla = { availability = "99.99%" }']),
      registry(['sla = { availability = "99.9%" }']),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toEqual([]);
    expect(diff.slaImpacts).toEqual([
      {
        service: 'db',
        changes: [{ target: 'availability', before: '99.99%', after: '99.9%' }],
        consumers: [
          {
            id: 'app',
            project: null,
            owner: '@app-team',
            shortfalls: [
              { target: 'availability', consumer: '99.99%', provider: '99.9%' },
            ],
          },
        ],
        affectedProjects: [],
        message:
          'The SLA of "db" gets weaker (availability 99.99% → 99.9%): 1 consumer that requires it promises more than it now does: "app" (availability 99.99%). Keep the SLA of "db" (or its tier), or have each consumer lower its promise or make the dependency optional with a fallback.',
        position: { file: 'services/catalog.toml', line: 2, column: 9 },
      },
    ]);
  });

  it('counts a lowered tier through the targets its policy supplies, with the consumers and projects it affects', () => {
    const shop = {
      'projects/shop/services.toml': [
        '[project]',
        'tier = "critical"',
        '[service.shop-api]',
        'owner = "@shop-team"',
        'dependencies.requires = ["db"]',
      ].join('\n'),
    };
    const diff = diffRegistries(
      registry(['tier = "critical"'], shop),
      registry(['tier = "high"'], shop),
      { today: TODAY },
    );
    expect(diff.slaImpacts).toHaveLength(1);
    expect(diff.slaImpacts[0]).toMatchObject({
      service: 'db',
      changes: [
        {
          target: 'availability',
          before: '99.99% (critical tier policy)',
          after: '99.9% (high tier policy)',
        },
        {
          target: 'response_time_p99',
          before: '100ms (critical tier policy)',
          after: '200ms (high tier policy)',
        },
        { target: 'tier', before: 'critical', after: 'high' },
      ],
      affectedProjects: ['shop'],
      position: { file: 'services/catalog.toml', line: 2 },
    });
    expect(
      diff.slaImpacts[0].consumers.map(c => [
        c.id,
        c.project,
        c.shortfalls.map(s => s.target),
      ]),
    ).toEqual([
      ['app', null, ['availability']],
      ['shop-api', 'shop', ['availability', 'response_time_p99']],
    ]);
    expect(diff.slaImpacts[0].message).toContain(
      '"shop-api" in project "shop" (availability 99.99% (critical tier policy), response_time_p99 100ms (critical tier policy))',
    );
  });

  it('says nothing when the weaker SLA still covers every consumer, or nothing got weaker', () => {
    const covered = diffRegistries(
      registry(['sla = { availability = "99.999%" }']),
      registry(['sla = { availability = "99.99%", response_time_p99 = "1s" }']),
      { today: TODAY },
    );
    expect(covered.slaImpacts).toEqual([]);
    const stronger = diffRegistries(
      registry(['sla = { availability = "99.9%" }']),
      registry(['sla = { availability = "99.95%" }']),
      { today: TODAY },
    );
    expect(stronger.slaImpacts).toEqual([]);
  });

  it('reports a dropped SLA (no own target, no tier policy to fall back on) as weakened to none, for each consumer that promises a value', () => {
    const diff = diffRegistries(
      registry([
        'owner = "@db-team"',
        'sla = { availability = "99.99%", response_time_p99 = "50ms" }',
      ]),
      registry(['owner = "@db-team"']),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toEqual([]);
    expect(diff.slaImpacts).toEqual([
      {
        service: 'db',
        changes: [
          { target: 'availability', before: '99.99%', after: 'none' },
          { target: 'response_time_p99', before: '50ms', after: 'none' },
        ],
        // "opt" only takes it as optional; neither consumer promises a response time
        consumers: [
          {
            id: 'app',
            project: null,
            owner: '@app-team',
            shortfalls: [
              { target: 'availability', consumer: '99.99%', provider: 'none' },
            ],
          },
          {
            id: 'web',
            project: null,
            shortfalls: [
              { target: 'availability', consumer: '99.9%', provider: 'none' },
            ],
          },
        ],
        affectedProjects: [],
        message:
          'The SLA of "db" gets weaker (availability 99.99% → none, response_time_p99 50ms → none): 2 consumers that require it promise more than it now does: "app" (availability 99.99%), "web" (availability 99.9%). Keep the SLA of "db" (or its tier), or have each consumer lower its promise or make the dependency optional with a fallback.',
        // no weakened key is left to point at: the service's header
        position: { file: 'services/catalog.toml', line: 1, column: 1 },
      },
    ]);
  });

  it('compares a dropped own target with the tier policy it falls back on, and a dropped tier as none', () => {
    const fallsBack = diffRegistries(
      registry(['tier = "high"', 'sla = { availability = "99.99%" }']),
      registry(['tier = "high"']),
      { today: TODAY },
    );
    expect(fallsBack.slaImpacts.map(i => i.changes)).toEqual([
      [
        {
          target: 'availability',
          before: '99.99%',
          after: '99.9% (high tier policy)',
        },
      ],
    ]);
    expect(fallsBack.slaImpacts[0].consumers.map(c => c.id)).toEqual(['app']);

    const untiered = diffRegistries(registry(['tier = "high"']), registry([]), {
      today: TODAY,
    });
    expect(untiered.slaImpacts.map(i => i.changes)).toEqual([
      [
        {
          target: 'availability',
          before: '99.9% (high tier policy)',
          after: 'none',
        },
        {
          target: 'response_time_p99',
          before: '200ms (high tier policy)',
          after: 'none',
        },
        { target: 'tier', before: 'high', after: 'none' },
      ],
    ]);
  });

  it('says nothing when a dropped target is one no consumer promises', () => {
    const diff = diffRegistries(
      registry([
        'sla = { availability = "99.999%", response_time_p99 = "50ms" }',
      ]),
      registry(['sla = { availability = "99.999%" }']),
      { today: TODAY },
    );
    expect(diff.slaImpacts).toEqual([]);
  });

  it("reports an override's weaker SLA on that project's view, for that project's consumers only", () => {
    const shop = (availability: string) => ({
      'projects/shop/services.toml': [
        '[project]',
        '[service.db]',
        `sla = { availability = "${availability}" }`,
        '[service.shop-api]',
        'sla = { availability = "99.95%" }',
        'dependencies.requires = ["db"]',
      ].join('\n'),
    });
    const diff = diffRegistries(
      registry(['sla = { availability = "99.99%" }'], shop('99.99%')),
      registry(['sla = { availability = "99.99%" }'], shop('99.5%')),
      { today: TODAY },
    );
    expect(diff.slaImpacts).toHaveLength(1);
    expect(diff.slaImpacts[0]).toMatchObject({
      service: 'db',
      project: 'shop',
      override: true,
      changes: [{ target: 'availability', before: '99.99%', after: '99.5%' }],
      affectedProjects: ['shop'],
      position: { file: 'projects/shop/services.toml', line: 3 },
    });
    expect(diff.slaImpacts[0].consumers.map(c => c.id)).toEqual(['shop-api']);
    expect(diff.slaImpacts[0].message).toMatch(/^In project "shop": /);
  });

  it('lists a global change once, with the consumers of projects whose view inherits it', () => {
    const shop = {
      'projects/shop/services.toml': [
        '[project]',
        '[service.db]',
        'port = 5432',
        '[service.shop-api]',
        'sla = { availability = "99.95%" }',
        'dependencies.requires = ["db"]',
      ].join('\n'),
    };
    const diff = diffRegistries(
      registry(['sla = { availability = "99.99%" }'], shop),
      registry(['sla = { availability = "99.9%" }'], shop),
      { today: TODAY },
    );
    expect(
      diff.slaImpacts.map(i => [
        i.service,
        i.project,
        i.consumers.map(c => [c.id, c.project]),
        i.affectedProjects,
      ]),
    ).toEqual([
      [
        'db',
        undefined,
        [
          ['app', null],
          ['shop-api', 'shop'],
        ],
        ['shop'],
      ],
    ]);
  });
});

describe('diff: SLA impact on retired consumers', () => {
  it('leaves out a consumer retired before the change, even when the change revives it', () => {
    const legacy = (status: string) => ({
      'projects/p/services.toml': [
        '[project]',
        '[service.legacy]',
        `status = "${status}"`,
        'sla = { availability = "99.99%" }',
        'dependencies.requires = ["db"]',
      ].join('\n'),
    });
    const diff = diffRegistries(
      registry(['sla = { availability = "99.99%" }'], legacy('retired')),
      registry(['sla = { availability = "99.9%" }'], legacy('ga')),
      { today: TODAY },
    );
    expect(diff.slaImpacts.map(i => i.consumers.map(c => c.id))).toEqual([
      ['app'],
    ]);
  });
});
