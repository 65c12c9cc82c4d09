import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-12-07';

/** A registry whose global service `auth` has `fields`, required by `web`, with `policies`. */
function registry(fields: string[], policies?: string) {
  return registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      ...fields,
      '[service.web]',
      'status = "ga"',
      'version = "1.0.0"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
    ...(policies ? { 'policies/governance.toml': policies } : {}),
  });
}

/** The notice-not-honoured change of `auth` between the two, if any. */
function noticeOf(
  base: ReturnType<typeof registry>,
  head: ReturnType<typeof registry>,
) {
  return diffRegistries(base, head, { today: TODAY }).breakingChanges.find(
    c => c.kind === 'notice-not-honoured',
  );
}

/**
 * A registry with the ga global service `auth` on `port` (with `global`, more keys of its own),
 * project shop overriding it with `override`, and shop's service cart requiring it.
 */
function shopRegistry(port: number, global: string[], override: string[]) {
  return registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      'status = "ga"',
      'version = "1.0.0"',
      `port = ${port}`,
      ...global,
    ].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      'owner = "shop-team"',
      '[service.auth]',
      ...override,
      '[service.cart]',
      'version = "1.0.0"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
  });
}

/**
 * The breaking changes of moving the ga global service `auth` from port 8080 to 9090, with
 * project shop overriding it with `override` and its service cart requiring it.
 */
function portMoveUnderOverride(override: string[]) {
  return diffRegistries(
    shopRegistry(8080, [], override),
    shopRegistry(9090, [], override),
    { today: TODAY },
  ).breakingChanges;
}

const beta = (port: number, ...more: string[]) => [
  'status = "beta"',
  'version = "1.0.0-beta.2"',
  `port = ${port}`,
  ...more,
];

describe('the notice a beta service owes its consumers', () => {
  it("asks the lifecycle's 30 days of a beta service that sets no notice, at its status", () => {
    const notice = noticeOf(registry(beta(8080)), registry(beta(9090)));
    expect(notice).toMatchObject({
      service: 'auth',
      position: { file: 'services/catalog.toml', line: 2, column: 1 },
    });
    expect(notice?.message).toBe(
      `Service "auth" is beta and requires 30 days of notice before breaking changes (the lifecycle's beta stage; a governance.break_changes_notice of its own would take its place), but the registry records no announcement of it (a deprecation_date announces a deprecation, not this change); breaking changes here: port-changed. Tell its consumers 30 days before merging; the approvers confirm that they were told, or waive the notice.`,
    );
  });

  it('asks nothing of a service in another stage, nor of a change that breaks no one', () => {
    for (const status of ['development', 'ga', 'maintenance']) {
      const fields = (port: number) => [
        `status = "${status}"`,
        'version = "1.0.0"',
        `port = ${port}`,
      ];
      expect(noticeOf(registry(fields(8080)), registry(fields(9090)))).toBe(
        undefined,
      );
    }
    // the beta service's description changes: no breaking change, no notice
    expect(
      noticeOf(
        registry(beta(8080)),
        registry(beta(8080, 'description = "Sign-in"')),
      ),
    ).toBe(undefined);
  });

  it('counts from the beta stage before the change: a beta service made ga with a breaking change still owes it', () => {
    const notice = noticeOf(
      registry(beta(8080)),
      registry(['status = "ga"', 'version = "2.0.0"', 'port = 8080']),
    );
    expect(notice?.message).toContain(
      'breaking changes here: major-version-bump.',
    );
    expect(notice?.message).toContain('is beta and requires 30 days');
  });

  it("lets the service's own governance.break_changes_notice take the place of the beta notice (0: none)", () => {
    const own = noticeOf(
      registry(beta(8080, 'governance.break_changes_notice = 10')),
      registry(beta(9090, 'governance.break_changes_notice = 10')),
    );
    expect(own?.message).toContain(
      'requires 10 days of notice before breaking changes (governance.break_changes_notice)',
    );
    expect(own?.position.line).toBe(5);
    expect(
      noticeOf(
        registry(beta(8080, 'governance.break_changes_notice = 0')),
        registry(beta(9090, 'governance.break_changes_notice = 0')),
      ),
    ).toBe(undefined);
  });

  it("takes the policies' beta_change_notice_days, the longer of base's and head's (0 in both: none)", () => {
    const days = (n: number) =>
      `[change_control]\nbeta_change_notice_days = ${n}\n`;
    const fourteen = noticeOf(
      registry(beta(8080), days(14)),
      registry(beta(9090), days(14)),
    );
    expect(fourteen?.message).toContain(
      'is beta and requires 14 days of notice before breaking changes (change_control.beta_change_notice_days of the policies;',
    );
    expect(fourteen?.message).toContain('Tell its consumers 14 days');
    expect(
      noticeOf(registry(beta(8080), days(0)), registry(beta(9090), days(0))),
    ).toBe(undefined);
    // a change that also turns the notice off does not escape the notice its consumers were promised
    const shortened = noticeOf(
      registry(beta(8080)),
      registry(beta(9090), days(0)),
    );
    expect(shortened?.message).toContain(
      "requires 30 days of notice before breaking changes (the lifecycle's beta stage;",
    );
    const oneDay = noticeOf(
      registry(beta(8080), days(1)),
      registry(beta(9090), days(1)),
    );
    expect(oneDay?.message).toContain('requires 1 day of notice');
    expect(oneDay?.message).toContain('Tell its consumers 1 day before');
    // nor does one that lengthens it in head escape the longer notice
    expect(
      noticeOf(registry(beta(8080), days(7)), registry(beta(9090), days(45)))
        ?.message,
    ).toContain('requires 45 days of notice');
  });

  it('counts from the deprecation_date that announced a removal', () => {
    const announced = (date: string) =>
      registry(beta(8080, `deprecation_date = "${date}"`));
    const removed = registryOf({
      'services/catalog.toml': [
        '[service.web]',
        'status = "ga"',
        'version = "1.0.0"',
        'dependencies.requires = ["auth"]',
      ].join('\n'),
    });
    // announced 40 days before today: the notice is honoured
    expect(noticeOf(announced('2026-10-28'), removed)).toBe(undefined);
    const early = noticeOf(announced('2026-11-27'), removed);
    expect(early?.message).toContain(
      'but its deprecation_date 2026-11-27 is only 10 days before today (2026-12-07); breaking changes here: service-removed. Wait until 2026-12-27 before merging',
    );
    // a removed service is shown where base declared its status
    expect(early?.position).toMatchObject({
      file: 'services/catalog.toml',
      line: 2,
    });
  });

  it("applies to a project's beta view of a global service whose change it inherits", () => {
    const changes = portMoveUnderOverride([
      'status = "beta"',
      'version = "1.0.0-beta.1"',
    ]).filter(c => c.service === 'auth');
    const notice = changes.find(c => c.kind === 'notice-not-honoured');
    // the global declaration is ga: only the project's beta view owes the notice
    expect(notice).toMatchObject({
      project: 'shop',
      override: true,
      position: { file: 'projects/shop/services.toml', line: 4 },
    });
    expect(notice?.message).toContain(
      'In project "shop": Service "auth" is beta and requires 30 days',
    );
    // the project's consumers of the view are the ones owed it
    expect(notice?.impact.services.map(s => s.id)).toEqual(['cart']);
    expect(notice?.affectedProjects).toEqual(['shop']);
    // the port change itself is the global one, listed once
    expect(
      changes.filter(c => c.kind === 'port-changed').map(c => c.project),
    ).toEqual([undefined]);
  });
});

describe("a project's view that owes a notice its global declaration does not", () => {
  it("is told for the global change it inherits: the override's own break_changes_notice", () => {
    const changes = portMoveUnderOverride([
      'governance.break_changes_notice = 14',
    ]);
    expect(changes.map(c => [c.kind, c.project, c.position.line])).toEqual([
      ['port-changed', undefined, 4],
      ['notice-not-honoured', 'shop', 4],
    ]);
    expect(changes[1].message).toContain(
      'In project "shop": Service "auth" requires 14 days of notice before breaking changes (governance.break_changes_notice)',
    );
  });

  it('is not told again of a notice it shares with the global declaration, when it only becomes beta in the change', () => {
    // the global declaration owes its own notice; shop's view becomes beta in the change
    const notice = ['governance.break_changes_notice = 14'];
    const changes = diffRegistries(
      shopRegistry(8080, notice, ['status = "ga"']),
      shopRegistry(9090, notice, ['status = "beta"']),
      { today: TODAY },
    ).breakingChanges;
    // the view owes what the global declaration owes (14 days, its own notice): listed once
    expect(changes.map(c => [c.kind, c.project])).toEqual([
      ['port-changed', undefined],
      ['notice-not-honoured', undefined],
    ]);
  });
});
