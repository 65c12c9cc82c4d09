import { buildDependencyGraph } from '../graph/buildDependencyGraph';
import { loadRegistry } from '../load/buildRegistry';
import { graphToMermaid } from './graphFormats';

describe('graphToMermaid', () => {
  it('draws a subgraph per project and an arrow per dependency, with its range', () => {
    const registry = loadRegistry([
      {
        path: 'services/catalog.toml',
        text: '[service.auth]\nversion = "1.2.0"\n',
      },
      {
        path: 'projects/shop/services.toml',
        text: '[project]\n[service.cart]\nversion = "1.0.0"\ndependencies.requires = ["auth@^1.0"]\n',
      },
    ]);
    expect(graphToMermaid(buildDependencyGraph(registry))).toBe(
      [
        'flowchart LR',
        '    auth["auth"]',
        '  subgraph project_shop["shop"]',
        '    cart["cart"]',
        '  end',
        '  cart -->|"^1.0"| auth',
        '',
      ].join('\n'),
    );
  });

  it('keeps a quote in a project folder name inside its label', () => {
    const registry = loadRegistry([
      {
        path: 'projects/team "a"/services.toml',
        text: '[project]\n[service.svc-a]\nversion = "1.0.0"\n',
      },
    ]);
    const chart = graphToMermaid(buildDependencyGraph(registry));
    expect(chart).toContain(
      '  subgraph project_team__a_["team #quot;a#quot;"]',
    );
    // no label ends before its closing bracket
    for (const line of chart.split('\n')) {
      expect(line.match(/"/g)?.length ?? 0).toBeLessThanOrEqual(2);
    }
  });
});
