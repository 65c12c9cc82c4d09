import { scanTomlPositions } from './positions';
import { RecordTable } from './recordTable';

const FILE = 'projects/shop/services.toml';

const TEXT = [
  '[project]', // 1
  'name = "Shop"',
  '',
  '[service.web]',
  'port = 3000', // 5
  'tags = ["a", "b"]',
  '[service.api]',
  'version = "1.0.0"',
  '[service.web.dependencies]',
  'requires = ["api"]', // 10
  '[service.web.sla]',
  'availability = "99.9%"',
  '[service.api.sla]',
  'availability = "99.5%"',
  '"quoted.key" = 1', // 15
].join('\n');

const at = (line: number, column: number) => ({ file: FILE, line, column });

describe('RecordTable', () => {
  const table = new RecordTable(FILE, 'service', scanTomlPositions(TEXT));

  it('groups every key below a record by its path relative to the record, in file order', () => {
    expect(Object.entries(table.positions('web'))).toEqual([
      ['port', at(5, 1)],
      ['tags', at(6, 1)],
      ['tags.0', at(6, 9)],
      ['tags.1', at(6, 14)],
      ['dependencies', at(9, 1)],
      ['dependencies.requires', at(10, 1)],
      ['dependencies.requires.0', at(10, 13)],
      ['sla', at(11, 1)],
      ['sla.availability', at(12, 1)],
    ]);
    expect(table.positions('api')).toEqual({
      version: at(8, 1),
      sla: at(13, 1),
      'sla.availability': at(14, 1),
      'sla."quoted.key"': at(15, 1),
    });
  });

  it('gives the same positions as the full scan, for every record', () => {
    const scan = scanTomlPositions(TEXT);
    for (const id of ['web', 'api']) {
      const expected: Record<string, unknown> = {};
      for (const [key, position] of scan) {
        if (key.startsWith(`service.${id}.`)) {
          expected[key.slice(`service.${id}.`.length)] = at(
            position.line,
            position.column,
          );
        }
      }
      expect(table.positions(id)).toEqual(expected);
    }
  });

  it('places each record at its header, and knows which records the file writes', () => {
    expect(table.source('web')).toEqual(at(4, 1));
    expect(table.source('api')).toEqual(at(7, 1));
    expect([...table.ids()]).toEqual(['web', 'api']);
    expect(table.has('web')).toBe(true);
    expect(table.has('project')).toBe(false);
    expect(table.source('missing')).toBeUndefined();
    expect(table.positions('missing')).toEqual({});
  });

  it('places a record written by dotted keys alone at its first key', () => {
    const dotted = new RecordTable(
      FILE,
      'service',
      scanTomlPositions(
        'service.early.port = 1\nservice.early.version = "1.0.0"',
      ),
    );
    expect(dotted.source('early')).toEqual(at(1, 1));
    expect(dotted.positions('early')).toEqual({
      port: at(1, 1),
      version: at(2, 1),
    });
  });

  it('gives a new object at each call, without a prototype, so a caller may change it', () => {
    const first = table.positions('web');
    first.port = at(99, 1);
    expect(table.positions('web').port).toEqual(at(5, 1));
    expect(Object.getPrototypeOf(table.positions('web'))).toBeNull();
    expect(table.positions('web').constructor).toBeUndefined();
  });

  it('keeps the tables of other prefixes apart', () => {
    const monitoring = new RecordTable(
      FILE,
      'project',
      scanTomlPositions(TEXT),
    );
    expect(monitoring.source('name')).toEqual(at(2, 1));
    expect([...monitoring.ids()]).toEqual(['name']);
  });
});
