import { registryOf } from '../../validation/__testUtils__/registryOf';
import { diffRegistries } from '../diffRegistries';

const TODAY = '2026-01-20';

const registry = (min: string) =>
  registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      'version = "2.0.0"',
      `compat_version_min = "${min}"`,
      '[service.app]',
      'dependencies.requires = ["auth@^2.0"]',
      '[service.legacy]',
      'status = "retired"',
      'dependencies = { requires = ["auth@~1.2.0"], optional = ["auth@~1.2.0"] }',
    ].join('\n'),
  });

describe('compatMinRaised: retired consumers', () => {
  it('is no breaking change when only a retired service asks for the versions left out', () => {
    const diff = diffRegistries(registry('1.0.0'), registry('1.5.0'), {
      today: TODAY,
    });
    expect(diff.breakingChanges).toEqual([]);
  });
});
