import { KeyPathPart } from '../load/keyPath';
import { walkValues } from './walkValues';

function walk(table: Record<string, unknown>, depth?: number) {
  const scalars: Array<[KeyPathPart[], string, unknown, unknown]> = [];
  const deeper: KeyPathPart[][] = [];
  walkValues(table, {
    scalar: (path, key, value, previous) =>
      scalars.push([[...path], key, value, previous]),
    ...(depth === undefined
      ? {}
      : { deeper: { depth, found: path => deeper.push([...path]) } }),
  });
  return { scalars, deeper };
}

describe('walkValues', () => {
  it('gives each scalar its path, its key (an array element its array’s) and the element before it', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    expect(
      walk({ a: 1, t: { list: ['x', 'y', { k: true }], when: date } }).scalars,
    ).toEqual([
      [['a'], 'a', 1, undefined],
      [['t', 'list', 0], 'list', 'x', undefined],
      [['t', 'list', 1], 'list', 'y', 'x'],
      [['t', 'list', 2, 'k'], 'k', true, undefined],
      [['t', 'when'], 'when', date, undefined],
    ]);
  });

  it('walks a table nested 20,000 deep without overflowing the stack', () => {
    let table: Record<string, unknown> = { leaf: 1 };
    for (let depth = 0; depth < 20_000; depth++) table = { a: table };
    const { scalars } = walk(table);
    expect(scalars).toHaveLength(1);
    expect(scalars[0][0]).toHaveLength(20_001);
  });

  it('with a depth, reports each table or array at that depth that holds anything, once, and walks on into it', () => {
    const deep = (parts: number, leaf: unknown) => {
      let value = leaf;
      for (let i = 0; i < parts; i++) value = { a: value };
      return value;
    };
    const { scalars, deeper } = walk(
      {
        // a.a.a (3 parts) is a table holding `leaf`: reported at 3 parts
        x: deep(3, { leaf: 1 }),
        // y.a.leaf (3 parts) is a scalar: walked
        y: deep(1, { leaf: 2 }),
        // empty tables and arrays at the depth hold nothing deeper
        z: { b: { c: {}, d: [] } },
        // an array at the depth holding tables of 20,000 levels: reported once
        w: { b: { list: [deep(20_000, 1)] } },
        v: [[[['deep']]]],
      },
      3,
    );
    expect(deeper).toEqual([
      ['x', 'a', 'a'],
      ['w', 'b', 'list'],
      ['v', 0, 0],
    ]);
    expect(scalars.map(([path]) => path.length)).toEqual([5, 3, 20_004, 5]);
    expect(scalars[1][0]).toEqual(['y', 'a', 'leaf']);
  });

  it('walks a table that holds itself (built by hand) once', () => {
    const table: Record<string, unknown> = { n: 1 };
    table.self = table;
    table.list = [table, { m: 2 }];
    expect(walk(table).scalars.map(([path]) => path)).toEqual([
      ['n'],
      ['list', 1, 'm'],
    ]);
  });
});
