import { registryOf } from '../validation/__testUtils__/registryOf';
import { renderChangeReportMarkdown } from '../report/markdown';
import { diffRegistries } from './diffRegistries';
import { GOVERNANCE } from './__testUtils__/governance';

const TODAY = '2026-01-20';

const SLA = [
  '[sla.critical]',
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  '',
  '[sla.low]',
  'availability = "99%"',
].join('\n');

const SECURITY = ['[security]', 'block_on = ["critical", "high"]'].join('\n');

/** A registry of project `shop` (declared by `project`) and the given policy files. */
function registry(
  project: string[],
  policies: Record<string, string> = {
    'policies/governance.toml': GOVERNANCE,
    'policies/sla.toml': SLA,
    'policies/security.toml': SECURITY,
  },
) {
  return registryOf({
    'services/catalog.toml': ['[service.auth]', 'version = "1.0.0"'].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      ...project,
      '',
      '[service.shop-api]',
      'dependencies.requires = ["auth"]',
      '',
      '[service.shop-db]',
      'tier = "high"',
      '',
      '[service.auth]',
      'port = 8443',
    ].join('\n'),
    ...policies,
  });
}

const SHOP = ['name = "Shop"', 'owner = "@shop-team"', 'tier = "critical"'];

describe('diffRegistries: changes of projects and policies', () => {
  it('lists a lowered project tier with the services that take it, and asks config_changes_require', () => {
    const diff = diffRegistries(
      registry(SHOP),
      registry(['name = "Shop"', 'owner = "@shop-team"', 'tier = "low"']),
      { today: TODAY },
    );
    expect(diff.changed).toEqual([]);
    expect(diff.policyChanges).toEqual([]);
    expect(diff.projectChanges).toEqual([
      {
        project: 'shop',
        changes: [{ path: 'tier', before: 'critical', after: 'low' }],
        // shop-db declares its own tier; the override of auth is the global service's
        tierInheritedBy: ['shop-api'],
        position: {
          file: 'projects/shop/services.toml',
          line: 4,
          column: 1,
        },
      },
    ]);
    expect(diff.requiredApprovals).toEqual([
      {
        approver: '@ops-team',
        reasons: [
          { kind: 'project-change', project: 'shop', fields: ['tier'] },
        ],
      },
    ]);
  });

  it('needs no approval for a project’s new name or description, but still lists it', () => {
    const diff = diffRegistries(
      registry(SHOP),
      registry([
        'name = "Shop front"',
        'description = "Where customers buy"',
        'owner = "@shop-team"',
        'tier = "critical"',
      ]),
      { today: TODAY },
    );
    expect(diff.projectChanges.map(c => c.changes.map(f => f.path))).toEqual([
      ['description', 'name'],
    ]);
    expect(diff.projectChanges[0].tierInheritedBy).toEqual([]);
    expect(diff.requiredApprovals).toEqual([]);
  });

  it('lists a project written as [project-specific.<id>] in base and [project] in head as unchanged', () => {
    const before = registryOf({
      'projects/shop/services.toml': [
        '[project-specific.shop]',
        'owner = "@shop-team"',
        'tier = "high"',
      ].join('\n'),
    });
    const after = registryOf({
      'projects/shop/services.toml': [
        '[project]',
        'owner = "@shop-team"',
        'tier = "high"',
      ].join('\n'),
    });
    expect(
      diffRegistries(before, after, { today: TODAY }).projectChanges,
    ).toEqual([]);
  });

  it('lists changed, added and removed policy keys with their values and places, and asks breaking_changes_require, base’s and head’s', () => {
    const diff = diffRegistries(
      registry(SHOP),
      registry(SHOP, {
        'policies/governance.toml': GOVERNANCE.replace(
          '"@platform-team", "@security-team"',
          '"@platform-team"',
        ),
        'policies/sla.toml': [
          '[sla.critical]',
          'availability = "99%"',
          '',
          '[sla.low]',
          'availability = "99%"',
          'rto = "24h"',
        ].join('\n'),
        'policies/security.toml': ['[security]', 'block_on = []'].join('\n'),
      }),
      { today: TODAY },
    );
    expect(diff.changed).toEqual([]);
    expect(diff.policyChanges).toEqual([
      {
        path: 'change_control.breaking_changes_require',
        before: ['@platform-team', '@security-team'],
        after: ['@platform-team'],
        position: { file: 'policies/governance.toml', line: 2, column: 1 },
      },
      {
        path: 'security.block_on',
        before: ['critical', 'high'],
        after: [],
        position: { file: 'policies/security.toml', line: 2, column: 1 },
      },
      {
        path: 'sla.critical.availability',
        before: '99.99%',
        after: '99%',
        position: { file: 'policies/sla.toml', line: 2, column: 1 },
      },
      {
        // removed: where base wrote it
        path: 'sla.critical.response_time_p99',
        before: '100ms',
        position: { file: 'policies/sla.toml', line: 3, column: 1 },
      },
      {
        path: 'sla.low.rto',
        after: '24h',
        position: { file: 'policies/sla.toml', line: 6, column: 1 },
      },
    ]);
    // base's list still counts: the change cannot drop the approver it needs
    expect(diff.requiredApprovals).toEqual(
      ['@platform-team', '@security-team'].map(approver => ({
        approver,
        reasons: [
          {
            kind: 'policy-change',
            paths: diff.policyChanges.map(c => c.path),
          },
        ],
      })),
    );
  });

  it('does not count a policy key moved from one file to another as a change', () => {
    const diff = diffRegistries(
      registry(SHOP),
      registry(SHOP, {
        'policies/governance.toml': [GOVERNANCE, SLA, SECURITY].join('\n\n'),
      }),
      { today: TODAY },
    );
    expect(diff.policyChanges).toEqual([]);
    expect(diff.requiredApprovals).toEqual([]);
  });

  it('hides a secret-looking policy value', () => {
    const diff = diffRegistries(
      registry(SHOP, {
        'policies/security.toml': [
          '[security]',
          'scanner_token = "one-value"',
        ].join('\n'),
      }),
      registry(SHOP, {
        'policies/security.toml': [
          '[security]',
          'scanner_token = "another-value"',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    expect(diff.policyChanges).toEqual([
      expect.objectContaining({
        path: 'security.scanner_token',
        before: '(hidden)',
        after: '(hidden)',
      }),
    ]);
    expect(JSON.stringify(diff)).not.toContain('value"');
  });

  it('names the project and policy changes in the change report, with their values and approvers', () => {
    const head = registry(
      ['name = "Shop"', 'owner = "@shop-team"', 'tier = "low"'],
      {
        'policies/governance.toml': GOVERNANCE,
        'policies/sla.toml': SLA.replace('"99.99%"', '"99%"'),
        'policies/security.toml': SECURITY,
      },
    );
    const report = renderChangeReportMarkdown({
      findings: [],
      diff: diffRegistries(registry(SHOP), head, { today: TODAY }),
    });
    expect(report).toContain(
      '- Changed project `shop`: `tier` (`critical` → `low`); the tier is taken by `shop-api`\n',
    );
    expect(report).toContain(
      '- Changed policies: `sla.critical.availability` (`99.99%` → `99%`)\n',
    );
    expect(report).toContain(
      '- `@ops-team`: change to project `shop` (`tier`)\n',
    );
    expect(report).toContain(
      '- `@platform-team`: policy change (`sla.critical.availability`)\n',
    );
  });
});
