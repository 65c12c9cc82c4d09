import { loadRegistry } from '../load/buildRegistry';
import { buildDependencyGraph } from './buildDependencyGraph';
import { dependencyGraphOf } from './dependencyGraphOf';

const files = [
  {
    path: 'services/catalog.toml',
    text: '[service.auth]\n[service.shop]\ndependencies.requires = ["auth"]\n',
  },
];

describe('dependencyGraphOf', () => {
  it('builds the graph of a registry once and gives the same graph to every reader', () => {
    const registry = loadRegistry(files);
    const graph = dependencyGraphOf(registry);
    expect(graph).toEqual(buildDependencyGraph(registry));
    expect(graph.incoming.get('auth')?.map(e => e.from)).toEqual(['shop']);
    expect(dependencyGraphOf(registry)).toBe(graph);
    // another registry object (the same text loaded again) has its own graph
    expect(dependencyGraphOf(loadRegistry(files))).not.toBe(graph);
  });
});
