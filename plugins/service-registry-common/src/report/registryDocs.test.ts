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
  const [services, topology] = renderRegistryDocs(registry, {
    maxDrawnServices,
  });
  return { services, topology };
}

/** The table row of a markdown document that starts with the given cell. */
function row(markdown: string, first: string): string[] {
  const line = markdown.split('\n').find(l => l.startsWith(`| ${first} |`));
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
    const [services, topology] = renderRegistryDocs(registry);
    expect(services.content).toBe(once.services.content);
    expect(topology.content).toBe(once.topology.content);
    // nothing relative to today: no "days left"
    expect(topology.content).not.toMatch(/days? (left|overdue|ago)/);
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
      const { services, topology } = docs({
        [`projects/${folder}/services.toml`]: DEPLOY,
        // shop-api depends on deploy-api: deploy's project is on both sides of a dependency
        'projects/shop/services.toml': SHOP.replace(
          '"shop-db"]',
          '"shop-db", "deploy-api"]',
        ),
      });
      for (const document of [services, topology]) {
        expect(document.content).not.toContain(PASSWORD);
      }
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
