import { loadRegistry } from '../load/buildRegistry';
import { alertRoutesOf } from './alertRoutes';

const CATALOG = `[service.auth]
owner = "platform-team"
version = "1.0.0"
`;

const SHOP = `[project]
name = "Shop"

[service.shop-api]
version = "1.0.0"
`;

function routesOf(id: string, files: Record<string, string>) {
  const registry = loadRegistry(
    Object.entries({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': SHOP,
      ...files,
    }).map(([path, text]) => ({ path, text })),
  );
  return alertRoutesOf(registry.services.get(id)!);
}

describe('alertRoutesOf', () => {
  it("reads a project's alert routes of a service: each level's channels and the escalation", () => {
    expect(
      routesOf('shop-api', {
        'projects/shop/monitoring.toml': `[service.shop-api.metrics]
availability_threshold = 99.9

[service.shop-api.alerts]
critical = ["slack#shop-critical", " pagerduty:shop "]
warning = ["slack#shop"]
info = []

[service.shop-api.alerts.escalation]
time_to_escalate = "5m"
escalate_to = ["@shop-on-call"]
page_if = "critical"
`,
      }),
    ).toEqual([
      {
        project: 'shop',
        critical: ['slack#shop-critical', 'pagerduty:shop'],
        warning: ['slack#shop'],
        info: [],
        escalateTo: ['@shop-on-call'],
        escalateAfter: '5m',
        pageIf: 'critical',
      },
    ]);
  });

  it('gives one entry per project that routes alerts of a global service, and none for a project that routes nothing', () => {
    const routes = routesOf('auth', {
      'projects/shop/monitoring.toml': `[service.auth.alerts]
critical = ["slack#shop-auth"]
`,
      'projects/ops/services.toml': '[project]\nname = "Ops"\n',
      'projects/ops/monitoring.toml': `[service.auth.alerts]
warning = ["email@ops"]
`,
      'projects/quiet/services.toml': '[project]\nname = "Quiet"\n',
      'projects/quiet/monitoring.toml': `[service.auth.metrics]
cpu_threshold = "80%"
`,
    });
    expect(routes.map(r => [r.project, r.critical, r.warning])).toEqual(
      expect.arrayContaining([
        ['shop', ['slack#shop-auth'], []],
        ['ops', [], ['email@ops']],
      ]),
    );
    expect(routes).toHaveLength(2);
  });

  it('hides a credential in a route and leaves out values of another type', () => {
    const [route] = routesOf('shop-api', {
      'projects/shop/monitoring.toml': `[service.shop-api.alerts]
critical = ["https://hooks.slack.com/services/T000/B000/xoxb-0123456789-abcdefghijklmnop", 42, ""]
escalation = "soon"
`,
    });
    expect(route.critical).toHaveLength(1);
    expect(route.critical[0]).toContain('https://hooks.slack.com/');
    expect(route.critical[0]).not.toContain('abcdefghijklmnop');
    expect(route.escalateTo).toEqual([]);
    expect(route.escalateAfter).toBeUndefined();
  });

  it('is empty for a service no monitoring file routes', () => {
    expect(routesOf('shop-api', {})).toEqual([]);
  });
});
