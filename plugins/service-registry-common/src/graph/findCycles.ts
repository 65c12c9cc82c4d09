import { stronglyConnected } from './stronglyConnected';
import { DependencyGraph } from './types';

/**
 * Options of {@link findCycles} and {@link analyzeCycles}.
 *
 * @public
 */
export interface FindCyclesOptions {
  /** Follow optional dependencies too (default false: a cycle needs `requires` edges only). */
  includeOptional?: boolean;
  /** Stop listing the cycles of one strongly connected component after this many (default 100). */
  maxCyclesPerComponent?: number;
  /** Stop exploring one component after this many search steps (default 200000). */
  maxStepsPerComponent?: number;
}

/**
 * The dependency cycles of a graph, with the components they live in.
 *
 * @public
 */
export interface CycleAnalysis {
  /**
   * Every elementary cycle found, once, as the full path starting and ending with its smallest
   * id (`['a', 'b', 'c', 'a']`; a service requiring itself gives `['a', 'a']`), sorted.
   */
  cycles: string[][];
  /** The strongly connected components that contain a cycle, each sorted, by smallest id. */
  components: string[][];
  /**
   * Components whose cycles were not all listed because a bound was reached (huge, densely
   * cyclic components can hold exponentially many cycles).
   */
  truncated: string[][];
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return a.length - b.length;
}

interface Bounds {
  maxCycles: number;
  maxSteps: number;
}

/**
 * Johnson's algorithm restricted to one strongly connected component (vertices sorted
 * ascending, so each cycle is found from its smallest vertex), iterative and bounded.
 *
 * @returns the cycles as vertex lists (first vertex repeated at the end) and whether a bound hit
 */
function componentCycles(
  component: readonly number[],
  adjacency: readonly (readonly number[])[],
  bounds: Bounds,
): { cycles: number[][]; truncated: boolean } {
  const cycles: number[][] = [];
  const blocked = new Set<number>();
  const blockedBy = new Map<number, Set<number>>();
  let steps = 0;
  let remaining = new Set(component);

  const unblock = (start: number) => {
    const work = [start];
    while (work.length > 0) {
      const vertex = work.pop()!;
      if (!blocked.has(vertex)) continue;
      blocked.delete(vertex);
      const waiting = blockedBy.get(vertex);
      if (waiting) {
        for (const w of waiting) work.push(w);
        waiting.clear();
      }
    }
  };

  /** Lists the cycles through `start` inside `members`; false when a bound stopped it. */
  const circuits = (start: number, members: Set<number>): boolean => {
    blocked.clear();
    blockedBy.clear();
    const path: number[] = [start];
    const frames = [{ vertex: start, next: 0, found: false }];
    blocked.add(start);
    while (frames.length > 0) {
      if (++steps > bounds.maxSteps) return false;
      const frame = frames[frames.length - 1];
      const targets = adjacency[frame.vertex];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!members.has(target)) continue;
        if (target === start) {
          cycles.push([...path, start]);
          frame.found = true;
          if (cycles.length >= bounds.maxCycles) return false;
        } else if (!blocked.has(target)) {
          path.push(target);
          blocked.add(target);
          frames.push({ vertex: target, next: 0, found: false });
        }
        continue;
      }
      frames.pop();
      path.pop();
      if (frame.found) unblock(frame.vertex);
      else {
        for (const target of targets) {
          if (!members.has(target)) continue;
          let waiting = blockedBy.get(target);
          if (!waiting) {
            waiting = new Set();
            blockedBy.set(target, waiting);
          }
          waiting.add(frame.vertex);
        }
      }
      if (frames.length > 0 && frame.found) {
        frames[frames.length - 1].found = true;
      }
    }
    return true;
  };

  while (remaining.size > 0) {
    const members = remaining;
    const sorted = [...members].sort((a, b) => a - b);
    steps += sorted.length;
    if (steps > bounds.maxSteps) return { cycles, truncated: true };
    let best: number[] | undefined;
    let bestStart = Infinity;
    for (const candidate of stronglyConnected(sorted, adjacency, v =>
      members.has(v),
    )) {
      const start = Math.min(...candidate);
      const cyclic = candidate.length > 1 || adjacency[start].includes(start);
      if (cyclic && start < bestStart) {
        best = candidate;
        bestStart = start;
      }
    }
    if (!best) break;
    if (!circuits(bestStart, new Set(best))) {
      return { cycles, truncated: true };
    }
    remaining = new Set(sorted.filter(v => v > bestStart));
  }
  return { cycles, truncated: false };
}

/**
 * Finds the dependency cycles of a graph: Tarjan's strongly connected components (linear), then
 * Johnson's enumeration of the elementary cycles inside each cyclic component, bounded per
 * component (see {@link FindCyclesOptions}); a component whose bound was reached is listed in
 * `truncated`. Deterministic: ids are visited in sorted order and each cycle starts with its
 * smallest id.
 *
 * @param graph - the dependency graph
 * @param options - which edges to follow, and the bounds
 * @public
 */
export function analyzeCycles(
  graph: DependencyGraph,
  options: FindCyclesOptions = {},
): CycleAnalysis {
  const bounds: Bounds = {
    maxCycles: options.maxCyclesPerComponent ?? 100,
    maxSteps: options.maxStepsPerComponent ?? 200_000,
  };
  const ids = [...graph.nodes.keys()].sort();
  const indexOf = new Map(ids.map((id, k) => [id, k]));
  const adjacency: number[][] = ids.map(id => {
    const targets = new Set<number>();
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (edge.optional && !options.includeOptional) continue;
      const target = indexOf.get(edge.to);
      if (target !== undefined) targets.add(target);
    }
    return [...targets].sort((a, b) => a - b);
  });

  const all = ids.map((_, k) => k);
  const cyclic = stronglyConnected(all, adjacency, () => true)
    .filter(c => c.length > 1 || adjacency[c[0]].includes(c[0]))
    .map(c => c.sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0]);

  const result: CycleAnalysis = { cycles: [], components: [], truncated: [] };
  for (const component of cyclic) {
    const names = component.map(k => ids[k]);
    result.components.push(names);
    const found = componentCycles(component, adjacency, bounds);
    for (const cycle of found.cycles) {
      result.cycles.push(cycle.map(k => ids[k]));
    }
    if (found.truncated) result.truncated.push(names);
  }
  result.cycles.sort(compareLists);
  return result;
}

/**
 * The dependency cycles of a graph, each once, as the full ordered path starting and ending with
 * its smallest id (e.g. `['a', 'b', 'c', 'a']`). See {@link analyzeCycles} for the bounds that
 * keep huge, densely cyclic components tractable.
 *
 * @param graph - the dependency graph
 * @param options - which edges to follow, and the bounds
 * @public
 */
export function findCycles(
  graph: DependencyGraph,
  options?: FindCyclesOptions,
): string[][] {
  return analyzeCycles(graph, options).cycles;
}
