import { loadRegistry } from '../load/buildRegistry';
import { catalogNameFindings } from './catalogNameFindings';
import { ownerNameProblem } from './entityNames';

describe('ownerNameProblem', () => {
  it.each([
    ['payments-team', undefined],
    ['Team Payments', undefined],
    ['@platform-team', undefined],
    ['group:ops/sre', undefined],
    ['user:default/ana', undefined],
    ['payments@corp', undefined],
    ['Платёжная команда', 'unusable'],
    ['@', 'unusable'],
    ['user:Ана', 'unusable'],
    ['group:ops/Платёж', 'unusable'],
    ['x'.repeat(63), undefined],
    ['x'.repeat(64), 'truncated'],
    [`group:default/${'y'.repeat(70)}`, 'truncated'],
    // cut before its leading dashes are trimmed: "pay"
    [`${'-'.repeat(60)}payments-team`, 'truncated'],
    [`${'-'.repeat(10)}payments-team`, undefined],
  ])('%s: %s', (owner, problem) => {
    expect(ownerNameProblem(owner)).toBe(problem);
  });
});

describe('catalogNameFindings', () => {
  it('warns at the owner key of each service and project whose owner the catalog cannot take as written', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: [
          '[service.auth]', // 1
          'owner = "Платёжная команда"', // 2
          '[service.billing]', // 3
          `owner = "${'x'.repeat(90)}"`, // 4
          '[service.fine]', // 5
          'owner = "Team Payments"', // 6
          '[service.old]', // 7
          'owner = "@"', // 8
          'status = "retired"', // 9
        ].join('\n'),
      },
      {
        path: 'projects/pay/services.toml',
        text: '[project]\nname = "Pay"\nowner = "@"\n\n[service.pay-api]\n',
      },
    ]);

    const findings = catalogNameFindings(registry, 'unknown');

    expect(
      findings.map(f => [f.code, f.file, f.line, f.service ?? f.project]),
    ).toEqual([
      ['catalog/owner-unusable', 'projects/pay/services.toml', 3, 'pay'],
      ['catalog/owner-unusable', 'services/catalog.toml', 2, 'auth'],
      ['catalog/owner-truncated', 'services/catalog.toml', 4, 'billing'],
    ]);
    expect(findings.every(f => f.severity === 'warning')).toBe(true);
    expect(findings[1].message).toBe(
      'The owner "Платёжная команда" of service "auth" has nothing a catalog name can hold (letters a-z, digits, "-", "_", "."): the catalog shows the default owner "unknown" as its owner. Write the owner\'s catalog name, e.g. owner = "payments-team".',
    );
    expect(findings[2].message).toContain(`"${'x'.repeat(77)}…"`);
  });

  it('shows a long owner or tag cut between characters, its quotes escaped', () => {
    // 76 letters and emoji: a cut at 77 code units would keep half of the first emoji
    const owner = `${'x'.repeat(76)}${'🚀'.repeat(10)}`;
    const tag = `${'日'.repeat(36)}${'🚀'.repeat(10)}`;
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: [
          '[service.auth]',
          `owner = "${owner}"`,
          `tags = ["${tag}", "\\"日本\\""]`,
        ].join('\n'),
      },
    ]);
    const messages = catalogNameFindings(registry, 'unknown').map(
      f => f.message,
    );
    expect(messages).toEqual([
      expect.stringContaining(`The tag "${'日'.repeat(36)}…" of service`),
      expect.stringContaining('The tag "\\"日本\\"" of service'),
      expect.stringContaining(`The owner "${'x'.repeat(76)}…" of service`),
    ]);
    expect(messages.join()).not.toMatch(/[\ud800-\udfff]/);
  });
});

describe('catalogNameFindings, tags', () => {
  it('warns at each tag of a service that the mapping leaves out', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: [
          '[service.auth]', // 1
          'tags = [', // 2
          '  "payments",', // 3
          '  "日本語",', // 4
          '  "  ",', // 5
          '  "C++ / Rust",', // 6
          ']', // 7
        ].join('\n'),
      },
    ]);

    const findings = catalogNameFindings(registry, 'unknown');

    expect(findings.map(f => [f.code, f.line, f.service])).toEqual([
      ['catalog/tag-dropped', 4, 'auth'],
      ['catalog/tag-dropped', 5, 'auth'],
    ]);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      file: 'services/catalog.toml',
      message: expect.stringContaining('The tag "日本語" of service "auth"'),
    });
  });
});
