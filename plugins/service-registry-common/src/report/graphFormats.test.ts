/**
 * @jest-environment @backstage/cli/config/jest-environment-jsdom
 */
import path from 'node:path';
import { readTomlFiles } from '@service-registry/test-support';
import { buildDependencyGraph } from '../graph/buildDependencyGraph';
import { DependencyGraph } from '../graph/types';
import { loadRegistry } from '../load/buildRegistry';
import { RegistryFileInput } from '../model/types';
import {
  graphToMermaid,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT_LENGTH,
  mermaidChartLimit,
} from './graphFormats';
import { readMermaidFlowchart } from './__testUtils__/readMermaidFlowchart';

const DEMO_ROOT = path.resolve(__dirname, '../../../../examples/registry');

function graphOf(files: RegistryFileInput[]): DependencyGraph {
  return buildDependencyGraph(loadRegistry(files));
}

/** What a reader of the chart should see for the graph: every label, project and arrow. */
function expectedReading(graph: DependencyGraph) {
  const byProject = new Map<string, string[]>();
  for (const node of graph.nodes.values()) {
    if (node.project === undefined) continue;
    byProject.set(node.project, [
      ...(byProject.get(node.project) ?? []),
      node.id,
    ]);
  }
  return {
    services: [...graph.nodes.keys()].sort(),
    subgraphs: [...byProject]
      .map(([title, nodes]) => ({ title, nodes: nodes.sort() }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    edges: graph.edges
      .map(e => ({
        from: e.from,
        to: e.to,
        text: e.range ?? '',
        dotted: e.optional,
      }))
      .sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)),
  };
}

async function readingOf(graph: DependencyGraph) {
  const chart = await readMermaidFlowchart(graphToMermaid(graph));
  return {
    // an arrow to a service no file declares draws a node of its own
    services: chart.nodes.filter(label => graph.nodes.has(label)).sort(),
    subgraphs: chart.subgraphs
      .map(s => ({ title: s.title, nodes: [...s.nodes].sort() }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    edges: [...chart.edges].sort((a, b) =>
      `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`),
    ),
  };
}

describe('graphToMermaid', () => {
  it('draws a subgraph per project and an arrow per dependency, with its range', () => {
    const graph = graphOf([
      {
        path: 'services/catalog.toml',
        text: '[service.auth]\nversion = "1.2.0"\n',
      },
      {
        path: 'projects/shop/services.toml',
        text: '[project]\n[service.cart]\nversion = "1.0.0"\ndependencies.requires = ["auth@^1.0"]\ndependencies.optional = ["auth-v2"]\n',
      },
    ]);
    expect(graphToMermaid(graph)).toBe(
      [
        'flowchart LR',
        '    s_auth["auth"]',
        '  subgraph p_shop["shop"]',
        '    s_cart["cart"]',
        '  end',
        '  s_cart -->|"^1.0"| s_auth',
        '  s_cart -.-> s_auth_v2',
        '',
      ].join('\n'),
    );
  });

  it('reads back in Mermaid as the demo registry is: each service once, in its project, each dependency', async () => {
    const graph = graphOf(readTomlFiles(DEMO_ROOT));
    expect(graph.nodes.size).toBeGreaterThan(25);
    expect(await readingOf(graph)).toEqual(expectedReading(graph));
  });

  it('keeps services named like Mermaid keywords, and projects named like services, apart', async () => {
    // `end` or `style` as a node id ended the chart (GitHub showed a syntax error); project `x`
    // and service `project-x`, or projects `a.b` and `a-b`, shared one id
    const keywords = [
      'end',
      'style',
      'class',
      'click',
      'subgraph',
      'graph',
      'flowchart',
      'direction',
      'default',
      'call',
      'href',
    ];
    const graph = graphOf([
      {
        path: 'services/catalog.toml',
        text: keywords
          .map(id => `[service.${id}]\nversion = "1.0.0"\n`)
          .join(''),
      },
      {
        path: 'projects/x/services.toml',
        text: `[project]\n[service.project-x]\nversion = "1.0.0"\ndependencies.requires = [${keywords
          .map(id => `"${id}@^1"`)
          .join(', ')}]\n`,
      },
      {
        path: 'projects/a.b/services.toml',
        text: '[project]\n[service.p-a-b]\nversion = "1.0.0"\ndependencies.optional = ["project-x"]\n',
      },
      {
        path: 'projects/a-b/services.toml',
        text: '[project]\n[service.s-a-b]\nversion = "1.0.0"\ndependencies.requires = ["p-a-b@>=1.0.0 <2 || ^3"]\n',
      },
    ]);
    expect(await readingOf(graph)).toEqual(expectedReading(graph));
  });

  it('shows a project folder name as written: quotes, entity codes, markup; line breaks escaped', async () => {
    const names = ['team "a"', 'b #quot; #35;', '<i>c & d &amp; e', 'e\nf'];
    const graph = graphOf(
      names.map((name, i) => ({
        path: `projects/${name}/services.toml`,
        text: `[project]\n[service.svc-${i}]\nversion = "1.0.0"\n`,
      })),
    );
    const chart = await readMermaidFlowchart(graphToMermaid(graph));
    expect(
      Object.fromEntries(chart.subgraphs.map(s => [s.title, s.nodes])),
    ).toEqual({
      'team "a"': ['svc-0'],
      'b #quot; #35;': ['svc-1'],
      '<i>c & d &amp; e': ['svc-2'],
      'e\\u000af': ['svc-3'],
    });
  });
});

describe('mermaidChartLimit', () => {
  /** A hub that `consumers` services require, with ids of the given length. */
  function hub(consumers: number, idLength = 8): DependencyGraph {
    const id = (i: number) => `c${String(i).padStart(idLength - 1, '0')}`;
    return graphOf([
      {
        path: 'services/catalog.toml',
        text: [
          '[service.hub]',
          'version = "1.0.0"',
          ...Array.from({ length: consumers }, (_, i) =>
            [
              `[service.${id(i)}]`,
              'version = "1.0.0"',
              'dependencies.requires = ["hub@^1.0"]',
            ].join('\n'),
          ),
          '',
        ].join('\n'),
      },
    ]);
  }

  it("draws up to Mermaid's 500 edges, and says why not beyond, where Mermaid itself refuses", async () => {
    expect(MERMAID_MAX_EDGES).toBe(500);
    const most = hub(500);
    expect(mermaidChartLimit(most, graphToMermaid(most))).toBeUndefined();
    expect(
      (await readMermaidFlowchart(graphToMermaid(most))).edges,
    ).toHaveLength(500);

    const more = hub(501);
    expect(mermaidChartLimit(more, graphToMermaid(more))).toBe(
      '501 dependencies, more than the 500 edges Mermaid draws in one chart',
    );
    await expect(readMermaidFlowchart(graphToMermaid(more))).rejects.toThrow(
      /Edge limit exceeded/,
    );
  });

  it("says why not for a chart longer than Mermaid's 50,000 characters", () => {
    // 63-character ids, the longest the registry takes
    const graph = hub(400, 63);
    const chart = graphToMermaid(graph);
    expect(chart.length).toBeGreaterThan(MERMAID_MAX_TEXT_LENGTH);
    expect(mermaidChartLimit(graph, chart)).toBe(
      `a chart of ${chart.length.toLocaleString(
        'en-US',
      )} characters, more than the 50,000 Mermaid draws`,
    );
  });
});
