import { registryOf } from '../../validation/__testUtils__/registryOf';
import { validateRegistry } from '../../validation/validateRegistry';
import { diffRegistries } from '../diffRegistries';

const catalog = (auth: string[]) => ({
  'services/catalog.toml': [
    '[service.auth]',
    ...auth,
    '[service.app]',
    'dependencies.requires = ["auth@^1.0"]',
    '[service.web]',
    'dependencies.optional = ["auth@^1.2"]',
    '[service.legacy]',
    'dependencies.requires = ["auth@^0.9"]',
    '[service.plain]',
    'dependencies.requires = ["auth"]',
  ].join('\n'),
});

const BASE = catalog(['version = "1.4.0"']);
const HEAD = catalog(['version = "2.1.0"', 'compat_with = ["1.x"]']);

function bumpOf(head: Record<string, string>) {
  const diff = diffRegistries(registryOf(BASE), registryOf(head), {
    today: '2026-01-15',
  });
  return diff.breakingChanges.find(c => c.kind === 'major-version-bump')!;
}

describe('major-version-bump and compat_with', () => {
  it('does not count as affected the consumers whose range a compat_with entry of the new version lies in', () => {
    // validation accepts those ranges
    const unsatisfied = validateRegistry(registryOf(HEAD), {
      today: '2026-01-15',
    }).filter(f => f.code === 'dependency/version-unsatisfied');
    expect(unsatisfied.map(f => f.message)).toEqual([
      expect.stringMatching(/^Service "legacy" needs "auth" \^0\.9/),
    ]);
    const bump = bumpOf(HEAD);
    expect(bump.impact.services.map(s => [s.id, s.depth])).toEqual([
      ['legacy', 1],
      ['plain', 1],
    ]);
    expect(bump.optionalConsumers).toEqual([]);
    expect(bump.message).toBe(
      'Service "auth" goes from 1.4.0 to 2.1.0, a major (incompatible) version: document the migration, keep compat_version_min and compat_with truthful, and check that every consumer\'s range accepts 2.1.0. Not affected, satisfied through compat_with: "app" (^1.0, through 1.x), "web" (^1.2, through 1.x, optional).',
    );
  });

  it('counts every consumer without compat_with', () => {
    const bump = bumpOf(catalog(['version = "2.1.0"']));
    expect(bump.impact.services.map(s => s.id)).toEqual([
      'app',
      'legacy',
      'plain',
    ]);
    expect(bump.optionalConsumers.map(c => c.id)).toEqual(['web']);
    expect(bump.message).not.toContain('compat_with:');
  });
});
