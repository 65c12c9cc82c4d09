import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { seededRandom } from '@service-registry/test-support';
import { joinKeyPath } from './keyPath';
import { PlainHeaderLookup } from './plainHeaders';
import { scanTomlPositions } from './positions';

/** Every `*.toml` text below a folder (fs is fine in tests). */
function tomlTexts(dir: string): Array<[string, string]> {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.toml'))
    .map(entry => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), fs.readFileSync(file, 'utf8')];
    });
}

/**
 * A random registry-like TOML text: root keys or not, projects, services with their sub-tables,
 * dependency lists written on one line or several, with comments, inline tables, quoted keys,
 * multi-line strings, arrays of tables, indented or spaced headers, CRLF.
 */
function randomRegistryText(next: () => number): string {
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(next() * items.length)];
  // half of the texts use only the usual forms (still with every layout choice)
  const usual = next() < 0.5;
  const chance = (p: number) => next() < p;
  const exotic = (p: number) => !usual && chance(p);
  const lines: string[] = [];
  const blankOrComment = () => {
    if (chance(0.3)) lines.push(pick(['', '# a comment [x]', '   ', '#']));
  };
  if (chance(0.2)) lines.push('title = "registry"');
  blankOrComment();
  if (chance(0.5)) {
    lines.push(exotic(0.1) ? '[ project ]' : '[project]');
    if (chance(0.8)) lines.push('name = "P"', 'tier = "high"');
    blankOrComment();
  }
  const count = 1 + Math.floor(next() * 6);
  for (let s = 0; s < count; s++) {
    const id = exotic(0.1) ? `${900 - s}` : `svc-${s}`;
    const header = pick([
      `[service.${id}]`,
      `[service.${id}]  # ${id}`,
      ...(usual
        ? []
        : [`[service."${id}"]`, `  [service.${id}]`, `[service . ${id}]`]),
    ]);
    lines.push(header);
    lines.push(`name = "Service ${s} [${s}]"`, `port = ${8000 + s}`);
    if (chance(0.3)) lines.push('tags = ["a", "b # c"]');
    if (chance(0.15)) lines.push('tags2 = [', '  "x",', '  "y",', ']');
    if (exotic(0.1)) lines.push('matrix = [', '[1, 2],', ']');
    if (exotic(0.1)) lines.push('nested = [', '  [3],', ']');
    if (exotic(0.1)) lines.push('description = """', '[service.fake]', '"""');
    if (chance(0.1)) lines.push('meta = { a = "}" }');
    blankOrComment();
    if (chance(0.7)) {
      lines.push(`[service.${id}.dependencies]`);
      blankOrComment();
      const list = pick([
        'requires = ["db", "cache@^2.0"]',
        "requires = ['db']",
        'requires = []',
        'requires = [ "db" , "cache" ] # two',
        'requires = [\n  "db",\n  # a comment\n  "cache@>=1",\n]',
        'requires = ["a", "b"]\noptional = ["c"]',
        'optional = [\n"x"]',
        'requires = ["db"]\n  [service.other.dependencies]\n  requires = ["x", "y"]',
        ...(usual
          ? []
          : [
              'requires = [{ service = "db", version = ">=1" }]',
              '"requires" = ["db"]',
              'requires = ["db\\u0041"]',
            ]),
      ]);
      lines.push(list);
      blankOrComment();
    }
    if (chance(0.5)) {
      lines.push(`[service.${id}.sla]`, 'availability = "99.9%"');
    }
    if (exotic(0.1)) {
      lines.push(`[[service.${id}.release]]`, 'version = "1"');
    }
  }
  const text = lines.join('\n');
  return chance(0.2) ? text.replace(/\n/g, '\r\n') : text;
}

/** What the plain look-up answered for a text, next to the full scan's positions. */
interface Comparison {
  answered: unknown[];
  expected: unknown[];
  headers: number;
  dependencyTables: number;
}

/**
 * Looks up every service header, the project header and every service's dependency elements
 * with the plain look-up (in the order loading does), and what the full scan says for the same
 * ones that the look-up answered.
 */
function compare(text: string): Comparison | undefined {
  const lookup = PlainHeaderLookup.of(text);
  if (lookup === undefined) return undefined;
  const table = parse(text) as Record<string, any>;
  const full = scanTomlPositions(text);
  const result: Comparison = {
    answered: [],
    expected: [],
    headers: 0,
    dependencyTables: 0,
  };
  const at = (keys: Array<string | number>) => {
    const found = full.get(joinKeyPath(keys));
    return found && [found.line, found.column];
  };
  if (table.project !== undefined) {
    const line = lookup.headerLine('project');
    if (line !== undefined) {
      result.headers++;
      result.answered.push(['project', line, 1]);
      result.expected.push(['project', ...(at(['project']) ?? [])]);
    }
  }
  const services = table.service ?? {};
  for (const id of Object.keys(services)) {
    const line = lookup.headerLine('service', id);
    if (line !== undefined) {
      result.headers++;
      result.answered.push([id, line, 1]);
      result.expected.push([id, ...(at(['service', id]) ?? [])]);
    }
    const elements = lookup.dependencyElements(id);
    if (elements === undefined) continue;
    result.dependencyTables++;
    for (const list of ['requires', 'optional'] as const) {
      const written: unknown[] = services[id]?.dependencies?.[list] ?? [];
      result.answered.push([id, list, elements[list] ?? []]);
      result.expected.push([
        id,
        list,
        elements[list] === undefined
          ? []
          : written.flatMap((_, k) =>
              at(['service', id, 'dependencies', list, k]),
            ),
      ]);
    }
  }
  return result;
}

describe('PlainHeaderLookup', () => {
  it('finds what the full scan finds on random registry texts, or says it does not know', () => {
    const next = seededRandom(20261130);
    let plain = 0;
    let headers = 0;
    let dependencyTables = 0;
    let notPlain = 0;
    for (let k = 0; k < 3000; k++) {
      const text = randomRegistryText(next);
      try {
        parse(text);
      } catch {
        continue; // only texts that parse are looked up
      }
      const comparison = compare(text);
      if (comparison === undefined) {
        notPlain++;
        continue;
      }
      plain++;
      headers += comparison.headers;
      dependencyTables += comparison.dependencyTables;
      expect({ text, positions: comparison.answered }).toEqual({
        text,
        positions: comparison.expected,
      });
    }
    // the look-up answers often enough for the comparison to mean something
    expect(plain).toBeGreaterThan(1000);
    expect(notPlain).toBeGreaterThan(100);
    expect(headers).toBeGreaterThan(3000);
    expect(dependencyTables).toBeGreaterThan(1000);
  });

  it('finds the headers of the demo registry and the seed snippets where the full scan does', () => {
    const texts = [
      ...tomlTexts(path.resolve(__dirname, '../../../../examples/registry')),
      ...tomlTexts(path.resolve(__dirname, '../__fixtures__/seeds')),
    ];
    expect(texts.length).toBeGreaterThan(10);
    let headers = 0;
    for (const [file, text] of texts) {
      const comparison = compare(text);
      if (comparison === undefined) continue;
      headers += comparison.headers;
      expect({ file, positions: comparison.answered }).toEqual({
        file,
        positions: comparison.expected,
      });
    }
    expect(headers).toBeGreaterThan(25);
  });

  it('reads dependency elements written on several lines, with comments', () => {
    const text = [
      '[project]', // 1
      'name = "P"',
      '',
      '[service.a]',
      'port = 1', // 5
      '[service.a.dependencies]',
      '# comment',
      'requires = ["db", # first',
      "  'cache@^2'] # second",
      'optional = []', // 10
      '[service.b.sla]',
      '[service.b]',
    ].join('\r\n');
    const lookup = PlainHeaderLookup.of(text)!;
    expect(lookup.headerLine('project')).toBe(1);
    expect(lookup.headerLine('service', 'a')).toBe(4);
    // the explicit header, not the sub-table written first
    expect(lookup.headerLine('service', 'b')).toBe(12);
    // looked up out of order
    expect(lookup.headerLine('service', 'a')).toBe(4);
    expect(lookup.dependencyElements('a')).toEqual({
      requires: [8, 13, 9, 3],
      optional: [],
    });
    expect(lookup.dependencyElements('b')).toBeUndefined();
  });

  it.each([
    ['a multi-line string', 'x = """\n[service.fake]\n"""\n[service.a]'],
    ['a multi-line literal string', "x = '''\n[a.b]\n'''"],
  ])('does not look up headers in a text with %s', (_, text) => {
    expect(() => parse(text)).not.toThrow();
    expect(PlainHeaderLookup.of(text)).toBeUndefined();
  });

  it.each([
    ['an indented header', '  [service.a]\nport = 1', ['service', 'a']],
    ['a quoted header', '[service."a"]', ['service', 'a']],
    ['a spaced header', '[ service.a ]', ['service', 'a']],
    ['a key that needs quotes', '[service."a b"]', ['service', 'a b']],
    [
      'a table defined by dotted keys',
      '[service]\na.port = 1',
      ['service', 'a'],
    ],
  ])('does not find %s', (_, text, keys) => {
    expect(() => parse(text)).not.toThrow();
    expect(PlainHeaderLookup.of(text)?.headerLine(...keys)).toBeUndefined();
  });

  it.each([
    ['an inline table in the list', 'requires = [{ service = "b" }]'],
    ['an inline table after it', 'requires = ["b"]\nx = {\n  y = 1 }'],
    ['a quoted key', '"requires" = ["b"]'],
    ['an escape', 'requires = ["b\\u0041"]'],
  ])('does not read dependency elements with %s', (_, table) => {
    const text = `[service.a.dependencies]\n${table}`;
    expect(() => parse(text)).not.toThrow();
    expect(PlainHeaderLookup.of(text)?.dependencyElements('a')).toBeUndefined();
  });

  it('stops a dependency table at an indented header', () => {
    const text = [
      '[service.a.dependencies]',
      'optional = ["x"]',
      '  [service.b.dependencies]',
      '  requires = ["y"]',
    ].join('\n');
    expect(PlainHeaderLookup.of(text)?.dependencyElements('a')).toEqual({
      optional: [2, 13],
    });
  });
});
