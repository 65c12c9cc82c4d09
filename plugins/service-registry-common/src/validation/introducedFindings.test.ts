import { loadRegistry } from '../load/buildRegistry';
import { RegistryFinding } from '../model/types';
import { messageWithoutPositions } from './findingIdentity';
import { introducedFindings } from './introducedFindings';
import { validateRegistry } from './validateRegistry';

const TODAY = { today: '2026-12-07' };

const findingsOf = (files: Record<string, string>) =>
  validateRegistry(
    loadRegistry(Object.entries(files).map(([path, text]) => ({ path, text }))),
    TODAY,
  );

const summary = (findings: RegistryFinding[]) =>
  findings.map(f => `${f.severity} ${f.code} ${f.file}:${f.line}:${f.column}`);

const CATALOG = `[service.auth]
owner = "platform-team"
version = "1.2.0"
status = "ga"

[service.web]
owner = "web-team"
[service.web.dependencies]
requires = ["auth@^1.0", "search"]
`;

describe('introducedFindings', () => {
  it('brings only the finding a change writes, though the edit moved the one the registry had', () => {
    const base = findingsOf({ 'services/catalog.toml': CATALOG });
    expect(summary(base)).toContain(
      'error dependency/missing-required services/catalog.toml:9:26',
    );
    // a service written above both moves the missing dependency down, and requires one more
    const head = findingsOf({
      'services/catalog.toml': `[service.jobs]\nowner = "ops"\n[service.jobs.dependencies]\nrequires = ["queue"]\n\n${CATALOG}`,
    });
    expect(summary(introducedFindings(base, head))).toEqual([
      'error dependency/missing-required services/catalog.toml:4:13',
    ]);
    // the other way round: what a change fixes
    expect(summary(introducedFindings(head, base))).toEqual([]);
    const fixed = findingsOf({
      'services/catalog.toml': CATALOG.replace(', "search"', ''),
    });
    expect(summary(introducedFindings(fixed, base))).toEqual([
      'error dependency/missing-required services/catalog.toml:9:26',
    ]);
  });

  it('brings a problem the registry had once when the change writes it a second time, and a warning that became an error', () => {
    const warning: RegistryFinding = {
      severity: 'warning',
      code: 'lifecycle/depends-on-deprecated',
      message:
        'Service "web" requires "old" (deprecated at services/catalog.toml:3).',
      file: 'services/catalog.toml',
      line: 8,
      column: 1,
      service: 'web',
    };
    const moved = {
      ...warning,
      line: 12,
      message: warning.message.replace(':3', ':7'),
    };
    expect(introducedFindings([warning], [moved])).toEqual([]);
    expect(introducedFindings([warning], [moved, warning])).toEqual([warning]);
    const error = { ...warning, severity: 'error' as const };
    expect(introducedFindings([warning], [error])).toEqual([error]);
    // about another service, or in another file, is another finding
    expect(
      introducedFindings([warning], [{ ...warning, service: 'api' }]),
    ).toHaveLength(1);
    expect(
      introducedFindings(
        [warning],
        [{ ...warning, file: 'projects/a/services.toml' }],
      ),
    ).toHaveLength(1);
  });

  it('compares a message quoting a long dotted text in one pass', () => {
    const long = `Service "a" declares ${'x.'.repeat(200_000)}y`;
    const started = process.hrtime.bigint();
    expect(messageWithoutPositions(`${long} at a.toml:3`)).toBe(
      `${long} at a.toml`,
    );
    // a pass over 400,000 characters; the regular expression that tried again from each of them
    // took minutes
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it.each([
    [
      'Service "dup" is already declared by project "a" at projects/a/services.toml:10; ids must be unique',
      'Service "dup" is already declared by project "a" at projects/a/services.toml; ids must be unique',
    ],
    [
      'Policy sla.high is defined again in policies/b.toml (first in policies/sla.toml:4)',
      'Policy sla.high is defined again in policies/b.toml (first in policies/sla.toml)',
    ],
    ['at services/catalog.toml:3:17.', 'at services/catalog.toml.'],
    [
      'This table is already defined on line 12: merge the two',
      'This table is already defined on line: merge the two',
    ],
    ['does not parse (line 75, column 16)', 'does not parse (line, column)'],
    ['written on lines 3 to 5', 'written on lines'],
    ['support hours 09:00-17:00, 99.9%', 'support hours 09:00-17:00, 99.9%'],
  ])('compares %j without its positions', (message, expected) => {
    expect(messageWithoutPositions(message)).toBe(expected);
  });
});
