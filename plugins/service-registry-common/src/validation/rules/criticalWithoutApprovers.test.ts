import { runRule } from '../__testUtils__/registryOf';
import { criticalWithoutApprovers } from './criticalWithoutApprovers';

describe('criticalWithoutApprovers', () => {
  it('reports a critical service (own or project tier) without approvers', () => {
    const findings = runRule(criticalWithoutApprovers, {
      'services/catalog.toml': ['[service.pay]', 'tier = "critical"'].join(
        '\n',
      ),
      'projects/p/services.toml': [
        '[project]',
        'tier = "critical"',
        '[service.web]',
        '[service.web.governance]',
        'approvers = []',
      ].join('\n'),
      'policies/governance.toml':
        '[change_control]\nbreaking_changes_require = ["@platform-team"]',
    });
    expect(findings.map(f => [f.code, f.severity, f.file, f.line])).toEqual([
      [
        'policy/critical-without-approvers',
        'error',
        'services/catalog.toml',
        2,
      ],
      [
        'policy/critical-without-approvers',
        'error',
        'projects/p/services.toml',
        5,
      ],
    ]);
    expect(findings[1].message).toContain('tier of project "p"');
    expect(findings[0].message).toContain('approvers = ["@platform-team"]');
  });

  it('accepts critical services with approvers and other tiers without', () => {
    expect(
      runRule(criticalWithoutApprovers, {
        'services/catalog.toml': [
          '[service.pay]',
          'tier = "critical"',
          'governance.approvers = ["@payments"]',
          '[service.web]',
          'tier = "high"',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('does not take blank entries for approvers', () => {
    const findings = runRule(criticalWithoutApprovers, {
      'services/catalog.toml': [
        '[service.pay]',
        'tier = "critical"',
        '[service.pay.governance]',
        'approvers = ["", "  "]',
      ].join('\n'),
    });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'policy/critical-without-approvers',
        message:
          'Service "pay" is critical but names no approvers: write the approvers in [service.pay.governance], e.g. approvers = ["@owning-team"], so that changes to it are reviewed.',
        file: 'services/catalog.toml',
        line: 4,
        column: 1,
        service: 'pay',
      },
    ]);
  });
});
