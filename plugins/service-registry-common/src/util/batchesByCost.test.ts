import { batchesByCost } from './batchesByCost';

const length = (s: string) => s.length;

describe('batchesByCost', () => {
  it('fills each batch up to the limit, in the order of the items', () => {
    expect(
      batchesByCost(['aaa', 'bb', 'cccc', 'd', 'ee'], length, { limit: 5 }),
    ).toEqual([['aaa', 'bb'], ['cccc', 'd'], ['ee']]);
  });

  it('puts an item costing more than the limit in a batch of its own', () => {
    expect(
      batchesByCost(['a', 'toolongforone', 'b', 'c'], length, { limit: 3 }),
    ).toEqual([['a'], ['toolongforone'], ['b', 'c']]);
  });

  it('starts a new batch once one holds maxCount items, however cheap they are', () => {
    expect(
      batchesByCost(['a', 'b', 'c', 'd', 'e'], length, {
        limit: 100,
        maxCount: 2,
      }),
    ).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('gives no batch for no items', () => {
    expect(batchesByCost([], length, { limit: 10 })).toEqual([]);
  });

  it('takes any iterable, and asks the cost of each item once', () => {
    const cost = jest.fn(length);
    const items = new Set(['ab', 'cd', 'ef']);
    expect(batchesByCost(items, cost, { limit: 4 })).toEqual([
      ['ab', 'cd'],
      ['ef'],
    ]);
    expect(cost).toHaveBeenCalledTimes(3);
  });
});
