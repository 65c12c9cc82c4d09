import { loadRegistry } from './buildRegistry';
import { diffRegistries } from '../diff/diffRegistries';

function load(text: string) {
  return loadRegistry([{ path: 'services/catalog.toml', text }]);
}

describe('loadRegistry: governance.approvers', () => {
  it('reports an empty or blank approver at its entry and leaves it out, keeping the others', () => {
    const registry = load(
      [
        '[service.a]', // 1
        'version = "1.0.0"',
        '[service.a.governance]',
        'approvers = ["@platform-team", "", " \\t", "@security-team"]',
      ].join('\n'),
    );
    expect(
      registry.findings.map(f => [
        f.code,
        f.severity,
        f.line,
        f.column,
        f.message,
      ]),
    ).toEqual([
      [
        'schema/invalid-value',
        'error',
        4,
        32,
        'Service "a": governance.approvers[1] must name an approver (a team or a person, e.g. "@platform-team"), got ""; it is ignored.',
      ],
      [
        'schema/invalid-value',
        'error',
        4,
        36,
        'Service "a": governance.approvers[2] must name an approver (a team or a person, e.g. "@platform-team"), got " \\t"; it is ignored.',
      ],
    ]);
    expect(registry.services.get('a')!.governance!.approvers).toEqual([
      '@platform-team',
      '@security-team',
    ]);
  });

  it('asks no blank approver to approve a breaking change', () => {
    const version = (v: string) =>
      load(
        [
          '[service.a]',
          `version = "${v}"`,
          'governance.approvers = ["", "@platform-team"]',
          '[service.b]',
          'version = "1.0.0"',
          'dependencies.requires = ["a@^1.0"]',
        ].join('\n'),
      );
    const report = diffRegistries(version('1.0.0'), version('2.0.0'));
    expect(report.requiredApprovals.map(a => a.approver)).toEqual([
      '@platform-team',
    ]);
  });
});
