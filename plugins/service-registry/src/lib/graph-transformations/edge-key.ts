/**
 * The key of a directed edge, used in sets of edges.
 */
export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
