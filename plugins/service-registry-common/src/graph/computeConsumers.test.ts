import { registryOf } from '../validation/__testUtils__/registryOf';
import { buildDependencyGraph } from './buildDependencyGraph';
import { computeConsumers } from './computeConsumers';

describe('computeConsumers', () => {
  it('lists the services and projects requiring a service, and the optional users apart', () => {
    const graph = buildDependencyGraph(
      registryOf({
        'services/catalog.toml': [
          '[service.auth]',
          '[service.gateway]',
          'dependencies.requires = ["auth"]',
        ].join('\n'),
        'projects/a/services.toml':
          '[service.a-web]\ndependencies.requires = ["auth"]',
        'projects/b/services.toml':
          '[service.b-web]\ndependencies.optional = ["auth"]',
      }),
    );
    expect(computeConsumers(graph, 'auth')).toEqual({
      service: 'auth',
      requiredBy: ['a-web', 'gateway'],
      optionalFor: ['b-web'],
      projects: ['a'],
      optionalProjects: ['b'],
    });
    expect(computeConsumers(graph, 'a-web')).toEqual({
      service: 'a-web',
      requiredBy: [],
      optionalFor: [],
      projects: [],
      optionalProjects: [],
    });
  });
});
