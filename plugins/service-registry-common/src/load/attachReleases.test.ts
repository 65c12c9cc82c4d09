import { RegistryFinding } from '../model/types';
import { loadRegistry } from './buildRegistry';

function load(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

const where = (findings: RegistryFinding[]) =>
  findings.map(f => [f.code, f.severity, f.file, f.line, f.column]);

describe('attachReleases', () => {
  it("warns at a service's version that its release history does not list", () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.auth]', // 1
        'owner = "platform-team"',
        'version = "1.3.0"',
      ].join('\n'),
      'services/versions.toml': [
        '[[service.auth.release]]', // 1
        'version = "1.0.0"',
        '[[service.auth.release]]',
        'version = "1.2.3"',
      ].join('\n'),
    });
    expect(where(registry.findings)).toEqual([
      [
        'release/version-not-released',
        'warning',
        'services/catalog.toml',
        3,
        1,
      ],
    ]);
    expect(registry.findings[0]).toMatchObject({ service: 'auth' });
    expect(registry.findings[0].message).toBe(
      'Service "auth": version "1.3.0" has no release in services/versions.toml, whose releases of it are 1.0.0 and 1.2.3 (services/versions.toml:1). Add a [[service.auth.release]] with version = "1.3.0" (and its date), or correct version.',
    );
  });

  it('accepts a version its history lists, services without releases and services without a version', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.auth]',
        'version = "1.2.3"',
        '[service.cfg]',
        'version = "2.0.0"',
        '[service.web]',
      ].join('\n'),
      'services/versions.toml': [
        '[[service.auth.release]]',
        'version = "1.0.0"',
        '[[service.auth.release]]',
        'version = "1.2.3"',
        '[[service.web.release]]',
        'version = "0.1.0"',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
  });

  it('reports releases whose version is not semver at the key, and does not compare with them', () => {
    const registry = load({
      'projects/p/services.toml': [
        '[project]',
        '[service.api]',
        'version = "2.0.0"',
      ].join('\n'),
      'services/versions.toml': [
        '[[service.api.release]]', // 1
        'version = "v2.0.0"',
        'date = 2026-01-10',
      ].join('\n'),
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-semver', 'error', 'services/versions.toml', 2, 1],
    ]);
    expect(registry.findings[0].message).toContain(
      'release[0].version must be a semver version in quotes',
    );
    expect(registry.services.get('api')!.releases).toEqual([
      expect.objectContaining({ version: undefined, date: '2026-01-10' }),
    ]);
  });

  it('names only the last releases of a long history', () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0'];
    const registry = load({
      'services/catalog.toml': '[service.auth]\nversion = "2.0.0"\n',
      'services/versions.toml': versions
        .map(v => `[[service.auth.release]]\nversion = "${v}"`)
        .join('\n'),
    });
    expect(registry.findings.map(f => f.message)).toEqual([
      expect.stringContaining(
        'whose releases of it are 6 versions, the last 1.1.0, 1.2.0, 1.3.0, 1.4.0 and 1.5.0 (services/versions.toml:1)',
      ),
    ]);
  });

  it("points at a project service's own file", () => {
    const registry = load({
      'projects/p/services.toml': [
        '[project]',
        '[service.api]',
        'version = "2.1.0"',
      ].join('\n'),
      'services/versions.toml': '[[service.api.release]]\nversion = "2.0.0"\n',
    });
    expect(where(registry.findings)).toEqual([
      [
        'release/version-not-released',
        'warning',
        'projects/p/services.toml',
        3,
        1,
      ],
    ]);
    expect(registry.findings[0]).toMatchObject({
      service: 'api',
      project: 'p',
    });
  });
});

describe('release histories and patterns written in another shape', () => {
  const catalog =
    '[service.a]\nversion = "1.0.0"\n[service.c]\nversion = "1.0.0"\n';

  it('reports a single [service.<id>.release] table, where an array of tables is expected', () => {
    const registry = load({
      'services/catalog.toml': catalog,
      'services/versions.toml':
        '[service.a.release]\nversion = "1.0.0"\ndate = 2026-01-10\n',
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 'services/versions.toml', 1, 1],
    ]);
    expect(registry.findings[0].message).toContain(
      'release must be an array of tables, one per release: write [[service.a.release]] (two brackets)',
    );
    expect(registry.findings[0]).toMatchObject({ service: 'a' });
  });

  it('reports a release that is not a table, at the element, and keeps the others', () => {
    const registry = load({
      'services/catalog.toml': catalog,
      'services/versions.toml':
        '[service.a]\nrelease = ["0.9.0", { version = "1.0.0" }]\n',
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 'services/versions.toml', 2, 12],
    ]);
    expect(registry.findings[0].message).toContain(
      'release[0] must be a table with version and date',
    );
    expect(registry.services.get('a')!.releases.map(r => r.version)).toEqual([
      '1.0.0',
    ]);
  });

  it('reports a service entry that is not a table', () => {
    const registry = load({
      'services/catalog.toml': catalog,
      'services/versions.toml': '[service]\nc = "1.0.0"\n',
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 'services/versions.toml', 2, 1],
    ]);
    expect(registry.findings[0].message).toContain(
      'service "c" must be a table of releases: write each release as [[service.c.release]]',
    );
  });

  it('reports patterns that are not tables, and keeps the others', () => {
    const registry = load({
      'services/patterns.toml': [
        '[pattern]', // 1
        'worker = "x"',
        '[[pattern.web]]',
        'replicas = 2',
        '[pattern.api]',
        'replicas = 3',
      ].join('\n'),
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 'services/patterns.toml', 2, 1],
      ['schema/invalid-type', 'error', 'services/patterns.toml', 3, 1],
    ]);
    expect(registry.findings[0].message).toContain(
      'pattern "worker" must be a table: write it as [pattern.worker]',
    );
    expect([...registry.patterns.keys()]).toEqual(['api']);
  });

  it('reports a file whose top-level service or pattern is not a table', () => {
    const registry = load({
      'services/versions.toml': 'service = "a"\n',
      'services/patterns.toml': 'pattern = 1\n',
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-type', 'error', 'services/patterns.toml', 1, 1],
      ['schema/invalid-type', 'error', 'services/versions.toml', 1, 1],
    ]);
  });
});
