import { registryOf } from '../validation/__testUtils__/registryOf';
import { loadDemoRegistry } from './__testUtils__/demoRegistry';
import { slaOverview } from './slaOverview';

describe('slaOverview', () => {
  it('groups the demo registry by tier with compliance counts per project', () => {
    const overview = slaOverview(loadDemoRegistry());
    expect(overview.tiers.map(t => [t.tier, t.counts.services])).toEqual([
      ['critical', 7],
      ['high', 7],
      ['medium', 8],
      ['low', 2],
      [null, 3],
    ]);
    expect(overview.tiers[0].policy).toEqual({
      availability: '99.99%',
      response_time_p99: '100ms',
      rto: '5m',
      rpo: '1m',
      support_hours: '24/7',
    });
    const high = overview.tiers[1];
    expect(high.services.find(s => s.id === 'shared-config')).toEqual({
      id: 'shared-config',
      name: 'Shared Config',
      project: null,
      owner: 'platform-team',
      status: 'ga',
      tier: 'high',
      compliance: 'incomplete',
      weaker: 0,
      missing: 2,
      gaps: [
        'no rto declared, high tier requires 30m',
        'no rpo declared, high tier requires 5m',
      ],
      availability: 99.9,
      responseTimeP99Ms: 150,
    });
    expect(overview.projects).toEqual([
      {
        project: 'project-a',
        name: 'E-Commerce Platform',
        counts: {
          services: 6,
          compliant: 5,
          nonCompliant: 0,
          incomplete: 1,
          noPolicy: 0,
        },
      },
      expect.objectContaining({ project: 'project-b' }),
      expect.objectContaining({ project: 'project-c' }),
      expect.objectContaining({ project: null }),
    ]);
    // payments-gateway-v1 is retired: not counted.
    expect(overview.counts).toEqual({
      services: 27,
      compliant: 9,
      nonCompliant: 0,
      incomplete: 15,
      noPolicy: 3,
    });
  });

  it('tells a project named global from the global services', () => {
    const registry = registryOf({
      'services/catalog.toml': '[service.auth]\nowner = "platform"',
      'projects/global/services.toml': '[service.portal]\nowner = "web"',
    });
    const ids = (o: ReturnType<typeof slaOverview>) =>
      o.tiers.flatMap(t => t.services.map(s => s.id));
    expect(ids(slaOverview(registry, { project: 'global' }))).toEqual([
      'portal',
    ]);
    expect(ids(slaOverview(registry, { project: null }))).toEqual(['auth']);
    expect(ids(slaOverview(registry)).sort()).toEqual(['auth', 'portal']);
  });

  it('filters by project, tier and owner', () => {
    const registry = registryOf({
      'policies/sla.toml': '[sla.high]\navailability = "99.9%"',
      'services/catalog.toml': [
        '[service.auth]',
        'owner = "@platform"',
        'tier = "high"',
        'sla = { availability = "99%" }',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        'tier = "high"',
        '[service.web]',
        'owner = "shop"',
        'sla = { availability = "99.95%" }',
        '[service.job]',
        'owner = "shop"',
        'tier = "low"',
      ].join('\n'),
    });
    const shop = slaOverview(registry, { project: 'shop' });
    expect(shop.tiers.map(t => [t.tier, t.services.map(s => s.id)])).toEqual([
      ['high', ['web']],
      ['low', ['job']],
    ]);
    expect(shop.counts).toMatchObject({
      services: 2,
      compliant: 1,
      noPolicy: 1,
    });
    const global = slaOverview(registry, { project: null });
    expect(global.tiers[0].services[0]).toMatchObject({
      id: 'auth',
      compliance: 'non-compliant',
      gaps: ['availability 99% declared, high tier requires 99.9%'],
    });
    expect(global.projects).toEqual([
      expect.objectContaining({ project: null }),
    ]);
    expect(slaOverview(registry, { owner: 'platform' }).counts.services).toBe(
      1,
    );
    expect(
      slaOverview(registry, { tier: 'high', owner: '@shop' }).tiers,
    ).toEqual([
      expect.objectContaining({
        tier: 'high',
        services: [expect.objectContaining({ id: 'web' })],
      }),
    ]);
    expect(slaOverview(registry, { project: 'global' }).counts.services).toBe(
      0,
    );
    expect(slaOverview(registry, { project: 'nope' })).toEqual({
      tiers: [],
      projects: [],
      counts: {
        services: 0,
        compliant: 0,
        nonCompliant: 0,
        incomplete: 0,
        noPolicy: 0,
      },
    });
  });

  it("counts a service without an owner of its own as its project owner's, as the catalog shows it", () => {
    const registry = registryOf({
      'services/catalog.toml': '[service.auth]\ntier = "high"',
      'projects/shop/services.toml': [
        '[project]',
        'owner = "@shop-team"',
        '[service.web]',
        'tier = "high"',
        '[service.admin]',
        'owner = "web-team"',
        'tier = "high"',
      ].join('\n'),
    });
    const shopTeam = slaOverview(registry, { owner: 'shop-team' });
    expect(shopTeam.tiers.flatMap(t => t.services.map(s => s.id))).toEqual([
      'web',
    ]);
    expect(shopTeam.tiers[0].services[0].owner).toBe('@shop-team');
    expect(
      slaOverview(registry, { owner: 'web-team' }).tiers[0].services.map(
        s => s.id,
      ),
    ).toEqual(['admin']);
    // a global service has no project to inherit from
    expect(
      slaOverview(registry, { project: null }).tiers[0].services[0].owner,
    ).toBeUndefined();
  });
});
