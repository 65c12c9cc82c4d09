import { catalog, runRule } from '../__testUtils__/registryOf';
import { dependsOnDeprecated } from './dependsOnDeprecated';

const files = catalog(
  '[service.old]',
  'status = "deprecated"',
  'sunset_date = "2026-05-20"',
  'replacement_service = "new"',
  '[service.gone]',
  'status = "retired"',
  '[service.new]',
  'status = "ga"',
  '[service.app]',
  'dependencies.requires = ["old", "gone", "new"]',
);

describe('dependsOnDeprecated', () => {
  it('warns with the days left before the sunset, and errors on retired providers', () => {
    const findings = runRule(dependsOnDeprecated, files, '2026-05-10');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'lifecycle/depends-on-deprecated',
        line: 10,
        column: 26,
        service: 'app',
      }),
      expect.objectContaining({
        severity: 'error',
        code: 'lifecycle/depends-on-retired',
        line: 10,
        column: 33,
      }),
    ]);
    expect(findings[0].message).toContain('sunset on 2026-05-20, in 10 days');
    expect(findings[0].message).toContain('migrate to "new"');
  });

  it('says how long ago the sunset passed, using today', () => {
    const [finding] = runRule(dependsOnDeprecated, files, '2026-05-23');
    expect(finding.message).toContain('sunset on 2026-05-20, 3 days ago');
  });

  it('says nothing about live providers', () => {
    expect(
      runRule(
        dependsOnDeprecated,
        catalog(
          '[service.new]',
          'status = "ga"',
          '[service.app]',
          'dependencies.requires = ["new"]',
        ),
      ),
    ).toEqual([]);
  });
});

describe('dependsOnDeprecated: retired consumers', () => {
  it('says nothing about the dependencies of a retired service', () => {
    expect(
      runRule(
        dependsOnDeprecated,
        catalog(
          '[service.old]',
          'status = "deprecated"',
          'sunset_date = "2026-05-20"',
          '[service.gone]',
          'status = "retired"',
          'dependencies.requires = ["old"]',
          '[service.gone-too]',
          'status = "retired"',
          'dependencies = { requires = ["gone"], optional = ["old"] }',
        ),
        '2026-06-01',
      ),
    ).toEqual([]);
  });

  it('leaves out the view of a project that retires the consumer, not the others', () => {
    // both projects deprecate auth; pa retires gw, pb keeps it running
    const findings = runRule(dependsOnDeprecated, {
      ...catalog(
        '[service.auth]',
        '[service.gw]',
        'dependencies.requires = ["auth"]',
      ),
      'projects/pa/services.toml': [
        '[project]',
        '[service.auth]',
        'status = "deprecated"',
        '[service.gw]',
        'status = "retired"',
      ].join('\n'),
      'projects/pb/services.toml': [
        '[project]',
        '[service.auth]',
        'status = "deprecated"',
        '[service.gw]',
        'owner = "@pb"',
      ].join('\n'),
    });
    expect(findings.map(f => [f.code, f.service, f.project])).toEqual([
      ['lifecycle/depends-on-deprecated', 'gw', 'pb'],
    ]);
  });

  it('checks a globally retired consumer in the project whose override keeps it running', () => {
    const findings = runRule(dependsOnDeprecated, {
      ...catalog(
        '[service.gone]',
        'status = "retired"',
        '[service.gw]',
        'status = "retired"',
        'dependencies.requires = ["gone"]',
      ),
      'projects/pa/services.toml': '[project]\n[service.gw]\nstatus = "ga"',
    });
    expect(findings.map(f => [f.code, f.service, f.project])).toEqual([
      ['lifecycle/depends-on-retired', 'gw', 'pa'],
    ]);
    expect(findings[0].message).toMatch(/^In project "pa": /);
  });
});
