import { catalog, runRule } from '../__testUtils__/registryOf';
import { sunsetPassedWithConsumers } from './sunsetPassedWithConsumers';

const files = catalog(
  '[service.old]',
  'status = "deprecated"',
  'sunset_date = "2026-05-20"',
  'replacement_service = "new"',
  '[service.new]',
  '[service.app]',
  'dependencies.requires = ["old"]',
  '[service.web]',
  'dependencies.optional = ["old"]',
);

describe('sunsetPassedWithConsumers', () => {
  it('reports an overdue service on its sunset_date, listing its consumers', () => {
    const findings = runRule(sunsetPassedWithConsumers, files, '2026-06-01');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'lifecycle/sunset-passed-with-consumers',
        service: 'old',
        line: 3,
      }),
    ]);
    expect(findings[0].message).toContain('overdue');
    expect(findings[0].message).toContain('passed 12 days ago');
    expect(findings[0].message).toContain('"app" and "web"');
  });

  it('says nothing before the sunset, or when no one depends on the service', () => {
    expect(runRule(sunsetPassedWithConsumers, files, '2026-05-20')).toEqual([]);
    expect(
      runRule(
        sunsetPassedWithConsumers,
        catalog(
          '[service.old]',
          'status = "deprecated"',
          'sunset_date = "2026-05-20"',
        ),
        '2027-01-01',
      ),
    ).toEqual([]);
  });
});
