import { parse } from 'smol-toml';
import {
  MAX_POSITION_DEPTH,
  scanTomlHeaders,
  scanTomlPositions,
} from './positions';

function at(text: string, key: string) {
  const found = scanTomlPositions(text).get(key);
  return found && [found.line, found.column];
}

describe('scanTomlPositions', () => {
  it('records table headers and keys with full dotted paths', () => {
    const text = [
      '# comment',
      '[service.shared-auth]',
      'name = "shared-auth"',
      '  port = 8080 # trailing',
      '[service.shared-auth.consumers]',
      'projects = ["a", "b"]',
    ].join('\n');
    expect(at(text, 'service')).toEqual([2, 1]);
    expect(at(text, 'service.shared-auth')).toEqual([2, 1]);
    expect(at(text, 'service.shared-auth.name')).toEqual([3, 1]);
    expect(at(text, 'service.shared-auth.port')).toEqual([4, 3]);
    expect(at(text, 'service.shared-auth.consumers')).toEqual([5, 1]);
    expect(at(text, 'service.shared-auth.consumers.projects')).toEqual([6, 1]);
    expect(at(text, 'service.shared-auth.consumers.projects.0')).toEqual([
      6, 13,
    ]);
    expect(at(text, 'service.shared-auth.consumers.projects.1')).toEqual([
      6, 18,
    ]);
  });

  it('handles dotted and quoted keys, and quoted headers', () => {
    const text = [
      '[ service . "my svc" ]',
      'sla.availability = "99.9%"',
      '"a.b" = 1',
      "'lit' . x = 2",
    ].join('\n');
    expect(at(text, 'service."my svc"')).toEqual([1, 1]);
    expect(at(text, 'service."my svc".sla')).toEqual([2, 1]);
    expect(at(text, 'service."my svc".sla.availability')).toEqual([2, 1]);
    expect(at(text, 'service."my svc"."a.b"')).toEqual([3, 1]);
    expect(at(text, 'service."my svc".lit.x')).toEqual([4, 1]);
  });

  it('records keys of inline tables, also multi-line (TOML 1.1) ones', () => {
    const text = [
      '[compliance]',
      'encryption = {',
      'in_transit = "required",',
      '  at_rest = "required", algorithm = "AES-256"',
      '}',
      'dep = { service = "x", version = ">=1.0.0" }',
      'after = true',
    ].join('\n');
    expect(() => parse(text)).not.toThrow();
    expect(at(text, 'compliance.encryption')).toEqual([2, 1]);
    expect(at(text, 'compliance.encryption.in_transit')).toEqual([3, 1]);
    expect(at(text, 'compliance.encryption.at_rest')).toEqual([4, 3]);
    expect(at(text, 'compliance.encryption.algorithm')).toEqual([4, 25]);
    expect(at(text, 'compliance.dep.service')).toEqual([6, 9]);
    expect(at(text, 'compliance.dep.version')).toEqual([6, 24]);
    expect(at(text, 'compliance.after')).toEqual([7, 1]);
  });

  it('numbers arrays of tables, nested ones included', () => {
    const text = [
      '[[service.a.release]]',
      'version = "1.0.0"',
      '[[service.a.release]]',
      'version = "1.1.0"',
      '[[service.a.release.note]]',
      'text = "x"',
      '[[service.b.release]]',
      'version = "0.1.0"',
    ].join('\n');
    expect(at(text, 'service.a.release')).toEqual([1, 1]);
    expect(at(text, 'service.a.release.0')).toEqual([1, 1]);
    expect(at(text, 'service.a.release.0.version')).toEqual([2, 1]);
    expect(at(text, 'service.a.release.1.version')).toEqual([4, 1]);
    expect(at(text, 'service.a.release.1.note.0.text')).toEqual([6, 1]);
    expect(at(text, 'service.b.release.0.version')).toEqual([8, 1]);
  });

  it('does not mistake multi-line strings and arrays for keys', () => {
    const text = [
      'description = """',
      'fake = "not a key"',
      '[not.a.table]',
      'ends with quotes """"',
      "literal = '''",
      "[also.not] = '''",
      'tags = [',
      '  "a", # comment',
      '  { name = "b" },',
      '  [1, 2],',
      ']',
      'real = 1',
      'escaped = "a \\" [x] = 1"',
      'last = 2',
    ].join('\n');
    expect(() => parse(text)).not.toThrow();
    const positions = scanTomlPositions(text);
    expect(positions.has('fake')).toBe(false);
    expect(positions.has('not')).toBe(false);
    expect(positions.has('also')).toBe(false);
    expect(at(text, 'literal')).toEqual([5, 1]);
    expect(at(text, 'tags.0')).toEqual([8, 3]);
    expect(at(text, 'tags.1')).toEqual([9, 3]);
    expect(at(text, 'tags.1.name')).toEqual([9, 5]);
    expect(at(text, 'tags.2.1')).toEqual([10, 7]);
    expect(at(text, 'real')).toEqual([12, 1]);
    expect(at(text, 'last')).toEqual([14, 1]);
  });

  it('accepts CRLF line endings and unicode text', () => {
    const text = '[service.x]\r\nname = "Café ✓"\r\nport = 1\r\n';
    expect(at(text, 'service.x.name')).toEqual([2, 1]);
    expect(at(text, 'service.x.port')).toEqual([3, 1]);
  });

  it('never throws on text it cannot understand', () => {
    expect(() => scanTomlPositions('= = [[ { "\n]]] x = \'')).not.toThrow();
  });

  it('records the prefixes of a deep key or header only down to MAX_POSITION_DEPTH', () => {
    // each prefix holds its path: all 20,000 of them took gigabytes (found by the fuzz test)
    const deep = Array(20_000).fill('a').join('.');
    const text = `[service.x.${deep}]\nk = 1\n[service.y]\n${deep} = [1, { b = 2 }]\n`;
    const positions = scanTomlPositions(text);
    expect(positions.size).toBeLessThanOrEqual(2 * MAX_POSITION_DEPTH + 2);
    expect(Math.max(...[...positions.values()].map(p => p.path.length))).toBe(
      MAX_POSITION_DEPTH,
    );
    const header = `service.x.${Array(MAX_POSITION_DEPTH - 2)
      .fill('a')
      .join('.')}`;
    expect(at(text, header)).toEqual([1, 1]);
    expect(
      at(
        text,
        `service.y.${Array(MAX_POSITION_DEPTH - 2)
          .fill('a')
          .join('.')}`,
      ),
    ).toEqual([4, 1]);
    expect(at(text, 'service.y')).toEqual([3, 1]);
  });

  it('does not recurse into a value nested deeper than the parser allows, and reads on', () => {
    // 20,000 `[` overflowed the stack in the header scan of a catalog that does not parse
    const text = `[service.a]\nx = ${'['.repeat(
      20_000,
    )}\n[service.b]\ny = ${'{ a = '.repeat(20_000)}\n[service.c]\n`;
    expect(() => scanTomlPositions(text)).not.toThrow();
    expect([...scanTomlHeaders(text).records.get('service')!.keys()]).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(at(text, 'service.c')).toEqual([5, 1]);
    // as deep as the parser allows, the elements are read
    const ok = `x = ${'['.repeat(999)}1${']'.repeat(999)}\ny = 2\n`;
    expect(() => parse(ok)).not.toThrow();
    expect(at(ok, 'y')).toEqual([2, 1]);
  });
});
