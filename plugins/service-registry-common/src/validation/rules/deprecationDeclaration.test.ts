import { catalog, codes, runRule } from '../__testUtils__/registryOf';
import { deprecationDeclaration } from './deprecationDeclaration';

describe('deprecationDeclaration', () => {
  it('warns about a deprecated service without sunset_date or replacement_service', () => {
    const findings = runRule(
      deprecationDeclaration,
      catalog('[service.old]', 'status = "deprecated"'),
    );
    expect(codes(findings)).toEqual([
      'lifecycle/deprecated-without-sunset',
      'lifecycle/deprecated-without-replacement',
    ]);
    expect(findings.every(f => f.severity === 'warning' && f.line === 2)).toBe(
      true,
    );
  });

  it('accepts a fully declared deprecation, and services that are not deprecated', () => {
    expect(
      runRule(
        deprecationDeclaration,
        catalog(
          '[service.old]',
          'status = "deprecated"',
          'sunset_date = "2026-05-20"',
          'replacement_service = "new"',
          '[service.new]',
          'status = "ga"',
        ),
      ),
    ).toEqual([]);
  });
});
