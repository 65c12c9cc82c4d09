import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { loadRegistry } from '../load/buildRegistry';
import { RegistryFinding } from '../model/types';
import { validateRegistry } from '../validation';
import { buildProjectSummary } from './buildProjectSummary';
import { ServiceSummarySource } from './buildServiceSummary';
import { GLOBAL_PROJECT_ID } from './projectSummaryResponse';

const CATALOG = `[service.auth]
name = "Auth"
owner = "platform-team"
version = "2.0.0"
status = "ga"
tier = "critical"
port = 8080

[service.mailer]
name = "Mailer"
owner = "platform-team"
version = "1.1.0"
status = "deprecated"
deprecation_date = 2026-01-01
sunset_date = 2026-06-30
replacement_service = "auth"

[service.audit]
owner = "platform-team"
version = "0.5.0"
status = "beta"
[service.audit.dependencies]
requires = ["orders"]
`;

const SHOP = `[project]
name = "Shop"
description = "The web shop; admin at https://admin:hunter2pass@shop.example.com"
owner = "shop-team"
tier = "high"
environment = "production"

[service.orders]
name = "Orders"
owner = "shop-team"
version = "1.0.0"
status = "ga"
port = 8081
api_key = "sk_live_0123456789abcdefghijklmn"
[service.orders.dependencies]
requires = ["auth@^1.0", "mailer", "cart"]
optional = ["invoices"]
[service.orders.sla]
availability = "99.5%"

[service.cart]
owner = "shop-team"
version = "0.3.0"
status = "beta"
tier = "low"

[service.auth]
version = "1.4.0"
port = 9090
[service.auth.dependencies]
requires = ["ledger"]
`;

const BILLING = `[project-specific.billing]
name = "Billing"
owner = "billing-team"

[service.invoices]
owner = "billing-team"
version = "1.0.0"
status = "ga"
[service.invoices.dependencies]
requires = ["auth@^2.0", "orders", "ledger"]
optional = ["cart"]

[service.ledger]
owner = "billing-team"
version = "2.0.0"
status = "ga"
[service.ledger.dependencies]
requires = ["mailer"]
`;

const SLA = `[sla.high]
availability = "99.9%"

[sla.critical]
availability = "99.99%"
`;

function source(rootLocation = 'file:/srv/registry/'): ServiceSummarySource {
  const registry = loadRegistry([
    { path: 'services/catalog.toml', text: CATALOG },
    { path: 'projects/shop/services.toml', text: SHOP },
    { path: 'projects/billing/services.toml', text: BILLING },
    { path: 'policies/sla.toml', text: SLA },
  ]);
  return {
    providerId: 'default',
    registry,
    findings: validateRegistry(registry, { today: '2026-03-01' }),
    rootLocation,
  };
}

function summaryOf(projectId: string, rootLocation?: string) {
  const src = source(rootLocation);
  return {
    src,
    summary: buildProjectSummary(
      src,
      dependencyGraphOf(src.registry),
      projectId,
    ),
  };
}

function counted(findings: RegistryFinding[]) {
  return {
    errors: findings.filter(f => f.severity === 'error').length,
    warnings: findings.filter(f => f.severity === 'warning').length,
    infos: findings.filter(f => f.severity === 'info').length,
  };
}

describe('buildProjectSummary', () => {
  it('gives the project’s facts and where it is declared, linked for a registry read from a URL', () => {
    const { summary } = summaryOf(
      'billing',
      'url:https://github.com/acme/registry/tree/main/',
    );
    expect(summary!.registry).toBe('default');
    expect(summary!.project).toEqual({
      id: 'billing',
      name: 'Billing',
      owner: 'billing-team',
    });
    expect(summary!.source).toEqual({
      file: 'projects/billing/services.toml',
      line: 1,
      url: 'https://github.com/acme/registry/tree/main/projects/billing/services.toml#L1',
    });

    const shop = summaryOf('shop').summary!;
    expect(shop.project).toMatchObject({
      id: 'shop',
      name: 'Shop',
      owner: 'shop-team',
      tier: 'high',
      environment: 'production',
    });
    // a registry read from a directory has no page to link to
    expect(shop.source).toEqual({
      file: 'projects/shop/services.toml',
      line: 1,
    });
  });

  it('lists its own services by id, with the tier they inherit, findings and deprecated dependencies', () => {
    const { src, summary } = summaryOf('shop');
    expect(summary!.services.map(s => s.id)).toEqual(['cart', 'orders']);
    const [cart, orders] = summary!.services;
    expect(orders).toMatchObject({
      name: 'Orders',
      status: 'ga',
      version: '1.0.0',
      effectiveTier: 'high',
      owner: 'shop-team',
      port: 8081,
      deprecatedDependencies: ['mailer'],
      overriddenBy: [],
    });
    // orders declares no tier: it has its project's
    expect(orders.tier).toBeUndefined();
    expect(orders.findings).toEqual(
      counted(src.findings.filter(f => f.service === 'orders')),
    );
    // the credential it writes, the deprecated mailer
    expect(orders.findings.errors).toBeGreaterThan(0);
    expect(orders.findings.warnings).toBeGreaterThan(0);
    expect(cart).toMatchObject({
      tier: 'low',
      effectiveTier: 'low',
      status: 'beta',
      deprecatedDependencies: [],
    });
    // the override of auth is not one of its services
    expect(summary!.services.find(s => s.id === 'auth')).toBeUndefined();
  });

  it('lists the global services it overrides with the fields each override writes', () => {
    expect(summaryOf('shop').summary!.overrides).toEqual([
      {
        id: 'auth',
        name: 'Auth',
        fields: ['dependencies', 'port', 'version'],
        status: 'ga',
      },
    ]);
    expect(summaryOf('billing').summary!.overrides).toEqual([]);
  });

  it('groups its dependencies by the other project, the global services last, overrides included', () => {
    expect(summaryOf('shop').summary!.dependencies).toEqual([
      {
        // orders uses invoices optionally; shop's override of auth requires ledger
        project: 'billing',
        name: 'Billing',
        services: [
          {
            service: 'invoices',
            requiredBy: [],
            optionalFor: ['orders'],
            status: 'ga',
          },
          {
            service: 'ledger',
            requiredBy: ['auth'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 2,
        required: 1,
        optional: 1,
      },
      {
        project: null,
        services: [
          {
            service: 'auth',
            requiredBy: ['orders'],
            optionalFor: [],
            status: 'ga',
          },
          {
            service: 'mailer',
            requiredBy: ['orders'],
            optionalFor: [],
            status: 'deprecated',
          },
        ],
        edges: 2,
        required: 2,
        optional: 0,
      },
    ]);
    // invoices' dependency on ledger stays inside billing
    expect(summaryOf('billing').summary!.dependencies).toEqual([
      {
        project: 'shop',
        name: 'Shop',
        services: [
          {
            service: 'cart',
            requiredBy: [],
            optionalFor: ['invoices'],
            status: 'beta',
          },
          {
            service: 'orders',
            requiredBy: ['invoices'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 2,
        required: 1,
        optional: 1,
      },
      {
        project: null,
        services: [
          {
            service: 'auth',
            requiredBy: ['invoices'],
            optionalFor: [],
            status: 'ga',
          },
          {
            service: 'mailer',
            requiredBy: ['ledger'],
            optionalFor: [],
            status: 'deprecated',
          },
        ],
        edges: 2,
        required: 2,
        optional: 0,
      },
    ]);
  });

  it('lists the services of other projects, and global ones, that use its services', () => {
    expect(summaryOf('shop').summary!.consumers).toEqual([
      {
        project: 'billing',
        name: 'Billing',
        services: [
          {
            service: 'cart',
            requiredBy: [],
            optionalFor: ['invoices'],
            status: 'beta',
          },
          {
            service: 'orders',
            requiredBy: ['invoices'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 2,
        required: 1,
        optional: 1,
      },
      {
        project: null,
        services: [
          {
            service: 'orders',
            requiredBy: ['audit'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 1,
        required: 1,
        optional: 0,
      },
    ]);
    // shop's override of auth is shop's dependency on ledger
    expect(summaryOf('billing').summary!.consumers).toEqual([
      {
        project: 'shop',
        name: 'Shop',
        services: [
          {
            service: 'invoices',
            requiredBy: [],
            optionalFor: ['orders'],
            status: 'ga',
          },
          {
            service: 'ledger',
            requiredBy: ['auth'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 2,
        required: 1,
        optional: 1,
      },
    ]);
  });

  it('counts the findings that name the project or are about its services', () => {
    const { src, summary } = summaryOf('shop');
    const expected = src.findings.filter(
      f =>
        f.project === 'shop' ||
        (f.service !== undefined &&
          src.registry.services.get(f.service)?.project === 'shop'),
    );
    expect(summary!.findings).toEqual(counted(expected));
    // the credential in the project's description and in orders, orders' unknown field, its
    // dependency on the deprecated mailer, its SLA below the high tier; cart, beta at 0.3.0
    // (not a 1.0.0 prerelease) and without a changelog
    expect(summary!.findings).toEqual({ errors: 2, warnings: 5, infos: 0 });
    expect(expected.some(f => f.service === undefined)).toBe(true);
    // the findings of the global auth, which shop overrides, are not shop's
    const ofAuth = src.findings.filter(f => f.service === 'auth');
    expect(ofAuth.length).toBeGreaterThan(0);
    expect(expected.filter(f => f.service === 'auth')).toEqual([]);
  });

  it('counts the SLA compliance of its services as the SLA overview does', () => {
    // orders (high, inherited) declares 99.5%, below 99.9%; cart is low, a tier with no policy
    expect(summaryOf('shop').summary!.sla).toEqual({
      services: 2,
      compliant: 0,
      nonCompliant: 1,
      incomplete: 0,
      noPolicy: 1,
    });
    // billing has no tier: its services have no policy
    expect(summaryOf('billing').summary!.sla).toEqual({
      services: 2,
      compliant: 0,
      nonCompliant: 0,
      incomplete: 0,
      noPolicy: 2,
    });
  });

  it('summarises the global services under their own id: services, consumers by project, findings', () => {
    const { src, summary } = summaryOf(GLOBAL_PROJECT_ID);
    expect(summary!.project).toEqual({ id: null, name: 'Global services' });
    expect(summary!.source).toEqual({ file: 'services/catalog.toml', line: 1 });
    expect(summary!.services.map(s => [s.id, s.status])).toEqual([
      ['audit', 'beta'],
      ['auth', 'ga'],
      ['mailer', 'deprecated'],
    ]);
    expect(summary!.services[1]).toMatchObject({
      tier: 'critical',
      effectiveTier: 'critical',
      port: 8080,
      overriddenBy: ['shop'],
    });
    expect(summary!.overrides).toEqual([]);
    expect(summary!.dependencies).toEqual([
      {
        project: 'shop',
        name: 'Shop',
        services: [
          {
            service: 'orders',
            requiredBy: ['audit'],
            optionalFor: [],
            status: 'ga',
          },
        ],
        edges: 1,
        required: 1,
        optional: 0,
      },
    ]);
    expect(
      summary!.consumers.map(c => [c.project, c.services.map(s => s.service)]),
    ).toEqual([
      ['billing', ['auth', 'mailer']],
      ['shop', ['auth', 'mailer']],
    ]);
    expect(summary!.findings).toEqual(
      counted(
        src.findings.filter(
          f =>
            f.project === undefined &&
            (f.file === 'services/catalog.toml' ||
              (f.service !== undefined &&
                src.registry.services.get(f.service)?.project === undefined)),
        ),
      ),
    );
    // auth is critical and declares no SLA; the others have no tier
    expect(summary!.sla).toMatchObject({ services: 3, incomplete: 1 });
  });

  it('tells a project named "global" from the global services', () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      {
        path: 'projects/global/services.toml',
        text: `[project]
name = "Globex"
tier = "high"

[service.globex-api]
version = "1.0.0"
status = "ga"
[service.globex-api.sla]
availability = "99.95%"
`,
      },
      { path: 'policies/sla.toml', text: SLA },
    ]);
    const src: ServiceSummarySource = {
      providerId: 'default',
      registry,
      findings: validateRegistry(registry, { today: '2026-03-01' }),
      rootLocation: 'file:/srv/registry/',
    };
    const graph = dependencyGraphOf(registry);
    const project = buildProjectSummary(src, graph, 'global')!;
    expect(project.project).toMatchObject({ id: 'global', name: 'Globex' });
    expect(project.services.map(s => s.id)).toEqual(['globex-api']);
    expect(project.sla).toMatchObject({ services: 1, compliant: 1 });
    const globals = buildProjectSummary(src, graph, GLOBAL_PROJECT_ID)!;
    expect(globals.project.id).toBeNull();
    expect(globals.services.map(s => s.id)).toEqual([
      'audit',
      'auth',
      'mailer',
    ]);
    expect(globals.sla.services).toBe(3);
  });

  it('never carries a value that looks like a credential', () => {
    const { summary } = summaryOf('shop');
    const text = JSON.stringify(summary);
    expect(text).not.toContain('hunter2pass');
    expect(text).not.toContain('sk_live');
    expect(summary!.project.description).toMatch(/^\(hidden: /);
  });

  it('is undefined for a project the registry does not have, and for global services it does not declare', () => {
    expect(summaryOf('nowhere').summary).toBeUndefined();
    const registry = loadRegistry([
      {
        path: 'projects/shop/services.toml',
        text: '[project]\nname = "Shop"\n',
      },
    ]);
    const src: ServiceSummarySource = {
      providerId: 'default',
      registry,
      findings: [],
      rootLocation: 'file:/srv/registry/',
    };
    expect(
      buildProjectSummary(src, dependencyGraphOf(registry), GLOBAL_PROJECT_ID),
    ).toBeUndefined();
    expect(
      buildProjectSummary(src, dependencyGraphOf(registry), 'shop'),
    ).toMatchObject({ services: [], dependencies: [], consumers: [] });
  });
});
