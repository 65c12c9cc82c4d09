import { loadRegistry } from '../load/buildRegistry';
import { RegistryFileInput } from '../model/types';
import { validateRegistry } from '../validation/validateRegistry';
import { preferBaseDeclarations } from './preferBaseDeclarations';
import { reviewRegistryChange } from './reviewRegistryChange';

const filesOf = (files: Record<string, string>): RegistryFileInput[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

const project = (name: string, services: string) =>
  `[project]\nname = "${name}"\nowner = "team-${name}"\n${services}`;

const service = (id: string, fields: string, requires?: string) =>
  `\n[service.${id}]\nversion = "1.0.0"\n${fields}\n${
    requires ? `[service.${id}.dependencies]\nrequires = ["${requires}"]\n` : ''
  }`;

const baseFiles = filesOf({
  'services/catalog.toml': `${service(
    'auth',
    'owner = "platform"\nport = 8000',
  )}${service('legacy', 'owner = "platform"', 'ghost')}`,
  'projects/zeta/services.toml': project('zeta', service('dup', '', 'auth@^1')),
});

/** auth moves its port (breaking for dup), and a new service requires one no file declares. */
const changedFiles = filesOf({
  'services/catalog.toml': `${service(
    'auth',
    'owner = "platform"\nport = 9000',
  )}${service('legacy', 'owner = "platform"', 'ghost')}`,
  'projects/zeta/services.toml': project(
    'zeta',
    `${service('dup', '', 'auth@^1')}${service('fresh', '', 'nowhere')}`,
  ),
});

describe('reviewRegistryChange', () => {
  it("reviews a change: head's findings, those it brings, and the diff", () => {
    const review = reviewRegistryChange(baseFiles, changedFiles, {
      today: '2026-12-07',
    });

    const missing = (codes: { code: string; service?: string }[]) =>
      codes
        .filter(f => f.code === 'dependency/missing-required')
        .map(f => f.service)
        .sort();
    // the registry had legacy's missing dependency; the change brings fresh's
    expect(missing(review.introduced)).toEqual(['fresh']);
    const all = validateRegistry(
      preferBaseDeclarations(
        loadRegistry(baseFiles),
        loadRegistry(changedFiles),
        changedFiles,
      ),
      { today: '2026-12-07' },
    );
    expect(missing(all)).toEqual(['fresh', 'legacy']);
    expect(review.findingCounts).toEqual({
      errors: all.filter(f => f.severity === 'error').length,
      warnings: all.filter(f => f.severity === 'warning').length,
      infos: all.filter(f => f.severity === 'info').length,
    });
    expect(review.findingCounts.errors).toBeGreaterThanOrEqual(2);
    expect(review.diff.added).toEqual(['fresh']);
    expect(
      review.diff.breakingChanges.map(c => [c.service, c.kind]),
    ).toContainEqual(['auth', 'port-changed']);
  });

  it('keeps an id a project of the change declares again where the registry declared it', () => {
    const headFiles = [
      ...baseFiles,
      ...filesOf({
        'projects/alpha/services.toml': project(
          'alpha',
          service('dup', 'port = 7000'),
        ),
      }),
    ];
    const review = reviewRegistryChange(baseFiles, headFiles, {
      today: '2026-12-07',
    });
    // the new declaration is the duplicate, and zeta's dup did not change
    expect(
      review.introduced
        .filter(f => f.code === 'service/duplicate-id')
        .map(f => f.project),
    ).toEqual(['alpha']);
    expect([review.diff.changed, review.diff.breakingChanges]).toEqual([
      [],
      [],
    ]);
  });

  it("reports the catalog's findings when asked, as validateRegistry does", () => {
    const headFiles = [
      ...baseFiles,
      ...filesOf({ 'projects/shared/services.toml': project('shared', '') }),
    ];
    const codes = (options: Parameters<typeof reviewRegistryChange>[2]) =>
      reviewRegistryChange(baseFiles, headFiles, options).introduced.map(
        f => f.code,
      );
    expect(
      codes({ today: '2026-12-07', catalog: { sharedSystem: 'shared' } }),
    ).toContain('catalog/duplicate-entity');
    expect(codes({ today: '2026-12-07' })).not.toContain(
      'catalog/duplicate-entity',
    );
  });

  it('survives being posted to another thread as it is', () => {
    const review = reviewRegistryChange(baseFiles, changedFiles, {
      today: '2026-12-07',
    });
    expect(review.diff.breakingChanges.length).toBeGreaterThan(0);
    expect(structuredClone(review)).toEqual(review);
  });
});
