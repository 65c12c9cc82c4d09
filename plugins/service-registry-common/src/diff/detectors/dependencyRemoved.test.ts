import { registryOf } from '../../validation/__testUtils__/registryOf';
import { diffRegistries } from '../diffRegistries';

const TODAY = '2026-01-20';

const registry = (...legacy: string[]) =>
  registryOf({
    'services/catalog.toml': [
      '[service.x]',
      '[service.legacy]',
      ...legacy,
    ].join('\n'),
  });

describe('dependencyRemoved: retired consumers', () => {
  it('is no breaking change for a retired service to drop the dependencies it declared', () => {
    const diff = diffRegistries(
      registry('status = "retired"', 'dependencies.requires = ["x"]'),
      registry('status = "retired"'),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toEqual([]);
  });

  it('is no breaking change for a service retired in the change to drop its dependencies', () => {
    const diff = diffRegistries(
      registry('status = "deprecated"', 'dependencies.requires = ["x"]'),
      registry('status = "retired"'),
      { today: TODAY },
    );
    expect(diff.breakingChanges).toEqual([]);
  });

  it('still reports a running service that no longer requires a dependency', () => {
    const diff = diffRegistries(
      registry('dependencies.requires = ["x"]'),
      registry(),
      { today: TODAY },
    );
    expect(diff.breakingChanges.map(c => [c.service, c.kind])).toEqual([
      ['legacy', 'dependency-removed'],
    ]);
  });
});
