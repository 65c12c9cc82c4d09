import { escapeControlCharacters } from '../load/controlCharacterPattern';
import { DependencyGraph } from '../graph/types';

/**
 * A DOT quoted string showing the text as written: a backslash and `"` escaped with a backslash,
 * control characters and line breaks as `\uXXXX` (DOT would keep them raw, and the graph is
 * printed to terminals).
 */
function quote(text: string) {
  return `"${escapeControlCharacters(text, { lineBreaks: true })
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"`;
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

/**
 * A Mermaid node or subgraph id for a service (`s_`) or a project (`p_`). The prefix keeps ids
 * apart from Mermaid's keywords (a service named `end`, `style` or `class` would end the chart)
 * and services apart from projects; the rest is one-to-one, so two names never share an id:
 * lowercase letters and digits kept, `-` as `_`, any other character as `X<hex>X` (no name part
 * holds an `X`, as uppercase letters are written so too).
 */
function mermaidId(kind: 's' | 'p', name: string) {
  let id = `${kind}_`;
  for (const char of name) {
    if (/^[a-z0-9]$/.test(char)) id += char;
    else if (char === '-') id += '_';
    else id += `X${char.codePointAt(0)!.toString(16)}X`;
  }
  return id;
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
};

/**
 * Text for a quoted Mermaid label, shown as written: `"` (which would end the label), `<`, `>`
 * and `&` (labels are HTML) and `#` (a `#quot;` in a name would show as a quote) as Mermaid's
 * entity codes; control characters and line breaks as `\uXXXX` (a line break would end the
 * statement).
 */
function mermaidLabel(text: string) {
  return escapeControlCharacters(text, { lineBreaks: true }).replace(
    /[#"<>&]/g,
    char => MERMAID_ENTITIES[char],
  );
}

/**
 * The most edges Mermaid draws in one flowchart by default (its `maxEdges`): GitHub and GitLab
 * render with the defaults, and show an error instead of a chart with more.
 *
 * @public
 */
export const MERMAID_MAX_EDGES = 500;

/**
 * The longest chart text Mermaid draws by default (its `maxTextSize`, in characters): a longer
 * one shows "Maximum text size in diagram exceeded" instead of the chart.
 *
 * @public
 */
export const MERMAID_MAX_TEXT_LENGTH = 50_000;

/**
 * Why Mermaid, with the defaults GitHub and GitLab render with, would not draw a chart of the
 * graph: more than {@link MERMAID_MAX_EDGES} dependencies, or a chart text longer than
 * {@link MERMAID_MAX_TEXT_LENGTH}; `undefined` when it draws it.
 *
 * @param graph - the graph
 * @param chart - its chart, as {@link graphToMermaid} writes it
 * @public
 */
export function mermaidChartLimit(
  graph: DependencyGraph,
  chart: string,
): string | undefined {
  if (graph.edges.length > MERMAID_MAX_EDGES) {
    return `${graph.edges.length} dependencies, more than the ${MERMAID_MAX_EDGES} edges Mermaid draws in one chart`;
  }
  if (chart.length > MERMAID_MAX_TEXT_LENGTH) {
    return `a chart of ${chart.length.toLocaleString(
      'en-US',
    )} characters, more than the ${MERMAID_MAX_TEXT_LENGTH.toLocaleString(
      'en-US',
    )} Mermaid draws`;
  }
  return undefined;
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
        `  subgraph ${mermaidId('p', project)}["${mermaidLabel(project)}"]`,
      );
    for (const id of ids.sort()) {
      lines.push(`    ${mermaidId('s', id)}["${mermaidLabel(id)}"]`);
    }
    if (project) lines.push('  end');
  }
  for (const edge of graph.edges) {
    const arrow = edge.optional ? '-.->' : '-->';
    const label = edge.range ? `|"${mermaidLabel(edge.range)}"|` : '';
    lines.push(
      `  ${mermaidId('s', edge.from)} ${arrow}${label} ${mermaidId(
        's',
        edge.to,
      )}`,
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
