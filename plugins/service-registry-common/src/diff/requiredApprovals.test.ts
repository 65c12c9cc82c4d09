import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';
import { GOVERNANCE } from './__testUtils__/governance';

const TODAY = '2026-01-20';

/**
 * A registry of `auth` (written by the given lines) and a project service requiring it, with the
 * given `policies/governance.toml` (none for null).
 */
function registry(auth: string[], governance: string | null = GOVERNANCE) {
  return registryOf({
    'services/catalog.toml': ['[service.auth]', ...auth].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      'owner = "@shop-team"',
      '[service.shop-api]',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
    ...(governance === null ? {} : { 'policies/governance.toml': governance }),
  });
}

const approvalsOf = (before: string[], after: string[]) =>
  diffRegistries(registry(before), registry(after), { today: TODAY })
    .requiredApprovals;

describe('diffRegistries: required approvals', () => {
  it('asks version_bumps_require for any version bump, a minor one too, and nothing else for it', () => {
    expect(
      approvalsOf(
        ['version = "1.2.0"', 'port = 80'],
        ['version = "1.3.0"', 'port = 80'],
      ),
    ).toEqual([
      {
        approver: '@maintainer',
        reasons: [
          {
            kind: 'version-bump',
            service: 'auth',
            before: '1.2.0',
            after: '1.3.0',
          },
        ],
      },
    ]);
  });

  it('asks config_changes_require for a change of any other field, on top of the breaking change approvers', () => {
    const approvals = approvalsOf(
      ['version = "1.2.0"', 'port = 80', 'metadata.replicas = 2'],
      ['version = "1.2.0"', 'port = 90', 'metadata.replicas = 3'],
    );
    expect(approvals.map(a => a.approver)).toEqual([
      '@platform-team',
      '@security-team',
      '@shop-team',
      '@ops-team',
    ]);
    expect(approvals[0].reasons).toEqual([
      { kind: 'breaking', service: 'auth', breakingKinds: ['port-changed'] },
    ]);
    expect(approvals[3].reasons).toEqual([
      {
        kind: 'config-change',
        service: 'auth',
        fields: ['metadata.replicas', 'port'],
      },
    ]);
  });

  it('needs no approval for descriptive text (name, description, tags) alone', () => {
    expect(
      approvalsOf(
        ['name = "Auth"', 'description = "Logs in."', 'tags = ["a"]'],
        ['name = "Auth service"', 'description = "Signs in."', 'tags = ["b"]'],
      ),
    ).toEqual([]);
    // a version bump with a new description is a version bump only
    expect(
      approvalsOf(
        ['version = "1.2.0"', 'description = "Logs in."'],
        ['version = "1.2.1"', 'description = "Signs in."'],
      ).map(a => [a.approver, a.reasons.map(r => r.kind)]),
    ).toEqual([['@maintainer', ['version-bump']]]);
  });

  it('lists every reason of an approver, and the approvers of a major bump under each policy', () => {
    const approvals = approvalsOf(
      ['version = "1.2.0"', 'owner = "@auth-team"'],
      ['version = "2.0.0"', 'owner = "@identity-team"'],
    );
    expect(
      approvals.map(a => [a.approver, a.reasons.map(r => r.kind)]),
    ).toEqual([
      ['@platform-team', ['breaking']],
      ['@security-team', ['breaking']],
      ['@shop-team', ['breaking']],
      ['@maintainer', ['version-bump']],
      ['@ops-team', ['config-change']],
    ]);
    expect(approvals[4].reasons).toEqual([
      { kind: 'config-change', service: 'auth', fields: ['owner'] },
    ]);
  });

  it("names the project of an override's change", () => {
    const files = (port: number, replicas: number) =>
      registryOf({
        'services/catalog.toml': '[service.auth]\nversion = "1.0.0"\nport = 80',
        'projects/shop/services.toml': [
          '[project]',
          '[service.auth]',
          `port = ${port}`,
          `metadata.replicas = ${replicas}`,
        ].join('\n'),
        'policies/governance.toml': GOVERNANCE,
      });
    const { requiredApprovals } = diffRegistries(files(81, 2), files(81, 3), {
      today: TODAY,
    });
    expect(requiredApprovals).toEqual([
      {
        approver: '@ops-team',
        reasons: [
          {
            kind: 'config-change',
            service: 'auth',
            project: 'shop',
            override: true,
            fields: ['metadata.replicas'],
          },
        ],
      },
    ]);
  });

  it("takes the entries as written (the seed's @maintainer is not resolved to an owner), each once", () => {
    const twice = GOVERNANCE.replace(
      '["@maintainer"]',
      '["@maintainer", "@maintainer", "release-managers"]',
    );
    const { requiredApprovals } = diffRegistries(
      registry(['version = "1.0.0"', 'owner = "@auth-team"'], twice),
      registry(['version = "1.0.1"', 'owner = "@auth-team"'], twice),
      { today: TODAY },
    );
    expect(requiredApprovals.map(a => a.approver)).toEqual([
      '@maintainer',
      'release-managers',
    ]);
  });

  it('counts @name and name as one approver, spelled as first seen, with the reasons of both', () => {
    // the owners are team handles written without the @ the approver lists use
    const files = (version: string, port: number) =>
      registryOf({
        'services/catalog.toml': [
          '[service.auth]',
          `version = "${version}"`,
          `port = ${port}`,
          'governance.approvers = ["@platform-team"]',
        ].join('\n'),
        'projects/shop/services.toml': [
          '[project]',
          'owner = "platform-team"',
          '[service.shop-api]',
          'owner = "@security-team"',
          'dependencies.requires = ["auth"]',
        ].join('\n'),
        'policies/governance.toml': [
          '[change_control]',
          'breaking_changes_require = ["@platform-team", "security-team"]',
          'version_bumps_require = ["@maintainer", "maintainer"]',
          'config_changes_require = ["@ops-team", "platform-team"]',
        ].join('\n'),
      });
    const diff = diffRegistries(files('1.0.0', 80), files('2.0.0', 90), {
      today: TODAY,
    });
    expect(diff.breakingChanges.map(c => [c.kind, c.approvers])).toEqual([
      ['port-changed', ['@platform-team', 'security-team']],
      ['major-version-bump', ['@platform-team', 'security-team']],
    ]);
    expect(diff.impactByService.map(s => s.approvers)).toEqual([
      ['@platform-team', 'security-team'],
    ]);
    expect(
      diff.requiredApprovals.map(a => [a.approver, a.reasons.map(r => r.kind)]),
    ).toEqual([
      ['@platform-team', ['breaking', 'config-change']],
      ['security-team', ['breaking']],
      ['@maintainer', ['version-bump']],
      ['@ops-team', ['config-change']],
    ]);
    expect(diff.requiredApprovals[0].reasons[0]).toEqual({
      kind: 'breaking',
      service: 'auth',
      breakingKinds: ['port-changed', 'major-version-bump'],
    });
  });

  it("takes base's change_control and head's together: a change cannot lower the bar it is judged by", () => {
    const lax = [
      '[change_control]',
      'breaking_changes_require = []',
      'version_bumps_require = []',
      'config_changes_require = ["@dev-team"]',
    ].join('\n');
    // the change empties the policy and bumps the version, changes the port
    const approvals = diffRegistries(
      registry(['version = "1.0.0"', 'port = 80']),
      registry(['version = "2.0.0"', 'port = 90'], lax),
      { today: TODAY },
    ).requiredApprovals.map(a => a.approver);
    expect(approvals).toEqual(
      expect.arrayContaining([
        '@platform-team',
        '@security-team',
        '@maintainer',
        '@ops-team',
        '@dev-team',
        '@shop-team',
      ]),
    );
    // and a service's own approvers still count when the change removes them
    const withApprovers = diffRegistries(
      registry([
        'version = "1.0.0"',
        'port = 80',
        'governance.approvers = ["@auth-owners"]',
      ]),
      registry(['version = "1.0.0"', 'port = 90']),
      { today: TODAY },
    ).requiredApprovals.map(a => a.approver);
    expect(withApprovers).toContain('@auth-owners');
  });

  it('reads the change_control of either side; without one only breaking changes need approvers', () => {
    const withoutPolicy = (version: string) =>
      registry([`version = "${version}"`, 'port = 80'], null);
    expect(
      diffRegistries(withoutPolicy('1.0.0'), withoutPolicy('1.1.0'), {
        today: TODAY,
      }).requiredApprovals,
    ).toEqual([]);
    expect(
      diffRegistries(
        withoutPolicy('1.0.0'),
        registry(['version = "1.1.0"', 'port = 80']),
        { today: TODAY },
      ).requiredApprovals.map(a => a.approver),
      // adding or removing the policy is a policy change: breaking_changes_require approves it
    ).toEqual(['@maintainer', '@platform-team', '@security-team']);
    expect(
      diffRegistries(
        registry(['version = "1.0.0"', 'port = 80']),
        withoutPolicy('1.1.0'),
        { today: TODAY },
      ).requiredApprovals.map(a => a.approver),
    ).toEqual(['@maintainer', '@platform-team', '@security-team']);
    // a breaking change still needs the owners it affects
    expect(
      diffRegistries(
        withoutPolicy('1.0.0'),
        registry(['version = "1.0.0"', 'port = 90'], null),
        { today: TODAY },
      ).requiredApprovals,
    ).toEqual([
      {
        approver: '@shop-team',
        reasons: [
          {
            kind: 'breaking',
            service: 'auth',
            breakingKinds: ['port-changed'],
          },
        ],
      },
    ]);
  });

  it('needs no approval for added or removed services unless the removal breaks a consumer', () => {
    const base = registryOf({
      'services/catalog.toml': '[service.old]\nport = 1',
      'policies/governance.toml': GOVERNANCE,
    });
    const head = registryOf({
      'services/catalog.toml': '[service.new]\nport = 2',
      'policies/governance.toml': GOVERNANCE,
    });
    const diff = diffRegistries(base, head, { today: TODAY });
    expect([diff.added, diff.removed]).toEqual([['new'], ['old']]);
    expect(diff.requiredApprovals).toEqual([]);
  });
});
