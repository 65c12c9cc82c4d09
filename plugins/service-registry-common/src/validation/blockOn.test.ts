import { RegistryFinding } from '../model/types';
import { registryOf } from './__testUtils__/registryOf';
import { validateRegistry } from './validateRegistry';

const TODAY = '2026-01-15';
const SECURITY = 'policies/security.toml';

/**
 * A catalog with a warning (`web` requires the deprecated `old`:
 * `lifecycle/depends-on-deprecated`), another warning (`dependency/missing-optional`) and an
 * error (`dependency/missing-required`).
 */
const CATALOG = [
  '[service.old]',
  'status = "deprecated"',
  'deprecation_date = "2026-01-01"',
  'sunset_date = "2026-09-01"',
  'replacement_service = "new"',
  '',
  '[service.new]',
  '',
  '[service.web]',
  'dependencies.requires = ["old", "ghost"]',
  'dependencies.optional = ["phantom"]',
].join('\n');

function validate(security?: string): RegistryFinding[] {
  return validateRegistry(
    registryOf({
      'services/catalog.toml': CATALOG,
      ...(security === undefined ? {} : { [SECURITY]: security }),
    }),
    { today: TODAY },
  );
}

const WITHOUT_POLICY = validate();

function only(findings: RegistryFinding[], code: string): RegistryFinding {
  const found = findings.filter(f => f.code === code);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('[security] block_on', () => {
  it('starts from a warning, another warning and an error', () => {
    expect(
      WITHOUT_POLICY.map(f => [f.code, f.severity]).sort((a, b) =>
        a[0] < b[0] ? -1 : 1,
      ),
    ).toEqual([
      ['dependency/missing-optional', 'warning'],
      ['dependency/missing-required', 'error'],
      ['lifecycle/depends-on-deprecated', 'warning'],
    ]);
  });

  it('makes a warning whose code it lists an error, saying why, and leaves the other findings as they are', () => {
    const findings = validate(
      '[security]\nblock_on = ["lifecycle/depends-on-deprecated"]\n',
    );
    const before = only(WITHOUT_POLICY, 'lifecycle/depends-on-deprecated');
    expect(only(findings, 'lifecycle/depends-on-deprecated')).toEqual({
      ...before,
      severity: 'error',
      message: `${before.message} Blocking: ${SECURITY} [security] block_on lists "lifecycle/depends-on-deprecated", which makes this warning an error.`,
    });
    expect(
      findings.filter(f => f.code !== 'lifecycle/depends-on-deprecated'),
    ).toEqual(
      WITHOUT_POLICY.filter(f => f.code !== 'lifecycle/depends-on-deprecated'),
    );
  });

  it('makes every finding whose code starts with a listed prefix an error, the loader findings too', () => {
    const findings = validate(
      '[security]\nblock_on = ["dependency/", "schema/"]\n\n[service]\nx = 1\n',
    );
    const optional = only(findings, 'dependency/missing-optional');
    expect(optional.severity).toBe('error');
    expect(optional.message).toBe(
      `${
        only(WITHOUT_POLICY, 'dependency/missing-optional').message
      } Blocking: ${SECURITY} [security] block_on lists "dependency/", which makes this warning an error.`,
    );
    const unknownField = only(findings, 'schema/unknown-field');
    expect(unknownField).toMatchObject({ severity: 'error', file: SECURITY });
    expect(unknownField.message).toMatch(
      / Blocking: policies\/security\.toml \[security\] block_on lists "schema\/", which makes this warning an error\.$/,
    );
    // already an error: blocking as it is, unchanged
    expect(only(findings, 'dependency/missing-required')).toEqual(
      only(WITHOUT_POLICY, 'dependency/missing-required'),
    );
    // not listed: unchanged
    expect(only(findings, 'lifecycle/depends-on-deprecated')).toEqual(
      only(WITHOUT_POLICY, 'lifecycle/depends-on-deprecated'),
    );
  });

  it('names the most precise entry that matches', () => {
    const findings = validate(
      '[security]\nblock_on = ["lifecycle/", "lifecycle/depends-on-deprecated"]\n',
    );
    expect(only(findings, 'lifecycle/depends-on-deprecated').message).toMatch(
      /block_on lists "lifecycle\/depends-on-deprecated", which/,
    );
  });

  it('changes nothing when block_on is empty or absent', () => {
    expect(validate('[security]\nblock_on = []\n')).toEqual(WITHOUT_POLICY);
    expect(
      validate('[security]\nrequire_tls_between_services = true\n'),
    ).toEqual(WITHOUT_POLICY);
  });

  it('reports an entry that is no code validation reports at the entry, with the fix, and ignores it', () => {
    const findings = validate(
      [
        '[security]',
        'block_on = [',
        '  "secrets",',
        '  "lifecycle",',
        '  "depends-on-deprecated",',
        '  "lifecycle/retired-dependency",',
        '  "security/",',
        ']',
      ].join('\n'),
    );
    const reported = findings.filter(f => f.file === SECURITY);
    expect(reported.map(f => [f.severity, f.code, f.line, f.column])).toEqual([
      ['error', 'schema/invalid-value', 3, 3],
      ['error', 'schema/invalid-value', 4, 3],
      ['error', 'schema/invalid-value', 5, 3],
      ['error', 'schema/invalid-value', 6, 3],
    ]);
    expect(reported[0].message).toBe(
      'Policies: security.block_on lists "secrets", which is not a code validation reports, nor a prefix of codes ending in "/": it blocks nothing and is ignored. Write a code such as "security/secret-value", or one of the prefixes compat/, dependency/, deployment/, lifecycle/, monitoring/, policy/, project/, registry/, release/, schema/, security/, service/, sla/, toml/.',
    );
    expect(reported[1].message).toContain(
      'Write "lifecycle/" to block every lifecycle/ code.',
    );
    expect(reported[2].message).toContain(
      'Write "lifecycle/depends-on-deprecated".',
    );
    expect(reported[3].message).toMatch(
      /The lifecycle\/ codes are lifecycle\/beta-without-changelog, .*lifecycle\/depends-on-retired, .*\.$/,
    );
    // the ignored entries block nothing
    expect(only(findings, 'lifecycle/depends-on-deprecated')).toEqual(
      only(WITHOUT_POLICY, 'lifecycle/depends-on-deprecated'),
    );
  });
});
