import {
  heldBackServiceFinding,
  heldBackServiceReason,
} from './heldBackServiceFinding';

describe('heldBackServiceFinding', () => {
  const where = { file: 'projects/shop/services.toml', line: 7, column: 1 };

  it('names the service and says why its file is not taken, at its new table', () => {
    expect(
      heldBackServiceFinding(
        'component:default/cart',
        where,
        'it does not parse at projects/shop/services.toml:9:3',
      ),
    ).toEqual({
      severity: 'warning',
      code: 'catalog/held-back-service',
      message:
        'Service "cart" is declared here, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:9:3), and no longer where it was: the catalog keeps component:default/cart as last ingested, and the registry\'s pages lack the service until the file is fixed.',
      ...where,
      service: 'cart',
    });
  });

  it('hides an id that holds a credential, which an earlier version emitted', () => {
    const token = 'glpat-a1b2c3d4e5f6g7h8i9j0k1l2';
    const finding = heldBackServiceFinding(
      `component:default/${token}`,
      where,
      'it does not parse',
    );
    expect(finding.service).toBe('(hidden)');
    expect(JSON.stringify(finding)).not.toContain(token.slice(6));
  });

  it('gives back the reason it was made with, whatever the reason says', () => {
    for (const why of [
      'it does not parse at projects/shop/services.toml:9:3',
      'its table is misspelt: write [service.<id>]',
      'odd (words), and no longer where it was: quoted',
    ]) {
      expect(
        heldBackServiceReason(
          heldBackServiceFinding('component:default/cart', where, why),
        ),
      ).toBe(why);
    }
    expect(
      heldBackServiceReason({
        severity: 'warning',
        code: 'catalog/other',
        message:
          'in a file the catalog cannot take as written (x), and no longer where it was: ',
        file: 'a.toml',
        line: 1,
        column: 1,
      }),
    ).toBeUndefined();
  });
});
