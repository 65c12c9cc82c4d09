import { loadRegistry } from './buildRegistry';

function load(text: string) {
  return loadRegistry([{ path: 'services/catalog.toml', text }]);
}

describe('loadRegistry: compat_with', () => {
  it('takes versions and version ranges', () => {
    const registry = load(
      [
        '[service.a]',
        'version = "2.1.0"',
        'compat_with = ["2.0.0", "1.x", "^1.4", ">=1.2.0 <2.0.0"]',
      ].join('\n'),
    );
    expect(registry.findings).toEqual([]);
    expect(registry.services.get('a')!.compatWith).toEqual([
      '2.0.0',
      '1.x',
      '^1.4',
      '>=1.2.0 <2.0.0',
    ]);
  });

  it('reports an entry that is no version or range at the entry', () => {
    const registry = load(
      [
        '[service.a]', // 1
        'version = "2.1.0"',
        'compat_with = [',
        '  "1.4.0",',
        '  "the old one",', // 5
        ']',
      ].join('\n'),
    );
    expect(
      registry.findings.map(f => [f.code, f.line, f.column, f.message]),
    ).toEqual([
      [
        'schema/invalid-semver',
        5,
        3,
        'Service "a": compat_with[1] must be a semver version or range in quotes, such as "1.4.0" or "^1.4", got "the old one".',
      ],
    ]);
    // like any field with an invalid value, left out (the value stays in raw)
    expect(registry.services.get('a')!.compatWith).toEqual([]);
  });
});

describe('loadRegistry: blank compat_with entries', () => {
  it('reports an empty or blank entry as invalid semver at the entry, like any other', () => {
    const registry = load(
      [
        '[service.a]', // 1
        'version = "1.0.0"',
        'compat_with = ["", " ", "1.0.0", "\\t"]',
      ].join('\n'),
    );
    expect(
      registry.findings.map(f => [f.code, f.severity, f.line, f.column]),
    ).toEqual([
      ['schema/invalid-semver', 'error', 3, 16],
      ['schema/invalid-semver', 'error', 3, 20],
      ['schema/invalid-semver', 'error', 3, 34],
    ]);
    expect(registry.findings[0].message).toBe(
      'Service "a": compat_with[0] must be a semver version or range in quotes, such as "1.4.0" or "^1.4", got "".',
    );
    expect(registry.findings[1].message).toContain('compat_with[1] must be');
    expect(registry.services.get('a')!.compatWith).toEqual([]);
  });
});
