import { registryOf } from '../../validation/__testUtils__/registryOf';
import { diffRegistries } from '../diffRegistries';

const TODAY = '2026-01-20';

function catalog(...lines: string[]) {
  return registryOf({ 'services/catalog.toml': lines.join('\n') });
}

describe('consumers of removed and retired services', () => {
  it('accepts removing a service whose only consumer drops it in the same change', () => {
    const base = catalog(
      '[service.x]',
      '[service.y]',
      'dependencies.requires = ["x"]',
    );
    const head = catalog('[service.y]', 'dependencies.requires = []');
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.removed).toEqual(['x']);
    expect(diff.breakingChanges.map(c => [c.service, c.kind])).toEqual([
      ['y', 'dependency-removed'],
    ]);
  });

  it('accepts retiring a service whose consumers migrated or were removed in the same change', () => {
    const base = catalog(
      '[service.x]',
      'status = "deprecated"',
      '[service.y]',
      'dependencies.requires = ["x"]',
      '[service.z]',
      'dependencies.requires = ["x"]',
    );
    const head = catalog(
      '[service.x]',
      'status = "retired"',
      '[service.y]',
      'dependencies.optional = ["x"]',
    );
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.breakingChanges.map(c => c.kind)).not.toContain(
      'service-retired',
    );
  });

  it('lists, and counts as affected, only the consumers that still require the service', () => {
    const base = catalog(
      '[service.x]',
      '[service.y]',
      'owner = "@y-team"',
      'dependencies.requires = ["x"]',
      '[service.z]',
      'owner = "@z-team"',
      'dependencies.requires = ["x"]',
      '[service.w]',
      'dependencies.requires = ["z"]',
    );
    const head = catalog(
      '[service.y]',
      'owner = "@y-team"',
      'dependencies.requires = []',
      '[service.z]',
      'owner = "@z-team"',
      'dependencies.requires = ["x"]',
      '[service.w]',
      'dependencies.requires = ["z"]',
    );
    const diff = diffRegistries(base, head, { today: TODAY });
    const removed = diff.breakingChanges.find(c => c.service === 'x')!;
    expect(removed).toMatchObject({
      kind: 'service-removed',
      related: ['z'],
      position: { file: 'services/catalog.toml', line: 1, column: 1 },
      approvers: ['@z-team'],
    });
    expect(removed.message).toContain('still requires it ("z")');
    expect(removed.impact.services.map(s => [s.id, s.depth])).toEqual([
      ['z', 1],
      ['w', 2],
    ]);
  });
});

describe('retired consumers of removed and retired services', () => {
  it('accepts removing a service that only retired services still declare', () => {
    const base = catalog(
      '[service.x]',
      'status = "retired"',
      '[service.legacy]',
      'status = "retired"',
      'dependencies.requires = ["x"]',
    );
    const head = catalog(
      '[service.legacy]',
      'status = "retired"',
      'dependencies.requires = ["x"]',
    );
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.removed).toEqual(['x']);
    expect(diff.breakingChanges).toEqual([]);
  });

  it('accepts retiring a service whose consumers are retired, or retire in the same change', () => {
    const base = catalog(
      '[service.x]',
      'status = "deprecated"',
      '[service.legacy]',
      'status = "retired"',
      'dependencies.requires = ["x"]',
      '[service.y]',
      'dependencies.requires = ["x"]',
    );
    const head = catalog(
      '[service.x]',
      'status = "retired"',
      '[service.legacy]',
      'status = "retired"',
      'dependencies.requires = ["x"]',
      '[service.y]',
      'status = "retired"',
      'dependencies.requires = ["x"]',
    );
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.breakingChanges).toEqual([]);
  });

  it('leaves retired services out of the consumers and the affected services', () => {
    const base = catalog(
      '[service.x]',
      '[service.z]',
      'owner = "@z-team"',
      'dependencies.requires = ["x"]',
      '[service.legacy]',
      'owner = "@legacy-team"',
      'status = "retired"',
      'dependencies.requires = ["x", "z"]',
      '[service.w]',
      'owner = "@w-team"',
      'dependencies.requires = ["z"]',
    );
    const head = catalog(
      '[service.z]',
      'owner = "@z-team"',
      'dependencies.requires = ["x"]',
      '[service.legacy]',
      'owner = "@legacy-team"',
      'status = "retired"',
      'dependencies.requires = ["x", "z"]',
      '[service.w]',
      'owner = "@w-team"',
      'dependencies.requires = ["z"]',
    );
    const diff = diffRegistries(base, head, { today: TODAY });
    const [removed] = diff.breakingChanges;
    expect(removed).toMatchObject({ kind: 'service-removed', related: ['z'] });
    expect(removed.impact.services.map(s => [s.id, s.depth])).toEqual([
      ['z', 1],
      ['w', 2],
    ]);
    expect(removed.approvers).toEqual(['@w-team', '@z-team']);
    expect(diff.impactByService).toEqual([
      expect.objectContaining({
        service: 'x',
        affectedServices: 2,
        directConsumers: 1,
      }),
    ]);
  });
});
