import { catalog, runRule } from '../__testUtils__/registryOf';
import { versionNotForStatus } from './versionNotForStatus';

/** One catalog service with the given status and version; returns the rule's findings. */
function check(status: string, version: string) {
  return runRule(
    versionNotForStatus,
    catalog('[service.a]', `status = "${status}"`, `version = "${version}"`),
  );
}

describe('versionNotForStatus', () => {
  it.each([
    ['ga', '0.9.0', 'major version 0'],
    ['ga', '1.0.0-rc.1', 'prerelease'],
    ['maintenance', '0.3.1', 'major version 0'],
    ['maintenance', '2.1.0-beta.2', 'prerelease'],
    ['beta', '1.0.0', 'no prerelease tag'],
    ['beta', '0.9.0', 'major version 0'],
    ['beta', '0.9.0-beta.1', 'major version 0'],
    ['development', '1.0.0', 'a release'],
    ['development', '2.4.1', 'a release'],
  ])(
    'warns about a %s service at version %s (%s), at the version key',
    (status, version) => {
      expect(check(status, version)).toEqual([
        {
          severity: 'warning',
          code: 'lifecycle/version-not-for-status',
          message: expect.stringContaining(
            `Service "a" is ${status} at version ${version}`,
          ),
          file: 'services/catalog.toml',
          line: 3,
          column: 1,
          service: 'a',
        },
      ]);
    },
  );

  it('says what the stage expects and how to fix it', () => {
    expect(check('ga', '0.9.0')[0].message).toBe(
      'Service "a" is ga at version 0.9.0, but a ga service promises a stable API: its version is a release of 1.0.0 or later, without a prerelease tag (the lifecycle versions development 0.x.y, beta 1.0.0-beta.x, ga and maintenance 1.x.y). Release a 1.0.0 or later version, or set status to the stage the version is at.',
    );
    expect(check('beta', '0.9.0')[0].message).toBe(
      'Service "a" is beta at version 0.9.0, but a beta service is a prerelease of 1.0.0 or later, such as 1.0.0-beta.1 (the lifecycle versions development 0.x.y, beta 1.0.0-beta.x, ga and maintenance 1.x.y). Set version to such a prerelease, or set status to the stage the version is at.',
    );
    expect(check('development', '1.2.0')[0].message).toBe(
      'Service "a" is development at version 1.2.0, but a service in development is versioned 0.x.y, or as a prerelease of the version it is heading for, such as 2.0.0-alpha.1 (the lifecycle versions development 0.x.y, beta 1.0.0-beta.x, ga and maintenance 1.x.y). Set version to such a version, or set status to the stage the version is at (beta, ga).',
    );
  });

  it.each([
    ['development', '0.3.0'],
    ['development', '0.1.0-alpha.1'],
    ['development', '2.0.0-alpha.1'],
    ['beta', '1.0.0-beta.3'],
    ['beta', '2.0.0-rc.1'],
    ['ga', '1.0.0'],
    ['ga', '2.0.0'],
    ['ga', '1.4.2+build.7'],
    ['maintenance', '1.9.4'],
    ['deprecated', '0.2.0'],
    ['deprecated', '1.0.0-beta.1'],
    ['retired', '0.1.0'],
  ])('accepts a %s service at version %s', (status, version) => {
    expect(check(status, version)).toEqual([]);
  });

  it('checks nothing without a status, without a version, or with a version that is not semver', () => {
    expect(
      runRule(
        versionNotForStatus,
        catalog(
          '[service.a]',
          'version = "0.1.0"',
          '[service.b]',
          'status = "ga"',
          '[service.c]',
          'status = "ga"',
          'version = "v0.1"',
        ),
      ),
    ).toEqual([]);
  });

  it('reports an override that makes the project view contradict its version, at the override', () => {
    const findings = runRule(versionNotForStatus, {
      'services/catalog.toml': [
        '[service.worker]',
        'status = "beta"',
        'version = "1.0.0-beta.2"',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        '[service.worker]',
        'status = "ga"',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.code, f.file, f.line, f.project, f.message]),
    ).toEqual([
      [
        'lifecycle/version-not-for-status',
        'projects/shop/services.toml',
        3,
        'shop',
        expect.stringMatching(
          /^In project "shop": Service "worker" is ga at version 1\.0\.0-beta\.2/,
        ),
      ],
    ]);
  });
});
