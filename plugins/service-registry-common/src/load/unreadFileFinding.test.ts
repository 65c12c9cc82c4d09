import { RegistryFinding } from '../model/types';
import { tooLargeRegistryFile } from '../model/registryFileSize';
import { loadRegistry } from './buildRegistry';
import { isUnreadFileFinding, unreadFileReason } from './unreadFileFinding';

const finding = (code: string): RegistryFinding => ({
  severity: 'error',
  code,
  message: 'm',
  file: 'services/catalog.toml',
  line: 1,
  column: 1,
});

describe('isUnreadFileFinding', () => {
  it('is true for a file that does not parse and for a file above the size limit', () => {
    expect(isUnreadFileFinding(finding('toml/syntax'))).toBe(true);
    expect(isUnreadFileFinding(finding('toml/file-too-large'))).toBe(true);
  });

  it('is false for the findings of a file that was loaded', () => {
    for (const code of [
      'schema/invalid-type',
      'registry/unknown-file',
      'dependency/missing-required',
      'toml',
    ]) {
      expect(isUnreadFileFinding(finding(code))).toBe(false);
    }
  });

  it('picks out exactly the failed files of a load', () => {
    const registry = loadRegistry([
      { path: 'services/catalog.toml', text: '[service.a]\nport = "x"\n' },
      { path: 'projects/p/services.toml', text: 'version = 1.0.0\n' },
      tooLargeRegistryFile('projects/q/services.toml', 5000, 4096),
      tooLargeRegistryFile('notes/big.toml', 5000, 4096),
    ]);
    expect(
      registry.findings.filter(isUnreadFileFinding).map(f => f.file),
    ).toEqual(registry.failedFiles);
  });

  it('says why each kind of file contributed nothing', () => {
    expect(unreadFileReason(finding('toml/syntax'))).toBe('does not parse');
    expect(unreadFileReason(finding('toml/file-too-large'))).toBe(
      'is above the size limit for a registry file',
    );
  });
});
