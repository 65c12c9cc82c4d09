import { parse } from 'smol-toml';
import * as positionsModule from './positions';
import { loadRegistry } from './buildRegistry';
import { parseTomlFile } from './parseToml';
import { keyPosition } from './filePositions';
import { RecordTable } from './recordTable';
import { scanTomlHeaders, scanTomlPositions } from './positions';

jest.mock('./positions', () => {
  const actual = jest.requireActual('./positions');
  return { ...actual, scanTomlPositions: jest.fn(actual.scanTomlPositions) };
});

const fullScans = positionsModule.scanTomlPositions as jest.MockedFunction<
  typeof scanTomlPositions
>;

function load(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

const CATALOG = [
  '[service.auth]', // 1
  'name = "Auth"',
  'version = "1.2.0"',
  'port = 8080',
  '', // 5
  '[service.auth.dependencies]',
  'requires = ["db", "cache@^2.0"]',
  '',
  '[service.db]',
  'port = 5432', // 10
  'tags = ["sql",', // multi-line array
  '  "primary"]',
  '[service.db.sla]',
  'availability = "99.9%"',
  '', // 15
  '[service.cache]',
  'dependencies = { requires = ["db"] }',
  'version = "2.1.0"',
].join('\n');

const PROJECT = [
  '[project]',
  'name = "Shop"',
  'tier = "high"',
  '',
  '[service.shop-web]', // 5
  'port = 3000',
  '[service.shop-web.dependencies]',
  'requires = [',
  '  "auth",',
  '  { service = "db", version = ">=5" },', // 10
  ']',
  'optional = ["cache"]',
].join('\n');

describe('lazy key positions', () => {
  beforeEach(() => fullScans.mockClear());

  it('loads without scanning every key, and scans a file once when its positions are read', () => {
    const registry = load({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': PROJECT,
    });
    expect(registry.findings).toEqual([]);
    // headers and dependency entries come from the cheap header scan
    expect(fullScans).not.toHaveBeenCalled();
    const auth = registry.services.get('auth')!;
    expect(auth.source).toEqual({
      file: 'services/catalog.toml',
      line: 1,
      column: 1,
    });
    expect(auth.dependencies.requires.map(d => d.position)).toEqual([
      { file: 'services/catalog.toml', line: 7, column: 13 },
      { file: 'services/catalog.toml', line: 7, column: 19 },
    ]);
    expect(fullScans).not.toHaveBeenCalled();

    // first read of positions: one full scan of that file, its records' positions kept for the
    // others of the file
    expect(auth.positions.port).toEqual({
      file: 'services/catalog.toml',
      line: 4,
      column: 1,
    });
    expect(fullScans).toHaveBeenCalledTimes(1);
    const db = registry.services.get('db')!;
    expect(db.positions).toEqual({
      port: { file: 'services/catalog.toml', line: 10, column: 1 },
      tags: { file: 'services/catalog.toml', line: 11, column: 1 },
      'tags.0': { file: 'services/catalog.toml', line: 11, column: 9 },
      'tags.1': { file: 'services/catalog.toml', line: 12, column: 3 },
      sla: { file: 'services/catalog.toml', line: 13, column: 1 },
      'sla.availability': {
        file: 'services/catalog.toml',
        line: 14,
        column: 1,
      },
    });
    expect(fullScans).toHaveBeenCalledTimes(1);
  });

  it('looks up one key of a service without making the object of all its positions', () => {
    const registry = load({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': PROJECT,
    });
    const made = jest.spyOn(RecordTable.prototype, 'positions');
    try {
      const db = registry.services.get('db')!;
      expect(keyPosition(db, 'sla.availability')).toEqual({
        file: 'services/catalog.toml',
        line: 14,
        column: 1,
      });
      expect(keyPosition(db, 'owner')).toBeUndefined();
      expect(made).not.toHaveBeenCalled();
      // once read (or assigned), the object is what counts
      expect(db.positions.port.line).toBe(10);
      expect(made).toHaveBeenCalledTimes(1);
      db.positions = {};
      expect(keyPosition(db, 'port')).toBeUndefined();
      // positions that are not those of a record of a table (a project's) are read as they are
      expect(keyPosition(registry.projects.get('shop')!, 'tier')).toEqual({
        file: 'projects/shop/services.toml',
        line: 3,
        column: 1,
      });
    } finally {
      made.mockRestore();
    }
  });

  it('gives the positions of dependency entries in every form', () => {
    const registry = load({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': PROJECT,
    });
    const cache = registry.services.get('cache')!;
    // an inline table: looked up lazily, in the full scan
    expect(cache.dependencies.requires[0].position).toEqual({
      file: 'services/catalog.toml',
      line: 17,
      column: 30,
    });
    const web = registry.services.get('shop-web')!;
    expect(web.dependencies.requires.map(d => d.position)).toEqual([
      { file: 'projects/shop/services.toml', line: 9, column: 3 },
      { file: 'projects/shop/services.toml', line: 10, column: 3 },
    ]);
    expect(web.dependencies.optional[0].position).toEqual({
      file: 'projects/shop/services.toml',
      line: 12,
      column: 13,
    });
  });

  it('reads lazy properties like plain ones: keys, spreads, JSON, assignment', () => {
    const registry = load({
      'services/catalog.toml': CATALOG,
      'projects/shop/services.toml': PROJECT,
    });
    const auth = registry.services.get('auth')!;
    const keys = Object.keys(auth);
    expect(keys.indexOf('positions')).toBe(keys.indexOf('source') + 1);
    expect({ ...auth }.positions.version).toEqual({
      file: 'services/catalog.toml',
      line: 3,
      column: 1,
    });
    expect(JSON.parse(JSON.stringify(auth)).positions.name.line).toBe(2);
    const [db] = registry.services.get('cache')!.dependencies.requires;
    expect(Object.keys(db)).toEqual([
      'service',
      'range',
      'raw',
      'position',
      'optional',
    ]);
    expect(JSON.parse(JSON.stringify(db)).position.line).toBe(17);
    const project = registry.projects.get('shop')!;
    expect(project.positions).toEqual({
      name: { file: 'projects/shop/services.toml', line: 2, column: 1 },
      tier: { file: 'projects/shop/services.toml', line: 3, column: 1 },
    });
    project.positions = {};
    expect(project.positions).toEqual({});
  });

  it('puts findings at the right place, wherever they are in a large file', () => {
    const lines: string[] = [];
    for (let k = 0; k < 300; k++) {
      lines.push(
        `[service.svc-${k}]`,
        `port = ${k === 150 ? '"80"' : 8000 + k}`,
      );
      lines.push(`[service.svc-${k}.dependencies]`, `requires = ["svc-0"]`);
    }
    const registry = load({ 'services/catalog.toml': lines.join('\n') });
    expect(registry.findings).toEqual([
      expect.objectContaining({
        code: 'schema/invalid-type',
        service: 'svc-150',
        line: 602,
        column: 1,
      }),
    ]);
    expect(
      registry.services.get('svc-299')!.dependencies.requires[0].position,
    ).toEqual({ file: 'services/catalog.toml', line: 1200, column: 13 });
  });

  it('falls back to the full scan where headers alone are not exact', () => {
    const registry = load({
      'services/catalog.toml': [
        'service.early.port = 1', // a key at the root defines service.early
        '[service.late]',
        'port = 2',
        '[service.early.dependencies]',
        'requires = ["late"]',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
    expect(registry.services.get('early')!.source).toEqual({
      file: 'services/catalog.toml',
      line: 1,
      column: 1,
    });
    expect(registry.services.get('late')!.source.line).toBe(2);
    expect(
      registry.services.get('early')!.dependencies.requires[0].position,
    ).toEqual({ file: 'services/catalog.toml', line: 5, column: 13 });
  });

  it('keeps ParsedTomlFile.positions, scanned when first read', () => {
    const result = parseTomlFile('services/catalog.toml', CATALOG);
    expect(fullScans).not.toHaveBeenCalled();
    if (!result.ok) throw new Error('does not parse');
    expect(result.file.positions.get('service.db.tags.1')).toEqual({
      path: ['service', 'db', 'tags', 1],
      line: 12,
      column: 3,
    });
    expect(result.file.positions).toBe(result.file.positions);
    expect(fullScans).toHaveBeenCalledTimes(1);
  });
});

describe('scanTomlHeaders', () => {
  const tricky = [
    'title = "x"',
    '[service.a]',
    'description = """',
    '[service.fake]',
    '"""',
    "note = '''",
    '[service.fake2]',
    "'''",
    'tags = [',
    '  "[service.fake3]",',
    '  { x = "}" },',
    ']',
    '[ service . "b c" ]',
    'x = "a [b] \\" c"',
    '[service.d.dependencies]',
    'requires = ["a", # comment [x]',
    '  "b"]',
    '[[service.d.release]]',
    '[service.e.dependencies]',
    'requires = ["a"]',
    '[project]',
    'name = "p"',
  ].join('\n');

  it('agrees with the full scan on the first two levels and on dependency entries', () => {
    expect(() => parse(tricky)).not.toThrow();
    const full = scanTomlPositions(tricky);
    const headers = scanTomlHeaders(tricky);
    expect(headers.rootKeys).toBe(true);
    // without the root key, depth-2 records are exact
    const text = tricky.replace('title = "x"\n', '');
    const exact = scanTomlHeaders(text);
    const fullExact = scanTomlPositions(text);
    expect(exact.rootKeys).toBe(false);
    const fromFull: unknown[] = [];
    const fromHeaders: unknown[] = [];
    for (const { path, line, column } of fullExact.values()) {
      const [first, second] = path.map(String);
      // below a table with keys of its own, the header scan does not claim to be exact
      const exactHere =
        path.length === 1 ||
        (path.length === 2 && !exact.depth1Keys.has(first));
      const entry =
        path.length === 1
          ? exact.roots.get(first)
          : exact.records.get(first)?.get(second);
      if (exactHere) {
        fromFull.push([path, line, column]);
        fromHeaders.push([path, entry?.line, entry?.column]);
      }
    }
    expect(fromHeaders).toEqual(fromFull);
    expect(exact.records.get('service')?.has('fake')).toBe(false);
    expect(exact.records.get('service')?.has('b c')).toBe(true);
    const elementsFull: unknown[] = [];
    const elementsHeaders: unknown[] = [];
    for (const [id, lists] of exact.dependencies) {
      const list = lists.requires ?? [];
      for (let k = 0; k < list.length / 2; k++) {
        const element = fullExact.get(
          `service.${id}.dependencies.requires.${k}`,
        );
        elementsFull.push([id, k, element?.line, element?.column]);
        elementsHeaders.push([id, k, list[2 * k], list[2 * k + 1]]);
      }
    }
    expect(elementsHeaders).toEqual(elementsFull);
    // those of d; e's come after an array of tables, which the header scan leaves to the full one
    expect(elementsFull.length).toBe(2);
    expect(exact.dependencies.has('e')).toBe(false);
    // line and column of each element, in turn
    expect(exact.dependencies.get('d')?.requires).toEqual([15, 13, 16, 3]);
    // with the root key, the header scan says so (and the full scan is used instead)
    expect(full.get('title')).toEqual({ path: ['title'], line: 1, column: 1 });
  });
});
