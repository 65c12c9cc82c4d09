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

  it('says which sunset_date the migration window allows, from the policies when they set it', () => {
    const old = [
      '[service.old]',
      'status = "deprecated"',
      'deprecation_date = 2026-01-10',
      'replacement_service = "new"',
      '[service.new]',
    ];
    const [lifecycle] = runRule(deprecationDeclaration, catalog(...old));
    expect(lifecycle.message).toBe(
      'Service "old" is deprecated without a sunset_date: add sunset_date = "2026-07-10" or later, deprecation_date 2026-01-10 plus the 6-month migration window the lifecycle gives its consumers, so they know when it goes away.',
    );
    const [policy] = runRule(deprecationDeclaration, {
      ...catalog(...old),
      'policies/governance.toml':
        '[change_control]\nmigration_window_days = 90',
    });
    expect(policy.message).toBe(
      'Service "old" is deprecated without a sunset_date: add sunset_date = "2026-04-10" or later, deprecation_date 2026-01-10 plus the 90-day migration window of the policies (change_control.migration_window_days), so they know when it goes away.',
    );
  });
});
