import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { loadRegistry } from '../load/buildRegistry';
import { validateRegistry } from '../validation';
import {
  buildServiceSummary,
  ServiceSummarySource,
} from './buildServiceSummary';

const CATALOG = `[service.auth]
name = "Auth"
owner = "platform-team"
version = "2.0.0"
status = "ga"
tier = "critical"
port = 8080
api_key = "sk_live_0123456789abcdefghijklmn"

[service.payments]
owner = "payments-team"
version = "1.3.0"
status = "deprecated"
deprecation_date = 2026-01-01
sunset_date = 2026-06-30
replacement_service = "auth"
`;

const SHOP = `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.checkout]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.checkout.dependencies]
requires = ["auth@^1.0", "nowhere"]
optional = [{ service = "payments", version = "^2.0" }]

[service.auth]
version = "1.4.0"
`;

const BILLING = `[project]
name = "Billing"
owner = "billing-team"

[service.invoices]
owner = "billing-team"
version = "1.0.0"
status = "ga"
[service.invoices.dependencies]
requires = ["auth@^2.0"]
optional = ["checkout"]
`;

function source(rootLocation: string): ServiceSummarySource {
  const registry = loadRegistry([
    { path: 'services/catalog.toml', text: CATALOG },
    { path: 'projects/shop/services.toml', text: SHOP },
    { path: 'projects/billing/services.toml', text: BILLING },
  ]);
  return {
    providerId: 'default',
    registry,
    findings: validateRegistry(registry, { today: '2026-03-01' }),
    rootLocation,
  };
}

describe('buildServiceSummary', () => {
  it('checks each dependency against the provider the service’s project sees', () => {
    const src = source('file:/srv/registry/');
    const summary = buildServiceSummary(
      src,
      dependencyGraphOf(src.registry),
      'checkout',
    )!;
    expect(summary.dependencies).toEqual([
      // shop overrides auth at 1.4.0: ^1.0 holds for shop, though the global auth is 2.0.0
      expect.objectContaining({
        service: 'auth',
        optional: false,
        range: '^1.0',
        declared: true,
        name: 'Auth',
        version: '1.4.0',
        crossProject: true,
        satisfied: true,
      }),
      {
        service: 'nowhere',
        optional: false,
        raw: 'nowhere',
        declared: false,
        name: 'nowhere',
        crossProject: false,
      },
      expect.objectContaining({
        service: 'payments',
        optional: true,
        range: '^2.0',
        version: '1.3.0',
        status: 'deprecated',
        sunsetDate: '2026-06-30',
        satisfied: false,
      }),
    ]);
  });

  it('counts a range a compat_with entry of the provider lies in as satisfied, as validation does', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: CATALOG.replace(
          'version = "2.0.0"',
          'version = "2.1.0"\ncompat_with = ["1.x"]',
        ),
      },
      {
        path: 'projects/billing/services.toml',
        text: BILLING.replace('auth@^2.0', 'auth@^1.0'),
      },
    ]);
    const findings = validateRegistry(registry, { today: '2026-03-01' });
    expect(
      findings.filter(f => f.code === 'dependency/version-unsatisfied'),
    ).toEqual([]);
    const summary = buildServiceSummary(
      { providerId: 'default', registry, findings, rootLocation: 'file:/srv/' },
      dependencyGraphOf(registry),
      'invoices',
    )!;
    expect(summary.dependencies[0]).toMatchObject({
      service: 'auth',
      range: '^1.0',
      version: '2.1.0',
      satisfied: true,
      satisfiedByCompatWith: ['1.x'],
    });
  });

  it('gives the facts, the project, the inherited tier, consumers and findings counted', () => {
    const src = source('file:/srv/registry/');
    const graph = dependencyGraphOf(src.registry);
    const checkout = buildServiceSummary(src, graph, 'checkout')!;
    expect(checkout.registry).toBe('default');
    expect(checkout.service).toMatchObject({
      id: 'checkout',
      version: '1.0.0',
      status: 'ga',
      project: 'shop',
      projectName: 'Shop',
      effectiveTier: 'high',
    });
    expect(checkout.service.tier).toBeUndefined();
    expect(checkout.source).toEqual({
      file: 'projects/shop/services.toml',
      line: 6,
    });
    expect(checkout.consumers).toMatchObject({
      requiredBy: [],
      optionalFor: ['invoices'],
      optionalProjects: ['billing'],
    });
    // the unsatisfied optional range, the undeclared dependency, the deprecated one…
    const own = src.findings.filter(f => f.service === 'checkout');
    expect(checkout.findings).toEqual({
      errors: own.filter(f => f.severity === 'error').length,
      warnings: own.filter(f => f.severity === 'warning').length,
      infos: own.filter(f => f.severity === 'info').length,
    });
    expect(checkout.findings.errors).toBeGreaterThan(0);

    const auth = buildServiceSummary(src, graph, 'auth')!;
    expect(auth.service).toMatchObject({
      tier: 'critical',
      effectiveTier: 'critical',
      port: 8080,
      overriddenBy: ['shop'],
    });
    expect(auth.consumers).toMatchObject({
      requiredBy: ['checkout', 'invoices'],
      projects: ['billing', 'shop'],
    });
  });

  it("gives the owner the service declares, and else its project's as the catalog shows it", () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      {
        path: 'projects/shop/services.toml',
        text: SHOP.replace(
          '[service.checkout]\nowner = "shop-team"\n',
          '[service.checkout]\n',
        ),
      },
    ]);
    const src = {
      providerId: 'default',
      registry,
      findings: [],
      rootLocation: 'file:/srv/registry/',
    };
    const graph = dependencyGraphOf(registry);
    const checkout = buildServiceSummary(src, graph, 'checkout')!.service;
    expect(checkout.owner).toBeUndefined();
    expect(checkout.effectiveOwner).toBe('shop-team');
    const auth = buildServiceSummary(src, graph, 'auth')!.service;
    expect(auth).toMatchObject({
      owner: 'platform-team',
      effectiveOwner: 'platform-team',
    });
  });

  it('lists no retired service among the consumers', () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      {
        path: 'projects/billing/services.toml',
        text: BILLING.replace('status = "ga"', 'status = "retired"'),
      },
    ]);
    const src = {
      providerId: 'default',
      registry,
      findings: [],
      rootLocation: 'file:/srv/registry/',
    };
    const auth = buildServiceSummary(src, dependencyGraphOf(registry), 'auth')!;
    expect(auth.consumers).toMatchObject({ requiredBy: [], projects: [] });
  });

  it('never carries a table as written, so a secret in the registry stays out', () => {
    const src = source('file:/srv/registry/');
    const auth = buildServiceSummary(
      src,
      dependencyGraphOf(src.registry),
      'auth',
    );
    expect(JSON.stringify(auth)).not.toContain('sk_live');
    expect(auth!.findings.errors).toBeGreaterThan(0);
  });

  it("gives where the projects' monitoring sends the service's alerts, a webhook's token hidden", () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      { path: 'projects/shop/services.toml', text: SHOP },
      {
        path: 'projects/shop/monitoring.toml',
        text: `[service.checkout.alerts]
critical = ["slack#shop-critical", "https://hooks.slack.com/services/T000/B000/xoxb-0123456789-abcdefghijklmnop"]
[service.checkout.alerts.escalation]
escalate_to = ["@shop-on-call"]
time_to_escalate = "10m"
`,
      },
    ]);
    const src = {
      providerId: 'default',
      registry,
      findings: [],
      rootLocation: 'file:/srv/registry/',
    };
    const graph = dependencyGraphOf(registry);
    const checkout = buildServiceSummary(src, graph, 'checkout')!;
    expect(checkout.alerts).toEqual([
      {
        project: 'shop',
        critical: [
          'slack#shop-critical',
          expect.stringContaining('hooks.slack.com'),
        ],
        warning: [],
        info: [],
        escalateTo: ['@shop-on-call'],
        escalateAfter: '10m',
      },
    ]);
    expect(JSON.stringify(checkout)).not.toContain('abcdefghijklmnop');
    expect(buildServiceSummary(src, graph, 'auth')!.alerts).toEqual([]);
  });

  it('gives the release history, newest first, notes holding a token hidden', () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: CATALOG },
      {
        path: 'services/versions.toml',
        text: `[[service.auth.release]]
version = "1.0.0"
date = 2025-05-01

[[service.auth.release]]
version = "2.0.0"
date = 2026-02-01
notes = "New sessions; test with token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"
`,
      },
    ]);
    const src = {
      providerId: 'default',
      registry,
      findings: [],
      rootLocation: 'file:/srv/registry/',
    };
    const graph = dependencyGraphOf(registry);
    const auth = buildServiceSummary(src, graph, 'auth')!;
    expect(auth.releases).toEqual([
      {
        version: '2.0.0',
        date: '2026-02-01',
        notes: '(hidden: a GitHub token)',
        breaking: true,
        current: true,
      },
      { version: '1.0.0', date: '2025-05-01', breaking: false, current: false },
    ]);
    expect(JSON.stringify(auth)).not.toContain('ghp_0123456789');
    expect(buildServiceSummary(src, graph, 'payments')!.releases).toEqual([]);
  });

  it('links the declaration for a registry read from a URL', () => {
    const src = source('url:https://github.com/acme/registry/tree/main/');
    const summary = buildServiceSummary(
      src,
      dependencyGraphOf(src.registry),
      'payments',
    );
    expect(summary!.service).toMatchObject({
      replacementService: 'auth',
      replacementDeclared: true,
    });
    expect(summary!.source).toEqual({
      file: 'services/catalog.toml',
      line: 10,
      url: 'https://github.com/acme/registry/tree/main/services/catalog.toml#L10',
    });
  });

  it("gives the notice its consumers get before a breaking change: its own, or a beta service's", () => {
    const summaryOf = (files: Record<string, string>, id: string) => {
      const registry = loadRegistry(
        Object.entries(files).map(([path, text]) => ({ path, text })),
      );
      return buildServiceSummary(
        {
          providerId: 'default',
          registry,
          findings: [],
          rootLocation: 'file:/srv/registry/',
        },
        dependencyGraphOf(registry),
        id,
      )!.service.breakingChangeNotice;
    };
    const catalog = [
      '[service.tracker]',
      'status = "beta"',
      '[service.mailer]',
      'status = "beta"',
      'governance.break_changes_notice = 10',
      '[service.auth]',
      'status = "ga"',
      '[service.search]',
      'status = "ga"',
      'governance.break_changes_notice = 45',
    ].join('\n');
    const files = { 'services/catalog.toml': catalog };
    expect(summaryOf(files, 'tracker')).toEqual({
      days: 30,
      source: 'lifecycle',
    });
    expect(summaryOf(files, 'mailer')).toEqual({ days: 10, source: 'service' });
    expect(summaryOf(files, 'search')).toEqual({ days: 45, source: 'service' });
    expect(summaryOf(files, 'auth')).toBeUndefined();
    const policies = (days: number) => ({
      ...files,
      'policies/governance.toml': `[change_control]\nbeta_change_notice_days = ${days}\n`,
    });
    expect(summaryOf(policies(14), 'tracker')).toEqual({
      days: 14,
      source: 'policies',
    });
    expect(summaryOf(policies(0), 'tracker')).toBeUndefined();
    expect(summaryOf(policies(0), 'mailer')).toEqual({
      days: 10,
      source: 'service',
    });
  });

  it('is undefined for a service the registry does not declare', () => {
    const src = source('file:/srv/registry/');
    expect(
      buildServiceSummary(src, dependencyGraphOf(src.registry), 'nowhere'),
    ).toBeUndefined();
  });
});
