import { RegistryFileInput } from '../model/types';
import {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  tooLargeRegistryFile,
} from '../model/registryFileSize';
import { parseTomlFile } from './parseToml';
import { loadRegistry } from './buildRegistry';
import { isUnreadFileFinding } from './unreadFileFinding';

const catalog: RegistryFileInput = {
  path: 'services/catalog.toml',
  text: '[service.auth]\nversion = "1.0.0"\n',
};
const shopServices =
  '[project]\nname = "Shop"\n\n[service.shop-web]\ndependencies.requires = ["auth@^1.0"]\n';

describe('a registry file too large to be read', () => {
  it('is reported at its start with its size, the limit and how to fix it, and ignored while the others load', () => {
    const registry = loadRegistry([
      catalog,
      tooLargeRegistryFile(
        'projects/shop/services.toml',
        42_467_328,
        DEFAULT_MAX_REGISTRY_FILE_BYTES,
      ),
    ]);
    expect(registry.failedFiles).toEqual(['projects/shop/services.toml']);
    expect([...registry.services.keys()]).toEqual(['auth']);
    expect(registry.findings).toEqual([
      {
        severity: 'error',
        code: 'toml/file-too-large',
        file: 'projects/shop/services.toml',
        project: 'shop',
        line: 1,
        column: 1,
        message:
          'projects/shop/services.toml was not read: it is 40.5 MiB (42467328 bytes), above the limit of 16 MiB (16777216 bytes) for a registry file. Registry files are far smaller (10 000 services take about 3.5 MB): if it is a generated file gone wrong or was committed by mistake (a log, a dump), fix or remove it; if its content belongs there, split it over several registry files (services into projects/<project>/services.toml, policies into several policies/<name>.toml), or raise the limit of the registry readers (maxFileBytes). The file is ignored until then.',
      },
    ]);
  });

  it('is its own finding, not a syntax error, yet counts among the files that contributed nothing', () => {
    const registry = loadRegistry([
      catalog,
      { path: 'projects/a/services.toml', text: '[service.a\n' },
      tooLargeRegistryFile('projects/b/services.toml', 3000, 2048),
    ]);
    expect(registry.failedFiles).toEqual([
      'projects/a/services.toml',
      'projects/b/services.toml',
    ]);
    expect(
      registry.findings.map(f => [f.file, f.code, isUnreadFileFinding(f)]),
    ).toEqual([
      ['projects/a/services.toml', 'toml/syntax', true],
      ['projects/b/services.toml', 'toml/file-too-large', true],
    ]);
    expect(registry.findings[1].message).not.toMatch(/parse|syntax/i);
  });

  it('names a limit set lower in the units that fit it', () => {
    const registry = loadRegistry([
      tooLargeRegistryFile('services/catalog.toml', 3000, 2048),
    ]);
    expect(registry.findings[0].message).toContain(
      'it is 2.9 KiB (3000 bytes), above the limit of 2 KiB (2048 bytes)',
    );
    // below a KiB, the count of bytes once
    expect(
      loadRegistry([tooLargeRegistryFile('services/catalog.toml', 300, 200)])
        .findings[0].message,
    ).toContain(
      'it is 300 bytes, above the limit of 200 bytes for a registry file',
    );
  });

  it('is never taken for an empty file by code that does not look at the mark: its text does not parse', () => {
    const file = tooLargeRegistryFile('services/catalog.toml', 3000, 2048);
    expect(parseTomlFile(file.path, file.text).ok).toBe(false);
    // a hash of the texts changes with the size
    expect(tooLargeRegistryFile(file.path, 3001, 2048).text).not.toBe(
      file.text,
    );
  });

  it('keeps its services once its last good text takes its place, as the catalog provider does with the files that fail', () => {
    const lastGood = new Map([['projects/shop/services.toml', shopServices]]);
    const files = [
      catalog,
      tooLargeRegistryFile('projects/shop/services.toml', 20_000_000, 1000),
    ];
    const first = loadRegistry(files);
    const effective = files.map(file =>
      first.failedFiles.includes(file.path)
        ? { path: file.path, text: lastGood.get(file.path)! }
        : file,
    );
    const registry = loadRegistry(effective);
    expect(registry.findings).toEqual([]);
    expect(registry.services.get('shop-web')).toMatchObject({
      project: 'shop',
      dependencies: {
        requires: [expect.objectContaining({ service: 'auth' })],
      },
    });
  });

  it('outside the registry layout is only warned about as unknown', () => {
    const registry = loadRegistry([
      catalog,
      tooLargeRegistryFile('projects/shop/debug-log.toml', 90_000_000, 1000),
    ]);
    expect(registry.failedFiles).toEqual([]);
    expect(registry.findings).toEqual([
      expect.objectContaining({
        code: 'registry/unknown-file',
        file: 'projects/shop/debug-log.toml',
      }),
    ]);
  });
});
