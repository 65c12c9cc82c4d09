/**
 * Strongly connected components of the subgraph induced by the vertices `member` accepts, by
 * Tarjan's algorithm, iteratively (no recursion, so long chains cannot overflow the stack).
 * O(V + E) over the accepted vertices.
 *
 * @param roots - the vertices to start from, in the order to visit them
 * @param adjacency - targets of each vertex (vertex = index)
 * @param member - whether a vertex belongs to the subgraph
 * @returns the components, each as a list of vertices
 */
export function stronglyConnected(
  roots: readonly number[],
  adjacency: readonly (readonly number[])[],
  member: (vertex: number) => boolean,
): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  const frames: { vertex: number; next: number }[] = [];
  const open = (vertex: number) => {
    index.set(vertex, index.size);
    low.set(vertex, index.get(vertex)!);
    stack.push(vertex);
    onStack.add(vertex);
    frames.push({ vertex, next: 0 });
  };

  for (const root of roots) {
    if (index.has(root) || !member(root)) continue;
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const targets = adjacency[frame.vertex];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!member(target)) continue;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) {
          low.set(
            frame.vertex,
            Math.min(low.get(frame.vertex)!, index.get(target)!),
          );
        }
        continue;
      }
      frames.pop();
      const vertexLow = low.get(frame.vertex)!;
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].vertex;
        low.set(parent, Math.min(low.get(parent)!, vertexLow));
      }
      if (vertexLow === index.get(frame.vertex)) {
        const component: number[] = [];
        let popped: number;
        do {
          popped = stack.pop()!;
          onStack.delete(popped);
          component.push(popped);
        } while (popped !== frame.vertex);
        components.push(component);
      }
    }
  }
  return components;
}
