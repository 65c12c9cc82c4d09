import mermaid from 'mermaid';

/** A Mermaid flowchart as its reader sees it: names (labels), not Mermaid's ids. */
export interface FlowchartAsRead {
  /** The label of every node, in the chart's order. */
  nodes: string[];
  /** Each subgraph's title and the labels of the nodes drawn in it. */
  subgraphs: { title: string; nodes: string[] }[];
  /** Each arrow between labels, with its text and whether it is dotted. */
  edges: { from: string; to: string; text: string; dotted: boolean }[];
}

/**
 * Parses a flowchart with Mermaid itself (what GitHub and GitLab render with) and reads back what
 * it draws. Throws Mermaid's parse error for a chart it would not render. Needs a DOM: a test
 * file using it runs in `@backstage/cli/config/jest-environment-jsdom`.
 */
export async function readMermaidFlowchart(
  chart: string,
): Promise<FlowchartAsRead> {
  // parse() registers the diagram types and throws on a syntax error
  await mermaid.parse(chart);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(chart);
  const db = diagram.db as unknown as {
    getVertices(): Map<string, { id: string; text?: string }>;
    getSubGraphs(): { id: string; title: string; nodes: string[] }[];
    getEdges(): { start: string; end: string; text: string; stroke: string }[];
  };
  const vertices = db.getVertices();
  const shown = (text: string) => {
    // Mermaid keeps an entity code (`#quot;`, `#35;`) as a placeholder until it writes the SVG,
    // where it becomes an HTML entity (its decodeEntities); the browser then shows the character
    const element = document.createElement('div');
    element.innerHTML = text
      .replace(/\uFB02\u00B0\u00B0/g, '&#')
      .replace(/\uFB02\u00B0/g, '&')
      .replace(/\u00B6\u00DF/g, ';');
    return element.textContent ?? '';
  };
  const subgraphIds = new Set(db.getSubGraphs().map(s => s.id));
  const label = (id: string) => {
    if (subgraphIds.has(id)) return `subgraph ${id}`;
    const vertex = vertices.get(id);
    return shown(vertex?.text ?? id);
  };
  return {
    nodes: [...vertices.values()]
      .filter(v => !subgraphIds.has(v.id))
      .map(v => shown(v.text ?? v.id)),
    subgraphs: db.getSubGraphs().map(s => ({
      title: shown(s.title),
      nodes: s.nodes.map(label),
    })),
    edges: db.getEdges().map(e => ({
      from: label(e.start),
      to: label(e.end),
      text: shown(e.text),
      dotted: e.stroke === 'dotted',
    })),
  };
}
