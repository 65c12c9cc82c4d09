import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { planConsumerNotices } from './planConsumerNotices';

const SHOP = [
  '[project]',
  'owner = "@shop-team"',
  '[service.shop-api]',
  'version = "1.0.0"',
  'dependencies.requires = ["payments@^1.0", "search"]',
  '[service.shop-web]',
  'version = "1.0.0"',
  'dependencies.requires = ["shop-api"]',
  'dependencies.optional = ["payments"]',
  '[service.shop-admin]',
  'owner = "@admin-team"',
  'version = "1.0.0"',
  'dependencies.requires = ["payments@^1.0"]',
  '[service.shop-old]',
  'status = "retired"',
  'version = "1.0.0"',
  'dependencies.requires = ["payments"]',
];

function registry(catalog: string[], shop: string[] = SHOP) {
  return loadRegistry([
    { path: 'services/catalog.toml', text: catalog.join('\n') },
    { path: 'projects/shop/services.toml', text: shop.join('\n') },
  ]);
}

const PAYMENTS = [
  '[service.payments]',
  'owner = "@payments-team"',
  'version = "1.4.0"',
  'port = 8080',
  'status = "ga"',
];

const DEPRECATED_PAYMENTS = [
  '[service.payments]',
  'owner = "@payments-team"',
  'version = "1.4.0"',
  'port = 8080',
  'status = "deprecated"',
  'deprecation_date = 2026-11-01',
  'sunset_date = 2027-03-01',
  'replacement_service = "payments-v2"',
  '[service.payments.migration]',
  'guide_url = "https://docs.example.com/payments-v2"',
  '[service.payments-v2]',
  'owner = "@payments-team"',
  'version = "2.0.0"',
];

const SEARCH = [
  '[service.search]',
  'owner = "@search-team"',
  'version = "3.1.0"',
];

describe('planConsumerNotices', () => {
  it('tells nothing about a registry without deprecations, and no breaking change without a base', () => {
    expect(
      planConsumerNotices({
        head: registry([...PAYMENTS, ...SEARCH]),
        today: '2026-11-30',
      }),
    ).toEqual([]);
  });

  it('tells each owner of a deprecated service’s consumers which of their services depend on it, and what to do', () => {
    const notices = planConsumerNotices({
      head: registry([...DEPRECATED_PAYMENTS, ...SEARCH]),
      today: '2026-11-30',
    });
    expect(notices.map(n => [n.owner, n.consumers])).toEqual([
      ['@admin-team', ['shop-admin']],
      // the project's owner for services that declare none; optional consumers too;
      // the retired shop-old has no catalog entity to reach an owner through
      ['@shop-team', ['shop-api', 'shop-web']],
    ]);
    const [admin, shop] = notices;
    expect(shop).toMatchObject({
      kind: 'deprecation',
      service: 'payments',
      title: 'payments is deprecated',
      severity: 'normal',
      link: '/catalog/default/component/payments',
    });
    expect(shop.description).toBe(
      'shop-api and shop-web depend on payments, which is deprecated since 2026-11-01 (sunset on 2027-03-01, in 91 days). Migrate to payments-v2. Migration guide: https://docs.example.com/payments-v2',
    );
    expect(admin.description).toMatch(/^shop-admin depends on payments,/);
    // one fact, one key, whoever is told
    expect(admin.key).toBe(shop.key);
  });

  it('tells a deprecation again at each stage, more urgently, and when its sunset or successor changes', () => {
    const head = registry([...DEPRECATED_PAYMENTS, ...SEARCH]);
    const at = (today: string) =>
      planConsumerNotices({ head, today }).find(n => n.owner === '@shop-team')!;

    const announced = at('2026-11-30');
    const near = at('2027-02-10');
    const passed = at('2027-03-02');
    expect([near.title, near.severity]).toEqual([
      'payments reaches its sunset in 19 days',
      'high',
    ]);
    expect(at('2027-03-01').title).toBe('payments reaches its sunset today');
    expect([passed.title, passed.severity]).toEqual([
      'payments is past its sunset',
      'critical',
    ]);
    expect(passed.description).toContain('(sunset on 2027-03-01, 1 day ago)');
    expect(new Set([announced.key, near.key, passed.key]).size).toBe(3);
    // the same stage on another day is the same notice
    expect(at('2026-12-15').key).toBe(announced.key);

    const moved = planConsumerNotices({
      head: registry([
        ...DEPRECATED_PAYMENTS.map(line =>
          line.startsWith('sunset_date') ? 'sunset_date = 2027-06-01' : line,
        ),
        ...SEARCH,
      ]),
      today: '2026-11-30',
    }).find(n => n.owner === '@shop-team')!;
    expect(moved.key).not.toBe(announced.key);
    expect(moved.description).toContain('sunset on 2027-06-01');
  });

  it('sends consumers to the live end of the chain when the replacement is deprecated too, and tells again when it changes', () => {
    const chained = [
      ...DEPRECATED_PAYMENTS,
      'status = "deprecated"',
      'replacement_service = "payments-v3"',
      '[service.payments-v3]',
      'owner = "@payments-team"',
      'version = "3.0.0"',
      'dependencies.requires = ["payments"]',
    ];
    const notices = planConsumerNotices({
      head: registry([...chained, ...SEARCH]),
      today: '2026-11-30',
    });
    const shop = notices.find(n => n.owner === '@shop-team')!;
    expect(shop.description).toBe(
      'shop-api and shop-web depend on payments, which is deprecated since 2026-11-01 (sunset on 2027-03-01, in 91 days). Migrate to payments-v3, the live end of its replacements payments-v2 → payments-v3. Migration guide: https://docs.example.com/payments-v2',
    );
    const before = planConsumerNotices({
      head: registry([...DEPRECATED_PAYMENTS, ...SEARCH]),
      today: '2026-11-30',
    }).find(n => n.owner === '@shop-team')!;
    expect(shop.key).not.toBe(before.key);
    // the live successor still using payments takes that use over instead of migrating to itself
    expect(notices.find(n => n.owner === '@payments-team')!.description).toBe(
      'payments-v3 depends on payments, which is deprecated since 2026-11-01 (sunset on 2027-03-01, in 91 days). payments-v3 is its live successor: take over in it what it still uses payments for. Migration guide: https://docs.example.com/payments-v2',
    );
  });

  it('tells consumers to ask the owners when the chain of replacements reaches no live service', () => {
    const [notice] = planConsumerNotices({
      head: registry(
        DEPRECATED_PAYMENTS.slice(0, 10),
        SHOP.slice(0, 2).concat(SHOP.slice(9, 13)),
      ),
      today: '2026-11-30',
    });
    expect(notice.description).toBe(
      'shop-admin depends on payments, which is deprecated since 2026-11-01 (sunset on 2027-03-01, in 91 days). Its replacement_service payments-v2 is no live service (no registry file declares it): ask the owners of payments where to migrate. Migration guide: https://docs.example.com/payments-v2',
    );
  });

  it('says "as of" for a deprecation announced for a later day', () => {
    const [notice] = planConsumerNotices({
      head: registry(
        DEPRECATED_PAYMENTS.map(l =>
          l.startsWith('deprecation_date')
            ? 'deprecation_date = 2026-12-15'
            : l,
        ),
        SHOP.slice(0, 2).concat(SHOP.slice(9, 13)),
      ),
      today: '2026-11-30',
    });
    expect(notice.description).toMatch(
      /^shop-admin depends on payments, which is deprecated as of 2026-12-15 \(sunset on 2027-03-01, in 91 days\)\./,
    );
  });

  it('says when no sunset is announced yet, and tells a retirement that leaves consumers behind', () => {
    const noSunset = planConsumerNotices({
      head: registry([
        ...PAYMENTS.map(l =>
          l.startsWith('status') ? 'status = "deprecated"' : l,
        ),
        ...SEARCH,
      ]),
      today: '2026-11-30',
    });
    expect(noSunset[0].description).toBe(
      'shop-admin depends on payments, which is deprecated (no sunset date announced yet).',
    );

    const retired = planConsumerNotices({
      head: registry([
        ...PAYMENTS.map(l =>
          l.startsWith('status') ? 'status = "retired"' : l,
        ),
        ...SEARCH,
      ]),
      today: '2026-11-30',
    });
    expect(retired.map(n => [n.title, n.severity])).toEqual([
      ['payments is retired', 'critical'],
      ['payments is retired', 'critical'],
    ]);
  });

  it('tells the direct consumers of a breaking change, against the base, with what changed', () => {
    const base = registry([...PAYMENTS, ...SEARCH]);
    const head = registry([
      ...PAYMENTS.map(l => (l.startsWith('version') ? 'version = "2.0.0"' : l)),
      ...SEARCH,
    ]);
    const notices = planConsumerNotices({ head, base, today: '2026-11-30' });
    expect(notices.map(n => [n.kind, n.title, n.owner, n.consumers])).toEqual([
      [
        'breaking-change',
        'Breaking change to payments: new major version',
        '@admin-team',
        ['shop-admin'],
      ],
      [
        'breaking-change',
        'Breaking change to payments: new major version',
        '@shop-team',
        ['shop-api'],
      ],
      // shop-web uses payments optionally: told apart, as an optional dependency
      [
        'breaking-change',
        'Breaking change to payments: new major version (optional dependency)',
        '@shop-team',
        ['shop-web'],
      ],
    ]);
    expect(notices[1].description).toBe(
      'payments goes from 1.4.0 to 2.0.0, a major (incompatible) version. shop-api depends on it: check it against 2.0.0 and update the version range.',
    );
    expect(notices[1].severity).toBe('high');
    // no change, nothing to tell
    expect(
      planConsumerNotices({ head, base: head, today: '2026-11-30' }),
    ).toEqual([]);
  });

  it('tells a major version going back (a revert) as such, not as a new major version', () => {
    const at = (version: string) =>
      registry([
        ...PAYMENTS.map(l =>
          l.startsWith('version') ? `version = "${version}"` : l,
        ),
        ...SEARCH,
      ]);
    const reverted = planConsumerNotices({
      head: at('1.4.0'),
      base: at('2.1.0'),
      today: '2026-11-30',
    });
    expect(reverted.map(n => [n.title, n.consumers, n.severity])).toEqual([
      [
        'Breaking change to payments: back to an earlier major version',
        ['shop-admin'],
        'high',
      ],
      [
        'Breaking change to payments: back to an earlier major version',
        ['shop-api'],
        'high',
      ],
      [
        'Breaking change to payments: back to an earlier major version (optional dependency)',
        ['shop-web'],
        'normal',
      ],
    ]);
    expect(reverted[1].description).toBe(
      'payments goes back from 2.1.0 to 1.4.0, an earlier major (incompatible) version. shop-api depends on it: check it against 1.4.0 and update the version range, or ask the owners of payments whether going back is intended.',
    );
    expect(reverted[2].description).toBe(
      'payments goes back from 2.1.0 to 1.4.0, an earlier major (incompatible) version. shop-web uses it optionally, so the change degrades it rather than breaks it: check it against 1.4.0 and update the version range, or ask the owners of payments whether going back is intended.',
    );

    // for 0.x versions the minor is the major, both ways
    const zero = (from: string, to: string) =>
      planConsumerNotices({ head: at(to), base: at(from), today: '2026-11-30' })
        .map(n => n.title)
        .slice(0, 1);
    expect(zero('0.4.0', '0.3.9')).toEqual([
      'Breaking change to payments: back to an earlier major version',
    ]);
    expect(zero('0.3.9', '0.4.0')).toEqual([
      'Breaking change to payments: new major version',
    ]);
  });

  it('tells a port change to every direct consumer, and a raised minimum only to the consumers whose range it breaks', () => {
    const base = registry([
      ...PAYMENTS,
      'compat_version_min = "1.0.0"',
      ...SEARCH,
    ]);
    const ported = planConsumerNotices({
      head: registry([
        ...PAYMENTS.map(l => (l.startsWith('port') ? 'port = 9090' : l)),
        'compat_version_min = "1.0.0"',
        ...SEARCH,
      ]),
      base,
      today: '2026-11-30',
    });
    expect(ported.map(n => n.description)).toEqual([
      'payments moves from port 8080 to port 9090. shop-admin depends on it: update the port it calls it on.',
      'payments moves from port 8080 to port 9090. shop-api depends on it: update the port it calls it on.',
      'payments moves from port 8080 to port 9090. shop-web uses it optionally, so the change degrades it rather than breaks it: update the port it calls it on.',
    ]);

    const raised = planConsumerNotices({
      head: registry(
        [...PAYMENTS, 'compat_version_min = "2.0.0"', ...SEARCH],
        SHOP.map(l =>
          l === 'dependencies.requires = ["payments@^1.0", "search"]'
            ? 'dependencies.requires = ["payments@>=1.0", "search"]'
            : l,
        ),
      ),
      base,
      today: '2026-11-30',
    });
    // shop-api's range (>=1.0) accepts 2.0.0; shop-admin's (^1.0) does not
    expect(raised.map(n => [n.title, n.consumers, n.description])).toEqual([
      [
        'Breaking change to payments: minimum compatible version raised',
        ['shop-admin'],
        'payments now accepts clients from version 2.0.0 (compat_version_min), past the version range shop-admin asks for: migrate and move the range to >=2.0.0.',
      ],
    ]);
  });

  it('tells the consumers that use a changed service optionally apart: worded as an optional dependency, less urgent, under a key of their own', () => {
    const base = registry([
      ...PAYMENTS,
      'compat_version_min = "1.0.0"',
      ...SEARCH,
    ]);
    const optionalShop = SHOP.map(l =>
      l === 'dependencies.optional = ["payments"]'
        ? 'dependencies.optional = ["payments@^1.0"]'
        : l,
    );
    const major = planConsumerNotices({
      head: registry(
        [
          ...PAYMENTS.map(l =>
            l.startsWith('version') ? 'version = "2.0.0"' : l,
          ),
          'compat_version_min = "1.0.0"',
          ...SEARCH,
        ],
        optionalShop,
      ),
      base: registry(
        [...PAYMENTS, 'compat_version_min = "1.0.0"', ...SEARCH],
        optionalShop,
      ),
      today: '2026-11-30',
    });
    const required = major.find(n => n.consumers.includes('shop-api'))!;
    const optional = major.find(n => n.consumers.includes('shop-web'))!;
    expect(optional).toMatchObject({
      kind: 'breaking-change',
      service: 'payments',
      owner: '@shop-team',
      consumers: ['shop-web'],
      title:
        'Breaking change to payments: new major version (optional dependency)',
      severity: 'normal',
      link: '/catalog/default/component/payments',
    });
    expect(optional.description).toBe(
      'payments goes from 1.4.0 to 2.0.0, a major (incompatible) version. shop-web uses it optionally, so the change degrades it rather than breaks it: check it against 2.0.0 and update the version range.',
    );
    expect(required.severity).toBe('high');
    // the same owner is told both: each notice has its own key
    expect(optional.key).not.toBe(required.key);
    expect(optional.key.startsWith('breaking/')).toBe(true);

    // a raised minimum: only the optional consumers whose range it leaves out
    const raised = planConsumerNotices({
      head: registry(
        [...PAYMENTS, 'compat_version_min = "2.0.0"', ...SEARCH],
        optionalShop,
      ),
      base,
      today: '2026-11-30',
    });
    expect(raised.map(n => [n.title, n.consumers, n.severity])).toEqual([
      [
        'Breaking change to payments: minimum compatible version raised',
        ['shop-admin'],
        'high',
      ],
      [
        'Breaking change to payments: minimum compatible version raised',
        ['shop-api'],
        'high',
      ],
      [
        'Breaking change to payments: minimum compatible version raised (optional dependency)',
        ['shop-web'],
        'normal',
      ],
    ]);
    expect(raised[2].description).toBe(
      'payments now accepts clients from version 2.0.0 (compat_version_min), past the version range shop-web asks for in its optional dependency, so the change degrades it rather than breaks it: migrate and move the range to >=2.0.0.',
    );
  });

  it('tells the consumers of a removed service, linking to their own page since the service has none', () => {
    const base = registry([...PAYMENTS, ...SEARCH]);
    const head = registry(PAYMENTS);
    const notices = planConsumerNotices({ head, base, today: '2026-11-30' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      title: 'Breaking change to search: removed from the registry',
      consumers: ['shop-api'],
      link: '/catalog/default/component/shop-api',
    });
  });

  it('does not tell a retirement twice (as a breaking change and as a deprecation stage)', () => {
    const base = registry([...DEPRECATED_PAYMENTS, ...SEARCH]);
    const head = registry([
      ...DEPRECATED_PAYMENTS.map(l =>
        l.startsWith('status') ? 'status = "retired"' : l,
      ),
      ...SEARCH,
    ]);
    const notices = planConsumerNotices({ head, base, today: '2027-03-05' });
    expect(notices.map(n => n.kind)).toEqual(['deprecation', 'deprecation']);
    expect(notices.map(n => n.title)).toEqual([
      'payments is retired',
      'payments is retired',
    ]);
  });

  describe("a change to a project's override of a global service", () => {
    // payments is global; project shop overrides it, project other uses the global declaration
    function overridden(override: string[], catalog: string[] = PAYMENTS) {
      return loadRegistry([
        {
          path: 'services/catalog.toml',
          text: [...catalog, ...SEARCH].join('\n'),
        },
        {
          path: 'projects/shop/services.toml',
          text: [
            '[project]',
            'owner = "@shop-team"',
            '[service.payments]',
            ...override,
            '[service.shop-api]',
            'version = "1.0.0"',
            'dependencies.requires = ["payments@^1.0"]',
          ].join('\n'),
        },
        {
          path: 'projects/other/services.toml',
          text: [
            '[project]',
            'owner = "@other-team"',
            '[service.other-api]',
            'version = "1.0.0"',
            'dependencies.requires = ["payments@^1.0"]',
          ].join('\n'),
        },
      ]);
    }

    it("quotes the project's ports and tells that project's consumers only", () => {
      const notices = planConsumerNotices({
        base: overridden(['port = 8181']),
        head: overridden(['port = 8282']),
        today: '2026-11-30',
      });
      expect(
        notices.map(n => [n.title, n.owner, n.consumers, n.description]),
      ).toEqual([
        [
          'Breaking change to payments in project shop: port changed',
          '@shop-team',
          ['shop-api'],
          "In project shop, payments moves from port 8181 to port 8282 (the project's override in projects/shop/services.toml). shop-api depends on it: update the port it calls it on.",
        ],
      ]);
    });

    it("quotes the project's versions and minimum", () => {
      const major = planConsumerNotices({
        base: overridden(['version = "1.5.0"']),
        head: overridden(['version = "2.1.0"']),
        today: '2026-11-30',
      });
      expect(major.map(n => [n.consumers, n.description])).toEqual([
        [
          ['shop-api'],
          "In project shop, payments goes from 1.5.0 to 2.1.0, a major (incompatible) version (the project's override in projects/shop/services.toml). shop-api depends on it: check it against 2.1.0 and update the version range.",
        ],
      ]);

      const raised = planConsumerNotices({
        base: overridden(['compat_version_min = "1.1.0"']),
        head: overridden(['compat_version_min = "2.0.0"']),
        today: '2026-11-30',
      });
      expect(raised.map(n => [n.title, n.consumers, n.description])).toEqual([
        [
          'Breaking change to payments in project shop: minimum compatible version raised',
          ['shop-api'],
          "In project shop, payments now accepts clients from version 2.0.0 (compat_version_min), past the version range shop-api asks for (the project's override in projects/shop/services.toml): migrate and move the range to >=2.0.0.",
        ],
      ]);
    });

    it('quotes the global value a view goes back to when the override no longer sets it', () => {
      const notices = planConsumerNotices({
        base: overridden(['port = 8181']),
        head: overridden(['owner = "@payments-team"']),
        today: '2026-11-30',
      });
      expect(notices.map(n => [n.consumers, n.description])).toEqual([
        [
          ['shop-api'],
          "In project shop, payments moves from port 8181 to port 8080 (the project's override in projects/shop/services.toml). shop-api depends on it: update the port it calls it on.",
        ],
      ]);
    });

    it("tells the project's overrides of global consumers, as the project sees them", () => {
      // shop overrides the global gateway, which requires payments, and payments itself
      const withGateway = (port: number) =>
        loadRegistry([
          {
            path: 'services/catalog.toml',
            text: [
              ...PAYMENTS,
              '[service.gateway]',
              'owner = "@edge-team"',
              'dependencies.requires = ["payments"]',
              '[service.audit]',
              'owner = "@audit-team"',
              'dependencies.optional = ["payments"]',
            ].join('\n'),
          },
          {
            path: 'projects/shop/services.toml',
            text: [
              '[project]',
              'owner = "@shop-team"',
              '[service.payments]',
              `port = ${port}`,
              '[service.gateway]',
              'tier = "high"',
              '[service.audit]',
              'tier = "high"',
            ].join('\n'),
          },
        ]);
      const notices = planConsumerNotices({
        base: withGateway(8181),
        head: withGateway(8282),
        today: '2026-11-30',
      });
      expect(notices.map(n => [n.title, n.owner, n.consumers])).toEqual([
        [
          'Breaking change to payments in project shop: port changed',
          '@edge-team',
          ['gateway'],
        ],
        [
          'Breaking change to payments in project shop: port changed (optional dependency)',
          '@audit-team',
          ['audit'],
        ],
      ]);
    });

    it('tells a global change to the projects that see it, with the global values', () => {
      const notices = planConsumerNotices({
        base: overridden(['port = 8181']),
        head: overridden(
          ['port = 8181'],
          PAYMENTS.map(l => (l.startsWith('port') ? 'port = 9090' : l)),
        ),
        today: '2026-11-30',
      });
      expect(
        notices.map(n => [n.title, n.owner, n.consumers, n.description]),
      ).toEqual([
        [
          'Breaking change to payments: port changed',
          '@other-team',
          ['other-api'],
          'payments moves from port 8080 to port 9090. other-api depends on it: update the port it calls it on.',
        ],
      ]);
    });
  });

  it('names five consumers of an owner and counts the rest', () => {
    const many = ['[project]', 'owner = "@shop-team"'];
    for (let i = 1; i <= 8; i++) {
      many.push(`[service.s${i}]`, 'dependencies.requires = ["payments"]');
    }
    const [notice] = planConsumerNotices({
      head: registry(DEPRECATED_PAYMENTS, many),
      today: '2026-11-30',
    });
    expect(notice.consumers).toHaveLength(8);
    expect(notice.description).toMatch(
      /^s1, s2, s3, s4, s5 and 3 more depend on payments,/,
    );
  });
});
