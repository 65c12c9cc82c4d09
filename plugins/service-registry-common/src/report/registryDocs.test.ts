import { loadRegistry } from '../load/buildRegistry';
import { renderRegistryDocs } from './registryDocs';

const CATALOG = `[service.auth]
name = "Auth | SSO"
owner = "platform-team"
version = "1.4.0"
status = "ga"
tier = "critical"
port = 8080

[service.old-pay]
owner = "payments-team"
version = "2.0.0"
status = "deprecated"
deprecation_date = 2026-01-10
sunset_date = 2026-09-01
replacement_service = "pay"
port = 8200

[service.pay]
owner = "payments-team"
version = "3.0.0"
status = "ga"
port = 8200
[service.pay.dependencies]
requires = ["auth@^1.2"]
`;

const SHOP = `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.shop-api]
version = "1.0.0"
status = "ga"
port = 9000
[service.shop-api.dependencies]
requires = ["auth@^2.0", "old-pay", "shop-db"]

[service.shop-db]
type = "database"
version = "15.0.0"
`;

function docs(files: Record<string, string> = {}, maxDrawnServices?: number) {
  const registry = loadRegistry(
    Object.entries({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': SHOP,
      ...files,
    }).map(([path, text]) => ({ path, text })),
  );
  const [services, topology, runbook] = renderRegistryDocs(registry, {
    maxDrawnServices,
  });
  return { services, topology, runbook };
}

/** The table row of a markdown document that starts with the given cell. */
function row(markdown: string, first: string, nth = 0): string[] {
  const line = markdown.split('\n').filter(l => l.startsWith(`| ${first} |`))[
    nth
  ];
  if (!line) throw new Error(`no row for ${first}`);
  return line
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map(c => c.trim());
}

describe('renderRegistryDocs', () => {
  it('lists every service by project, with the project tier inherited', () => {
    const { services } = docs();
    expect(services.name).toBe('SERVICES.md');
    expect(services.content).toContain(
      '5 services in 1 project and the shared catalog; 1 deprecated, 0 retired.',
    );
    expect(services.content).toContain(
      '## shop: Shop (`projects/shop/services.toml`)',
    );
    expect(row(services.content, '`shop-api`')).toEqual([
      '`shop-api`',
      'shop-api',
      '—',
      '—',
      'high',
      'ga',
      '1.0.0',
      '9000',
      '`auth@^2.0`, `old-pay`, `shop-db`',
    ]);
    expect(row(services.content, 'shop')).toEqual([
      'shop',
      'Shop',
      'shop-team',
      'high',
      '2',
      '0',
      '2',
      '0',
      '0',
    ]);
    // a pipe in a value does not break the table
    expect(row(services.content, '`auth`')[1]).toBe('Auth \\| SSO');
  });

  it('shows optional dependencies and health check endpoints in the sections where a service has them, credentials hidden', () => {
    const { services } = docs({
      'projects/shop/services.toml': SHOP.replace(
        '[service.shop-api.dependencies]',
        [
          '[service.shop-api.metadata]',
          'health_check = "/healthz"',
          '[service.shop-api.dependencies]',
          'optional = ["pay@^3"]',
        ].join('\n'),
      ).replace(
        'type = "database"',
        'type = "database"\nmetadata.health_check = "https://probe:hunter2secret@db.internal/health"',
      ),
    });
    const header = (first: string) =>
      services.content
        .split('\n')
        .filter(l => l.startsWith(`| ${first} |`))
        .map(l => l.split(' | ').length);
    // the shared section's services have neither: its table keeps its nine columns
    expect(row(services.content, '`pay`')).toHaveLength(9);
    expect(row(services.content, '`shop-api`').slice(8)).toEqual([
      '`auth@^2.0`, `old-pay`, `shop-db`',
      '`pay@^3`',
      '`/healthz`',
    ]);
    expect(row(services.content, '`shop-db`').slice(8)).toEqual([
      '—',
      '—',
      expect.not.stringContaining('hunter2'),
    ]);
    expect(services.content).not.toContain('hunter2secret');
    expect(header('Service')).toEqual([9, 11]);
  });

  it('lists the ports and marks the one two services declare', () => {
    const { services } = docs();
    expect(row(services.content, '**8200** (2 services)')).toEqual([
      '**8200** (2 services)',
      '`old-pay`, `pay`',
      'shared, shared',
    ]);
    expect(row(services.content, '9000')).toEqual([
      '9000',
      '`shop-api`',
      'shop',
    ]);
  });

  it('shows the dependencies across projects, the impact of a change, version compatibility and deprecations', () => {
    const { topology } = docs();
    expect(topology.name).toBe('TOPOLOGY.md');
    expect(topology.content).toContain(
      '5 services, 4 dependencies (4 required, 0 optional), 2 across projects.',
    );
    expect(row(topology.content, '`shop-api` | shop | `auth`')).toBeDefined();
    const across = topology.content
      .split('\n')
      .filter(l => l.startsWith('| `shop-api` | shop |'));
    expect(across).toEqual([
      '| `shop-api` | shop | `auth` | shared | `^2.0` | required |',
      '| `shop-api` | shop | `old-pay` | shared | — | required |',
    ]);
    // auth: shop-api and pay directly; nothing further depends on them
    expect(row(topology.content, '`auth`')).toEqual([
      '`auth`',
      'shared',
      '2',
      '2',
      'shop',
    ]);
    expect(row(topology.content, '`auth` | 1.4.0 | `shop-api`')).toEqual([
      '`auth`',
      '1.4.0',
      '`shop-api`',
      '`^2.0`',
      '**no**',
    ]);
    expect(row(topology.content, '`auth` | 1.4.0 | `pay`')[4]).toBe('yes');
    expect(row(topology.content, '`old-pay`')).toEqual([
      '`old-pay`',
      'shared',
      '1',
      '1',
      'shop',
    ]);
    expect(
      topology.content
        .split('\n')
        .find(l => l.startsWith('| `old-pay` | deprecated')),
    ).toBe(
      '| `old-pay` | deprecated | 2026-01-10 | 2026-09-01 | `pay` | `shop-api` |',
    );
  });

  it('says a range a compat_with entry of the provider lies in is satisfied through compat_with', () => {
    const { topology } = docs({
      'services/catalog.toml': CATALOG.replace(
        'version = "1.4.0"',
        'version = "1.4.0"\ncompat_with = ["2.0.0", "2.x", "0.9.0"]',
      ),
    });
    expect(row(topology.content, '`auth` | 1.4.0 | `shop-api`')).toEqual([
      '`auth`',
      '1.4.0',
      '`shop-api`',
      '`^2.0`',
      'yes, through compat_with 2.0.0, 2.x',
    ]);
    expect(row(topology.content, '`auth` | 1.4.0 | `pay`')[4]).toBe('yes');
  });

  it('counts no retired service among the consumers left or the impact of a change', () => {
    const { topology } = docs({
      'projects/shop/services.toml': SHOP.replace(
        'status = "ga"\nport = 9000',
        'status = "retired"\nport = 9000',
      ),
    });
    expect(
      topology.content
        .split('\n')
        .find(l => l.startsWith('| `old-pay` | deprecated')),
    ).toBe(
      '| `old-pay` | deprecated | 2026-01-10 | 2026-09-01 | `pay` | none |',
    );
    // auth: only pay now
    expect(row(topology.content, '`auth`')).toEqual([
      '`auth`',
      'shared',
      '1',
      '1',
      '—',
    ]);
  });

  it('draws the graph as a Mermaid chart, unless the registry is too large for one', () => {
    expect(docs().topology.content).toContain('```mermaid\nflowchart LR\n');
    const large = docs({}, 4).topology.content;
    expect(large).not.toContain('```mermaid');
    expect(large).toContain(
      'The registry has 5 services, more than a chart here can show (4)',
    );
  });

  it("does not draw a chart GitHub would show as an error: more dependencies than Mermaid's 500 edges", () => {
    const consumers = Array.from({ length: 101 }, (_, i) =>
      [
        `[service.c-${i}]`,
        'version = "1.0.0"',
        'dependencies.requires = ["auth", "pay", "shop-api", "shop-db", "old-pay"]',
      ].join('\n'),
    ).join('\n');
    const { topology } = docs({
      'projects/many/services.toml': `[project]\n${consumers}\n`,
    });
    expect(topology.content).not.toContain('```mermaid');
    expect(topology.content).toMatch(
      /The registry's graph is not drawn here: \d+ dependencies, more than the 500 edges Mermaid draws in one chart\. `service-registry graph --format dot` prints it for Graphviz\./,
    );
  });

  it('depends only on the registry: the same files give the same text, whatever their order', () => {
    const once = docs();
    const registry = loadRegistry([
      { path: 'projects/shop/services.toml', text: SHOP },
      { path: 'services/catalog.toml', text: CATALOG },
    ]);
    const [services, topology, runbook] = renderRegistryDocs(registry);
    expect(services.content).toBe(once.services.content);
    expect(topology.content).toBe(once.topology.content);
    expect(runbook.content).toBe(once.runbook.content);
    // nothing relative to today: no "days left"
    expect(topology.content).not.toMatch(/days? (left|overdue|ago)/);
    expect(runbook.content).not.toMatch(/days? (left|overdue|ago)/);
  });
});

describe('renderRegistryDocs: RUNBOOK.md', () => {
  const POLICIES = `[change_control]
breaking_changes_require = ["@platform-team", "@security-team"]
version_bumps_require = []
config_changes_require = ["@ops-team"]
migration_window_days = 90

[sla.critical]
availability = "99.99%"
response_time_p99 = "100ms"
support_hours = "24/7"
rto = "5m"
rpo = "1m"

[sla.high]
availability = "99.9%"
support_hours = "business"
rto = "30m"
rpo = "5m"
`;
  const MONITORING = `[service.shop-api.alerts]
critical = ["slack#shop-critical", "https://hooks.example.com/services/T0/B0/xoxb-0123456789-abcdefghijklmnop"]
warning = ["slack#shop"]
[service.shop-api.alerts.escalation]
time_to_escalate = "10m"
escalate_to = ["@shop-on-call"]
`;

  function runbookOf(files: Record<string, string> = {}) {
    return docs({
      'policies/governance.toml': POLICIES,
      'projects/shop/monitoring.toml': MONITORING,
      ...files,
    }).runbook;
  }

  it('lists every running service under its tier for an incident: owner, support hours, RTO and RPO, health check, dependencies, consumers and alert routes', () => {
    const runbook = runbookOf({
      'projects/shop/services.toml': SHOP.replace(
        'port = 9000',
        `port = 9000
metadata = { health_check = "/healthz" }
[service.shop-api.sla]
rto = "15m"`,
      ),
    });
    expect(runbook.name).toBe('RUNBOOK.md');
    expect(runbook.content).toContain(
      'Operational procedures for the 5 services of this registry that run (1 critical, 2 high, 0 medium, 0 low; retired services are left out)',
    );
    // the tiers' policies
    expect(row(runbook.content, 'critical')).toEqual([
      'critical',
      '99.99%',
      '100ms',
      '24/7',
      '5m',
      '1m',
    ]);
    expect(row(runbook.content, 'high')).toEqual([
      'high',
      '99.9%',
      '—',
      'business',
      '30m',
      '5m',
    ]);
    const critical = runbook.content.indexOf('### Critical services');
    const high = runbook.content.indexOf('### High services');
    const none = runbook.content.indexOf('### Services without a tier');
    expect(critical).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(critical);
    expect(none).toBeGreaterThan(high);
    expect(runbook.content.indexOf('| `auth` |')).toBeGreaterThan(critical);
    expect(runbook.content.indexOf('| `auth` |')).toBeLessThan(high);
    // auth: critical, its tier's levels; required by pay (shared) and shop-api (shop)
    expect(row(runbook.content, '`auth`')).toEqual([
      '`auth`',
      'platform-team',
      '24/7',
      '5m',
      '1m',
      '—',
      '—',
      '2 (shared, shop)',
      '—',
    ]);
    // shop-api: high through its project, the project's owner, its own RTO, its health check,
    // its alert routes with the webhook's token hidden
    expect(row(runbook.content, '`shop-api`')).toEqual([
      '`shop-api`',
      'shop-team',
      'business',
      '15m',
      '5m',
      '`/healthz`',
      '`auth@^2.0`, `old-pay`, `shop-db`',
      'none',
      expect.stringMatching(
        /^critical: slack#shop-critical, https:\/\/hooks\.example\.com\/.*; escalates to @shop-on-call after 10m$/,
      ),
    ]);
    expect(runbook.content).not.toContain('abcdefghijklmnop');
    expect(row(runbook.content, '`shop-db`')[7]).toBe('1 (shop)');
    // the shared services have no tier but auth's
    expect(runbook.content.indexOf('| `pay` |')).toBeGreaterThan(none);
  });

  it('leaves retired services out, and counts no retired consumer', () => {
    const runbook = runbookOf({
      'services/catalog.toml': CATALOG.replace(
        'status = "deprecated"',
        'status = "retired"',
      ).replace(
        'requires = ["auth@^1.2"]',
        'requires = ["auth@^1.2", "old-pay"]',
      ),
    });
    expect(runbook.content).not.toContain('| `old-pay` |');
    expect(runbook.content).toContain('for the 4 services of this registry');
    // old-pay stays among the dependencies its consumers declare
    expect(row(runbook.content, '`pay`')[6]).toBe('`auth@^1.2`, `old-pay`');
    expect(row(runbook.content, '`auth`')[7]).toBe('2 (shared, shop)');
  });

  it('tells who approves a change: the change control policy and the services with their own approvers', () => {
    const runbook = runbookOf({
      'services/catalog.toml': `${CATALOG}
[service.auth.governance]
approvers = ["@platform-team", "@security-team"]
break_changes_notice = 30
change_log = "https://git.example.com/auth/CHANGELOG.md"
`,
    });
    expect(row(runbook.content, 'Breaking changes')).toEqual([
      'Breaking changes',
      '@platform-team, @security-team',
    ]);
    expect(row(runbook.content, 'Version bumps')).toEqual([
      'Version bumps',
      '—',
    ]);
    expect(row(runbook.content, 'Configuration changes')).toEqual([
      'Configuration changes',
      '@ops-team',
    ]);
    expect(row(runbook.content, '`auth`', 1)).toEqual([
      '`auth`',
      '@platform-team, @security-team',
      '30',
      'https://git.example.com/auth/CHANGELOG.md',
    ]);

    const without = docs().runbook.content;
    expect(without).toContain(
      "The policies declare no `[change_control]`: a change needs the approval of the service's own approvers, if it names any.",
    );
    expect(without).toContain('No service names its own approvers.');
    expect(without).not.toContain('### Service levels by tier');
  });

  it("tells the notice beta services give: the lifecycle's 30 days, or the policies'", () => {
    expect(docs().runbook.content).toContain(
      "A beta service that sets no notice of its own gives its consumers 30 days of notice before a breaking change (the lifecycle's): `service-registry diff` lists a breaking change made sooner as `notice-not-honoured`, for the approvers to confirm or waive.",
    );
    const policies = (days: number) =>
      runbookOf({
        'policies/governance.toml': `[change_control]\nbeta_change_notice_days = ${days}\n`,
      }).content;
    expect(policies(14)).toContain(
      'gives its consumers 14 days of notice before a breaking change (`beta_change_notice_days`)',
    );
    expect(policies(0)).toContain(
      'A beta service that sets no notice of its own gives its consumers none (`beta_change_notice_days = 0`).',
    );
  });

  it('gives the projects for a new service, the migration window for a deprecation and the services in maintenance', () => {
    const runbook = runbookOf({
      'services/catalog.toml': CATALOG.replace(
        `[service.pay]
owner = "payments-team"
version = "3.0.0"
status = "ga"`,
        `[service.pay]
owner = "payments-team"
version = "3.0.0"
status = "maintenance"
replacement_service = "old-pay"
[service.pay.migration]
support_until = 2027-06-30`,
      ),
    });
    expect(row(runbook.content, 'shop')).toEqual([
      'shop',
      'Shop',
      'shop-team',
      'high',
      '`projects/shop/services.toml`',
    ]);
    expect(runbook.content).toContain(
      'a `sunset_date` at least 90 days (`migration_window_days`) later',
    );
    expect(runbook.content).toContain(
      '1 service is deprecated now; `TOPOLOGY.md` lists it by sunset date',
    );
    expect(row(runbook.content, '`pay`', 1)).toEqual([
      '`pay`',
      'payments-team',
      '3.0.0',
      '2027-06-30',
      '`old-pay`',
    ]);

    const plain = docs().runbook.content;
    expect(plain).toContain('a `sunset_date` at least 6 months later');
    expect(plain).toContain('No service is in maintenance.');
  });
});

describe('renderRegistryDocs: a project folder named with a credential', () => {
  const PASSWORD = 's3cretpass';
  const DEPLOY = `[project]
name = "Deploy"
owner = "deploy-team"

[service.deploy-api]
version = "1.0.0"
port = 9100
[service.deploy-api.dependencies]
requires = ["auth@^1.2"]
`;

  it.each([
    // a URL pasted as the folder's name, its `//` written `__`
    [
      `https:__deploy:${PASSWORD}@git.example.com`,
      'https:__deploy:(hidden)@git.example.com',
    ],
    // the same URL percent-encoded, as some tools write a URL as a file's name
    [
      `https%3A%2F%2Fdeploy%3A${PASSWORD}%40git.example.com`,
      'https%3A%2F%2Fdeploy%3A(hidden)%40git.example.com',
    ],
  ])(
    'shows the folder %s with the credential hidden, in every document',
    (folder, shown) => {
      const { services, topology, runbook } = docs({
        [`projects/${folder}/services.toml`]: DEPLOY,
        // shop-api depends on deploy-api: deploy's project is on both sides of a dependency
        'projects/shop/services.toml': SHOP.replace(
          '"shop-db"]',
          '"shop-db", "deploy-api"]',
        ),
      });
      for (const document of [services, topology, runbook]) {
        expect(document.content).not.toContain(PASSWORD);
      }
      // the runbook's project list and the projects of auth's consumers
      expect(row(runbook.content, shown)).toEqual([
        shown,
        'Deploy',
        'deploy-team',
        '—',
        `\`projects/${shown}/services.toml\``,
      ]);
      expect(row(runbook.content, '`auth`')[7]).toBe(
        `3 (${shown}, shared, shop)`,
      );
      expect(services.content).toContain(
        `## ${shown}: Deploy (\`projects/${shown}/services.toml\`)`,
      );
      expect(row(services.content, shown).slice(0, 3)).toEqual([
        shown,
        'Deploy',
        'deploy-team',
      ]);
      expect(row(services.content, '9100')).toEqual([
        '9100',
        '`deploy-api`',
        shown,
      ]);
      expect(
        row(topology.content, `\`deploy-api\` | ${shown} | \`auth\``),
      ).toEqual([
        '`deploy-api`',
        shown,
        '`auth`',
        'shared',
        '`^1.2`',
        'required',
      ]);
      expect(row(topology.content, '`shop-api` | shop | `deploy-api`')).toEqual(
        ['`shop-api`', 'shop', '`deploy-api`', shown, '—', 'required'],
      );
      // auth's change reaches deploy-api's project
      expect(row(topology.content, '`auth`')[4]).toContain(shown);
      expect(topology.content).toContain('```mermaid\n');
      expect(topology.content).toContain(`["${shown}"]`);
    },
  );

  it('leaves an ordinary folder as it is', () => {
    const { services, topology } = docs({
      'projects/deploy-tools/services.toml': DEPLOY,
    });
    expect(services.content).toContain(
      '## deploy-tools: Deploy (`projects/deploy-tools/services.toml`)',
    );
    expect(row(services.content, '9100')[2]).toBe('deploy-tools');
    expect(topology.content).toContain('["deploy-tools"]');
    expect(`${services.content}${topology.content}`).not.toContain('(hidden)');
  });
});
