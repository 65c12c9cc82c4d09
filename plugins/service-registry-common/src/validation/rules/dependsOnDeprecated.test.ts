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

describe('dependsOnDeprecated: where to migrate', () => {
  const chain = catalog(
    '[service.v1]',
    'status = "deprecated"',
    'sunset_date = "2026-07-01"',
    'replacement_service = "v2"',
    '[service.v2]',
    'status = "deprecated"',
    'sunset_date = "2026-12-01"',
    'replacement_service = "v3"',
    '[service.v3]',
    'status = "retired"',
    'replacement_service = "v4"',
    '[service.v4]',
    'status = "ga"',
    '[service.lost]',
    'status = "deprecated"',
    'replacement_service = "nowhere"',
    '[service.app]',
    'dependencies.requires = ["v1", "v2", "v3", "lost"]',
  );

  it('names the live end of the replacement chain, never a deprecated or retired successor', () => {
    const messages = runRule(dependsOnDeprecated, chain, '2026-06-01').map(
      f => f.message,
    );
    expect(messages).toEqual([
      'Service "app" requires "v1", which is deprecated (sunset on 2026-07-01, in 30 days): migrate to "v4", the live end of its replacements v2 → v3 → v4, and update dependencies.requires.',
      'Service "app" requires "v2", which is deprecated (sunset on 2026-12-01, in 183 days): migrate to "v4", the live end of its replacements v3 → v4, and update dependencies.requires.',
      'Service "app" requires "v3", which is retired: migrate to "v4" and remove "v3" from dependencies.requires.',
      'Service "app" requires "lost", which is deprecated (no sunset date announced yet): its replacement_service "nowhere" is no live service (no registry file declares it), so ask the owners of "lost" where to migrate, and update dependencies.requires.',
    ]);
  });

  it("follows the chain as the consumer's project sees it", () => {
    const [finding] = runRule(
      dependsOnDeprecated,
      {
        ...catalog(
          '[service.v1]',
          'status = "deprecated"',
          'sunset_date = "2026-07-01"',
          'replacement_service = "v2"',
          '[service.v2]',
          'status = "deprecated"',
          'replacement_service = "v3"',
          '[service.v3]',
          'status = "ga"',
        ),
        'projects/pa/services.toml': [
          '[project]',
          '[service.v2]',
          'status = "ga"',
          '[service.app]',
          'dependencies.requires = ["v1"]',
        ].join('\n'),
      },
      '2026-06-01',
    );
    expect(finding.message).toContain('migrate to "v2" and update');
  });
});

describe('dependsOnDeprecated: the successor itself as consumer', () => {
  it('does not tell the replacement to migrate to itself', () => {
    const [finding] = runRule(
      dependsOnDeprecated,
      catalog(
        '[service.old-api]',
        'status = "deprecated"',
        'sunset_date = "2026-05-20"',
        'replacement_service = "new-api"',
        '[service.new-api]',
        'status = "ga"',
        'dependencies.requires = ["old-api"]',
      ),
      '2026-05-10',
    );
    expect(finding.message).toBe(
      'Service "new-api" requires "old-api", which is deprecated (sunset on 2026-05-20, in 10 days): "new-api" is its replacement, so take over what it still uses "old-api" for and update dependencies.requires.',
    );
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
