import { DependencyRef, RegistryFinding } from '../model/types';
import { loadRegistry } from './buildRegistry';

/** The dependencies of `web` and the findings, loaded from one catalog of `requires` entries. */
function requires(...entries: string[]): {
  refs: DependencyRef[];
  findings: RegistryFinding[];
} {
  const registry = loadRegistry([
    {
      path: 'services/catalog.toml',
      text: [
        '[service.web.dependencies]',
        'requires = [',
        ...entries,
        ']',
      ].join('\n'),
    },
  ]);
  return {
    refs: registry.services.get('web')?.dependencies.requires ?? [],
    findings: registry.findings,
  };
}

/** A finding's message without the key path it names, which differs between the two forms. */
function withoutPath(finding: RegistryFinding): string {
  return finding.message.replace(
    /dependencies\.requires\[\d+\](\.\w+)?/,
    '<entry>',
  );
}

describe('dependency entries: blanks around their parts', () => {
  it.each([
    ['" db"', '{ service = " db" }', undefined],
    ['"db "', '{ service = "db\\t" }', undefined],
    ['" db@^1"', '{ service = " db", version = "^1" }', '^1'],
    ['"db @ ^1 "', '{ service = "db ", version = " ^1 " }', '^1'],
  ])(
    'reads the string %s and the table %s as the same dependency, without a finding',
    (text, table, range) => {
      const { refs, findings } = requires(`  ${text},`, `  ${table},`);
      expect(findings).toEqual([]);
      expect(refs.map(ref => [ref.service, ref.range])).toEqual([
        ['db', range],
        ['db', range],
      ]);
    },
  );

  it.each([
    ['"  "', '{ service = "  " }'],
    ['""', '{ service = "" }'],
    ['" Bad! "', '{ service = " Bad! " }'],
  ])(
    'reports the string %s and the table %s alike, and keeps neither',
    (text, table) => {
      const { refs, findings } = requires(`  ${text},`, `  ${table},`);
      expect(refs).toEqual([]);
      expect(findings.map(f => [f.code, f.severity, f.line])).toEqual([
        ['schema/invalid-id', 'error', 3],
        ['schema/invalid-id', 'error', 4],
      ]);
      expect(withoutPath(findings[1])).toBe(withoutPath(findings[0]));
    },
  );

  it('reports a blank range alike in both forms', () => {
    const { refs, findings } = requires(
      '  "db@  ",',
      '  { service = "db", version = "  " },',
    );
    expect(refs.map(ref => [ref.service, ref.range])).toEqual([
      ['db', undefined],
      ['db', undefined],
    ]);
    expect(findings.map(f => f.code)).toEqual([
      'schema/invalid-semver',
      'schema/invalid-semver',
    ]);
    expect(withoutPath(findings[1])).toBe(withoutPath(findings[0]));
  });
});
