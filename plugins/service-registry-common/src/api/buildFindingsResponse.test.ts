import { loadRegistry } from '../load/buildRegistry';
import { validateRegistry } from '../validation';
import { buildFindingsResponse, FindingsSource } from './buildFindingsResponse';

const CATALOG = `[service.auth]
owner = "@platform-team"
version = "2.0.0"
status = "ga"
port = 70000

[service.orphan]
version = "1.0.0"
status = "ga"
[service.orphan.dependencies]
requires = ["missing"]
`;

const SHOP = `[project]
name = "Shop"
owner = "shop-team"

[service.checkout]
owner = "shop-team"
version = "1.0.0"
status = "ga"
unknown_field = 1
[service.checkout.dependencies]
requires = ["auth", "nowhere"]
`;

function source(rootLocation: string): FindingsSource {
  const registry = loadRegistry([
    { path: 'services/catalog.toml', text: CATALOG },
    { path: 'projects/shop/services.toml', text: SHOP },
  ]);
  return {
    providerId: 'default',
    registry,
    findings: validateRegistry(registry, { today: '2026-01-15' }),
    state: 'ok',
    summary: 'ok',
    updatedAt: '2026-01-15T08:30:00.000Z',
    rootLocation,
  };
}

describe('buildFindingsResponse', () => {
  const local = source('file:/srv/registry/');
  const github = source('url:https://github.com/acme/registry/tree/main/');

  it('lists errors first and keeps the file order within a severity', () => {
    const { items } = buildFindingsResponse(local);
    expect(items.length).toBe(local.findings.length);
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = items.map(f => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const errors = local.findings.filter(f => f.severity === 'error');
    expect(items.slice(0, errors.length).map(f => f.code)).toEqual(
      errors.map(f => f.code),
    );
    expect(items.some(f => f.severity === 'warning')).toBe(true);
  });

  it('adds the owner of the service, and a line link only for a registry read from a URL', () => {
    const local0 = buildFindingsResponse(local, { service: 'checkout' }).items;
    expect(local0.length).toBeGreaterThan(0);
    for (const item of local0) {
      expect(item.owner).toBe('shop-team');
      expect(item).not.toHaveProperty('url');
    }
    const linked = buildFindingsResponse(github, { service: 'checkout' }).items;
    expect(linked.map(f => f.url)).toEqual(
      linked.map(
        f =>
          `https://github.com/acme/registry/tree/main/projects/shop/services.toml#L${f.line}`,
      ),
    );
    const orphan = buildFindingsResponse(local, { service: 'orphan' }).items;
    expect(orphan.length).toBeGreaterThan(0);
    expect(orphan.every(f => !('owner' in f))).toBe(true);
  });

  it('applies every filter given', () => {
    const all = buildFindingsResponse(local).items;
    const by = (query: Parameters<typeof buildFindingsResponse>[1]) =>
      buildFindingsResponse(local, query).items;
    expect(by({ severity: 'warning' })).toEqual(
      all.filter(f => f.severity === 'warning'),
    );
    expect(by({ file: 'services/catalog.toml' })).toEqual(
      all.filter(f => f.file === 'services/catalog.toml'),
    );
    // the project's own findings and those of its services
    expect(by({ project: 'shop' })).toEqual(
      all.filter(f => f.project === 'shop' || f.service === 'checkout'),
    );
    // a leading @ is ignored on both sides; findings without a service owner are left out
    expect(by({ owner: 'platform-team' })).toEqual(
      all.filter(f => f.service === 'auth'),
    );
    expect(by({ owner: '@platform-team' })).toEqual(
      by({ owner: 'platform-team' }),
    );
    expect(by({ owner: 'platform-team' }).length).toBeGreaterThan(0);
    expect(by({ severity: 'error', service: 'checkout' })).toEqual(
      all.filter(f => f.severity === 'error' && f.service === 'checkout'),
    );
  });

  it("names the project of a project's service whose finding names none (services/versions.toml)", () => {
    const release = {
      severity: 'warning' as const,
      code: 'release/version-not-released',
      message:
        'Service "checkout" runs 1.0.0, which services/versions.toml does not list.',
      file: 'services/versions.toml',
      line: 3,
      column: 1,
      service: 'checkout',
    };
    const items = buildFindingsResponse({
      ...local,
      findings: [release, { ...release, service: 'orphan' }],
    }).items;
    expect(items.map(f => [f.service, f.project])).toEqual([
      ['checkout', 'shop'],
      ['orphan', undefined],
    ]);
  });

  it("gives a service without an owner of its own its project's owner, and the owner filter finds it", () => {
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: '[project]\nowner = "@shop-team"\n\n[service.shop-api]\nport = "x"\n',
      },
    ]);
    const inherited: FindingsSource = {
      ...local,
      registry,
      findings: validateRegistry(registry, { today: '2026-01-15' }),
    };
    const all = buildFindingsResponse(inherited, { service: 'shop-api' }).items;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every(f => f.owner === '@shop-team')).toBe(true);
    expect(
      buildFindingsResponse(inherited, { owner: 'shop-team' }).items,
    ).toEqual(all);
    // blanks around the owner are ignored, as the SLA and deprecations filters ignore them
    expect(
      buildFindingsResponse(inherited, { owner: ' @shop-team ' }).items,
    ).toEqual(all);
    expect(
      buildFindingsResponse(inherited, { owner: 'other-team' }).items,
    ).toEqual([]);
  });
});
