import { DependencyGraph } from '../graph/types';

function quote(id: string) {
  return `"${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The dependency graph in Graphviz DOT: one cluster per project (global services outside),
 * optional dependencies dashed, deprecated services orange, retired grey, missing ones red.
 *
 * @public
 */
export function graphToDot(graph: DependencyGraph): string {
  const lines = [
    'digraph registry {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded];',
  ];
  const byProject = new Map<string, string[]>();
  for (const node of graph.nodes.values()) {
    const key = node.project ?? '';
    byProject.set(key, [...(byProject.get(key) ?? []), node.id]);
  }
  const style = (id: string) => {
    const node = graph.nodes.get(id);
    if (!node)
      return ` [color=red, fontcolor=red, label=${quote(`${id} (missing)`)}]`;
    if (node.status === 'deprecated') return ' [color=orange]';
    if (node.status === 'retired') return ' [color=grey, fontcolor=grey]';
    return '';
  };
  for (const [project, ids] of [...byProject].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const indent = project ? '    ' : '  ';
    if (project) {
      lines.push(
        `  subgraph ${quote(`cluster_${project}`)} {`,
        `    label=${quote(project)};`,
      );
    }
    for (const id of ids.sort())
      lines.push(`${indent}${quote(id)}${style(id)};`);
    if (project) lines.push('  }');
  }
  for (const to of new Set(graph.edges.map(e => e.to))) {
    if (!graph.nodes.has(to)) lines.push(`  ${quote(to)}${style(to)};`);
  }
  for (const edge of graph.edges) {
    const attrs = [
      edge.optional ? 'style=dashed' : '',
      edge.range ? `label=${quote(edge.range)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)}${
        attrs ? ` [${attrs}]` : ''
      };`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function mermaidId(id: string) {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Text for a quoted Mermaid label: a `"` would end the label (Mermaid's entity instead). */
function mermaidLabel(text: string) {
  return text.replace(/"/g, '#quot;');
}

/**
 * The dependency graph as a Mermaid flowchart (renders in GitHub and GitLab markdown): one
 * subgraph per project, optional dependencies dotted.
 *
 * @public
 */
export function graphToMermaid(graph: DependencyGraph): string {
  const lines = ['flowchart LR'];
  const byProject = new Map<string, string[]>();
  for (const node of graph.nodes.values()) {
    const key = node.project ?? '';
    byProject.set(key, [...(byProject.get(key) ?? []), node.id]);
  }
  for (const [project, ids] of [...byProject].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (project)
      lines.push(
        `  subgraph ${mermaidId(`project_${project}`)}["${mermaidLabel(
          project,
        )}"]`,
      );
    for (const id of ids.sort()) {
      lines.push(`    ${mermaidId(id)}["${mermaidLabel(id)}"]`);
    }
    if (project) lines.push('  end');
  }
  for (const edge of graph.edges) {
    const arrow = edge.optional ? '-.->' : '-->';
    const label = edge.range ? `|"${edge.range.replace(/"/g, "'")}"|` : '';
    lines.push(
      `  ${mermaidId(edge.from)} ${arrow}${label} ${mermaidId(edge.to)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The dependency graph as plain JSON: nodes and edges (positions left out).
 *
 * @public
 */
export function graphToJson(graph: DependencyGraph) {
  return {
    nodes: [...graph.nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: graph.edges.map(({ position: _position, ...edge }) => edge),
  };
}
