import { hasEveryTerm, searchTerms } from './searchTerms';

describe('searchTerms and hasEveryTerm', () => {
  it('find a row that has every word of the search, anywhere and in any case', () => {
    const row = ['old-api', 'payments-team', undefined, 'Overdue', null];
    expect(searchTerms('  Payments   TEAM ')).toEqual(['payments', 'team']);
    expect(hasEveryTerm(row, searchTerms('payments team'))).toBe(true);
    expect(hasEveryTerm(row, searchTerms('overdue OLD'))).toBe(true);
    expect(hasEveryTerm(row, searchTerms('payments shipping'))).toBe(false);
    // a word does not match across two texts
    expect(hasEveryTerm(row, searchTerms('api payments'))).toBe(true);
    expect(hasEveryTerm(row, searchTerms('apipayments'))).toBe(false);
    expect(hasEveryTerm(row, searchTerms('api\npayments'))).toBe(true);
  });

  it('finds every row for an empty or blank search', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(hasEveryTerm([], [])).toBe(true);
    expect(hasEveryTerm(['x'], searchTerms(''))).toBe(true);
  });
});
