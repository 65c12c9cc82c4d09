import { loadRegistry } from '../load/buildRegistry';
import { releaseHistoryOf } from './releaseHistory';

function serviceWithReleases(version: string, releases: string) {
  const registry = loadRegistry([
    {
      path: 'services/catalog.toml',
      text: `[service.auth]\nversion = "${version}"\n`,
    },
    { path: 'services/versions.toml', text: releases },
  ]);
  return registry.services.get('auth')!;
}

describe('releaseHistoryOf', () => {
  it('lists the releases newest version first, marking the breaking ones and the current version', () => {
    const service = serviceWithReleases(
      '2.1.0',
      `
[[service.auth.release]]
version = "1.0.0"
date = 2025-01-10

[[service.auth.release]]
version = "2.1.0"
date = 2026-03-01
notes = "  Token refresh.  "

[[service.auth.release]]
version = "1.4.2"
date = "2025-06-30"

[[service.auth.release]]
version = "2.0.0"
date = 2026-01-15
notes = "Sessions moved to JWT: see the migration guide."
`,
    );
    expect(releaseHistoryOf(service)).toEqual([
      {
        version: '2.1.0',
        date: '2026-03-01',
        notes: 'Token refresh.',
        breaking: false,
        current: true,
      },
      {
        version: '2.0.0',
        date: '2026-01-15',
        notes: 'Sessions moved to JWT: see the migration guide.',
        breaking: true,
        current: false,
      },
      { version: '1.4.2', date: '2025-06-30', breaking: false, current: false },
      { version: '1.0.0', date: '2025-01-10', breaking: false, current: false },
    ]);
  });

  it('takes a new minor version below 1.0.0 as breaking, and a prerelease as the start of its major', () => {
    const service = serviceWithReleases(
      '1.0.0',
      ['0.1.0', '0.1.4', '0.2.0', '1.0.0-beta.1', '1.0.0']
        .map(v => `[[service.auth.release]]\nversion = "${v}"\n`)
        .join('\n'),
    );
    expect(releaseHistoryOf(service).map(r => [r.version, r.breaking])).toEqual(
      [
        ['1.0.0', false],
        ['1.0.0-beta.1', true],
        ['0.2.0', true],
        ['0.1.4', false],
        ['0.1.0', false],
      ],
    );
  });

  it('leaves out releases without a valid version, and a version written twice after its first', () => {
    const service = serviceWithReleases(
      '1.1.0',
      `
[[service.auth.release]]
version = "1.1.0"
notes = "first"

[[service.auth.release]]
version = "one"

[[service.auth.release]]
date = 2026-01-01

[[service.auth.release]]
version = "1.1.0"
notes = "again"
`,
    );
    expect(releaseHistoryOf(service)).toEqual([
      { version: '1.1.0', notes: 'first', breaking: false, current: true },
    ]);
  });

  it('is empty for a service without releases', () => {
    expect(releaseHistoryOf(serviceWithReleases('1.0.0', ''))).toEqual([]);
  });
});
