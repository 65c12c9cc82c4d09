import { registryOf } from '../validation/__testUtils__/registryOf';
import { renderChangeReportMarkdown } from '../report/markdown';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

/** `auth` written by the given lines, and an override of it in project `shop` when given. */
function registry(auth: string[], override: string[] = []) {
  return registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      ...auth,
      '',
      '[service.auth-v2]',
      'status = "ga"',
    ].join('\n'),
    'projects/shop/services.toml': ['[project]', ...override].join('\n'),
  });
}

const releasesOf = (before: string[], after: string[]) =>
  diffRegistries(registry(before), registry(after), { today: TODAY })
    .featureReleases;

describe('diffRegistries: feature releases of services that take fixes only', () => {
  it('warns of a minor or a major release of a service in maintenance, at its version', () => {
    expect(
      releasesOf(
        ['status = "maintenance"', 'version = "1.2.0"'],
        ['status = "maintenance"', 'version = "1.3.0"'],
      ),
    ).toEqual([
      {
        service: 'auth',
        status: 'maintenance',
        release: 'minor',
        before: '1.2.0',
        after: '1.3.0',
        message:
          'Service "auth" is in maintenance, which takes security fixes only and no new features (seed 000\'s lifecycle), but its version goes from 1.2.0 to 1.3.0, a minor release. Release the fix as a patch version, or set status back to "ga" if the service gets new features again.',
        position: { file: 'services/catalog.toml', line: 3, column: 1 },
      },
    ]);
    expect(
      releasesOf(
        ['status = "maintenance"', 'version = "1.2.0"'],
        ['status = "maintenance"', 'version = "2.0.0"'],
      ).map(r => r.release),
    ).toEqual(['major']);
  });

  it('lets a patch release, a version going back, a release that leaves maintenance and a ga release pass', () => {
    const maintenance = (version: string) => [
      'status = "maintenance"',
      `version = "${version}"`,
    ];
    expect(releasesOf(maintenance('1.2.0'), maintenance('1.2.1'))).toEqual([]);
    expect(releasesOf(maintenance('1.3.0'), maintenance('1.2.0'))).toEqual([]);
    expect(
      releasesOf(maintenance('1.2.0'), ['status = "ga"', 'version = "1.3.0"']),
    ).toEqual([]);
    expect(
      releasesOf(
        ['status = "ga"', 'version = "1.2.0"'],
        ['status = "ga"', 'version = "1.3.0"'],
      ),
    ).toEqual([]);
    // not a version semver reads: nothing to compare
    expect(releasesOf(maintenance('1.2'), maintenance('1.3'))).toEqual([]);
  });

  it('warns of a feature release of a deprecated service, naming its replacement', () => {
    const deprecated = (version: string) => [
      'status = "deprecated"',
      `version = "${version}"`,
      'replacement_service = "auth-v2"',
    ];
    const [release] = releasesOf(deprecated('1.2.0'), deprecated('1.4.0'));
    expect(release).toMatchObject({ status: 'deprecated', release: 'minor' });
    expect(release.message).toContain(
      'is deprecated, which takes no new features: its consumers are moving to "auth-v2"',
    );
    expect(release.message).toContain(
      'Release the fix as a patch version, or put the feature in the replacement.',
    );
  });

  it('reads a project’s view of an overridden service, and the report lists the release', () => {
    const override = (version: string) => [
      '[service.auth]',
      `version = "${version}"`,
    ];
    const diff = diffRegistries(
      registry(
        ['status = "maintenance"', 'version = "1.0.0"'],
        override('1.2.0'),
      ),
      registry(
        ['status = "maintenance"', 'version = "1.0.0"'],
        override('1.3.0'),
      ),
      { today: TODAY },
    );
    expect(diff.featureReleases).toEqual([
      expect.objectContaining({
        service: 'auth',
        project: 'shop',
        override: true,
        before: '1.2.0',
        after: '1.3.0',
        position: { file: 'projects/shop/services.toml', line: 3, column: 1 },
      }),
    ]);
    expect(diff.featureReleases[0].message).toContain(
      'Service "auth" in project "shop" is in maintenance',
    );
    const report = renderChangeReportMarkdown({ findings: [], diff });
    expect(report).toContain(
      '### Lifecycle\n\n⚠️ 1 release brings features to a service that takes fixes only (a warning, not a breaking change).\n\n- `auth` in project `shop` (override): Service "auth" in project "shop" is in maintenance',
    );
  });
});
