import { loadRegistry } from '../load/buildRegistry';
import { RegistryFileInput } from '../model/types';
import { diffRegistries } from './diffRegistries';
import { preferBaseDeclarations } from './preferBaseDeclarations';

const declaration = (name: string, version: string) =>
  `[project]\nname = "${name}"\n\n[service.dup]\nversion = "${version}"\n`;

const filesOf = (files: Record<string, string>): RegistryFileInput[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

describe('preferBaseDeclarations', () => {
  const baseFiles = filesOf({
    'projects/zeta/services.toml': declaration('Zeta', '1.0.0'),
  });
  const headFiles = filesOf({
    'projects/alpha/services.toml': declaration('Alpha', '2.0.0'),
    'projects/zeta/services.toml': declaration('Zeta', '1.0.0'),
  });
  const base = loadRegistry(baseFiles);

  it("keeps base's declaration of an id a project that sorts first declares again", () => {
    const loaded = loadRegistry(headFiles);
    // loaded alone, the first in path order wins
    expect(loaded.services.get('dup')?.project).toBe('alpha');

    const head = preferBaseDeclarations(base, loaded, headFiles);
    expect(head.services.get('dup')?.project).toBe('zeta');
    expect(
      head.findings
        .filter(f => f.code === 'service/duplicate-id')
        .map(f => [f.file, f.project]),
    ).toEqual([['projects/alpha/services.toml', 'alpha']]);
    const diff = diffRegistries(base, head, { today: '2026-01-20' });
    expect([diff.changed, diff.breakingChanges]).toEqual([[], []]);
  });

  it('returns head as it is when no duplicated id needs a preference', () => {
    const head = loadRegistry(baseFiles);
    expect(preferBaseDeclarations(base, head, baseFiles)).toBe(head);
    // an id base did not have: the first in path order stays
    const fresh = loadRegistry(headFiles);
    expect(preferBaseDeclarations(loadRegistry([]), fresh, headFiles)).toBe(
      fresh,
    );
  });
});
