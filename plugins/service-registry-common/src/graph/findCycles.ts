import { stronglyConnected } from './stronglyConnected';
import { DependencyEdge, DependencyGraph } from './types';

/**
 * Options of {@link findCycles} and {@link analyzeCycles}.
 *
 * @public
 */
export interface FindCyclesOptions {
  /** Follow optional dependencies too (default false: a cycle needs `requires` edges only). */
  includeOptional?: boolean;
  /**
   * Stop listing the cycles of one strongly connected component (of one view, see
   * {@link CycleAnalysis}) after this many new ones (default 100).
   */
  maxCyclesPerComponent?: number;
  /** Stop exploring one component (of one view) after this many search steps (default 200000). */
  maxStepsPerComponent?: number;
}

/**
 * The dependency cycles of a graph, with the components they live in.
 *
 * A cycle is one that services form as the projects use them: a project's own service depends on
 * what its project sees (the project's override of a global service, else the global
 * declaration), a global service on what the project it is used in sees (the global declarations
 * when it is used globally). So an edge of a project's override (`viaProject`) counts only in
 * that project's view, and an edge of a global declaration in every view that does not drop it
 * (see `droppedBy`): the edges of different projects' overrides never chain into one cycle.
 *
 * @public
 */
export interface CycleAnalysis {
  /**
   * Every elementary cycle found, once, as the full path starting and ending with its smallest
   * id (`['a', 'b', 'c', 'a']`; a service requiring itself gives `['a', 'a']`), sorted. (A cycle
   * that passes through two projects' views of the same global service, by their own services,
   * lists that service twice.)
   */
  cycles: string[][];
  /**
   * The dependencies each cycle is made of, in the order of `cycles`: `edges[k][j]` leads from
   * `cycles[k][j]` to `cycles[k][j + 1]`, the edge of the view that holds the cycle (the global
   * view when it does, else the first project's by id).
   */
  edges: DependencyEdge[][];
  /**
   * The strongly connected components (of every view's dependencies together) that hold a cycle,
   * or whose search a bound stopped, each sorted, by smallest id.
   */
  components: string[][];
  /**
   * Components whose cycles were not all listed because a bound was reached in one of their
   * views (huge, densely cyclic components can hold exponentially many cycles).
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

/** A cycle as found: its path (first id repeated at the end) and its edges. */
interface FoundCycle {
  path: string[];
  edges: DependencyEdge[];
}

/**
 * Johnson's algorithm restricted to one strongly connected component (vertices sorted
 * ascending, so each cycle is found from its smallest vertex), iterative and bounded by a number
 * of search steps.
 *
 * @param report - called with each cycle as a vertex list (first vertex repeated at the end);
 *   returns true to stop the search (a bound on cycles was reached)
 * @returns whether a bound stopped the search
 */
function componentCycles(
  component: readonly number[],
  adjacency: readonly (readonly number[])[],
  maxSteps: number,
  report: (cycle: number[]) => boolean,
): boolean {
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
      if (++steps > maxSteps) return false;
      const frame = frames[frames.length - 1];
      const targets = adjacency[frame.vertex];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!members.has(target)) continue;
        if (target === start) {
          frame.found = true;
          if (report([...path, start])) return false;
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
    if (steps > maxSteps) return true;
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
    if (!circuits(bestStart, new Set(best))) return true;
    remaining = new Set(sorted.filter(v => v > bestStart));
  }
  return false;
}

/**
 * The cycle's rotation that starts with its smallest id (of those, the smallest list: a service
 * can appear twice when the cycle passes through two projects' views of it).
 *
 * @param names - the cycle's ids, without the first one repeated at the end
 * @returns the offset to start from
 */
function canonicalStart(names: readonly string[]): number {
  let best = 0;
  for (let k = 1; k < names.length; k++) {
    if (names[k] > names[best]) continue;
    if (names[k] < names[best]) {
      best = k;
      continue;
    }
    for (let j = 1; j < names.length; j++) {
      const a = names[(k + j) % names.length];
      const b = names[(best + j) % names.length];
      if (a === b) continue;
      if (a < b) best = k;
      break;
    }
  }
  return best;
}

/**
 * The cycles of one strongly connected component of every view's dependencies together, as the
 * views hold them (see {@link CycleAnalysis}). The search runs on a graph of states (view,
 * service): the global view, and the views of the projects whose overrides change a dependency
 * inside the component (any other project sees the component as the global view does). A global service is
 * a state in each of those views; a project's own service is one state, in its project's view
 * (the global view when that project changes nothing here), since it depends on what its project
 * sees. Tarjan's components of those states (linear in the size of the component times the
 * number of those views), then Johnson's enumeration in each cyclic one, each bounded on its own;
 * a cycle several views hold is listed once, as the first of them (global first) holds it.
 *
 * @returns the distinct cycles found and whether a bound stopped the search
 */
function viewCycles(
  graph: DependencyGraph,
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  component: readonly number[],
  follow: (edge: DependencyEdge) => boolean,
  bounds: Bounds,
): { cycles: FoundCycle[]; truncated: boolean } {
  const size = component.length;
  const local = new Map<number, number>();
  component.forEach((vertex, k) => local.set(vertex, k));
  const inside = (edge: DependencyEdge): number | undefined => {
    const target = indexOf.get(edge.to);
    return target === undefined ? undefined : local.get(target);
  };

  // the projects whose view differs from the global one inside the component
  const changing = new Set<string>();
  for (const vertex of component) {
    for (const edge of graph.outgoing.get(ids[vertex]) ?? []) {
      if (!follow(edge) || inside(edge) === undefined) continue;
      if (edge.viaProject !== undefined) changing.add(edge.viaProject);
      for (const project of edge.droppedBy ?? []) changing.add(project);
    }
  }
  const views: (string | undefined)[] = [undefined, ...[...changing].sort()];
  const viewOf = new Map(views.map((project, k) => [project, k]));
  // a project's own service has one view, its project's (the global one when it changes nothing
  // here); a global service has one state per view
  const homes = component.map(vertex => {
    const project = graph.nodes.get(ids[vertex])!.project;
    return project === undefined ? undefined : viewOf.get(project) ?? 0;
  });

  // states by view, then id: without a changing project, exactly the component's vertices
  const stateAt = new Int32Array(views.length * size).fill(-1);
  const stateView: number[] = [];
  const stateService: number[] = [];
  for (let view = 0; view < views.length; view++) {
    for (let k = 0; k < size; k++) {
      if (homes[k] !== undefined && homes[k] !== view) continue;
      stateAt[view * size + k] = stateView.length;
      stateView.push(view);
      stateService.push(k);
    }
  }
  const adjacency: number[][] = [];
  const adjacencyEdges: DependencyEdge[][] = [];
  for (let state = 0; state < stateView.length; state++) {
    const view = stateView[state];
    const project = views[view];
    const first = new Map<number, DependencyEdge>();
    for (const edge of graph.outgoing.get(
      ids[component[stateService[state]]],
    ) ?? []) {
      if (!follow(edge)) continue;
      const inView =
        edge.viaProject === undefined
          ? project === undefined || !edge.droppedBy?.includes(project)
          : edge.viaProject === project;
      if (!inView) continue;
      const k = inside(edge);
      if (k === undefined) continue;
      const target = stateAt[(homes[k] ?? view) * size + k];
      if (!first.has(target)) first.set(target, edge);
    }
    const targets = [...first.keys()].sort((a, b) => a - b);
    adjacency.push(targets);
    adjacencyEdges.push(targets.map(t => first.get(t)!));
  }

  // each view's strongly connected components, searched one by one, each with its own bounds
  // (Johnson's outer loop over every view at once would scan them all again per start vertex)
  const states = stateView.map((_, state) => state);
  const searched =
    views.length === 1
      ? [states] // the component itself, as every view sees it
      : stronglyConnected(states, adjacency, () => true)
          .filter(c => c.length > 1 || adjacency[c[0]].includes(c[0]))
          .map(c => c.sort((a, b) => a - b))
          .sort((a, b) => a[0] - b[0]);
  const cycles: FoundCycle[] = [];
  const seen = new Set<string>();
  let truncated = false;
  for (const members of searched) {
    let listed = 0;
    const stopped = componentCycles(
      members,
      adjacency,
      bounds.maxSteps,
      cycle => {
        const length = cycle.length - 1;
        const names: string[] = [];
        const edges: DependencyEdge[] = [];
        for (let j = 0; j < length; j++) {
          const from = cycle[j];
          names.push(ids[component[stateService[from]]]);
          edges.push(
            adjacencyEdges[from][adjacency[from].indexOf(cycle[j + 1])],
          );
        }
        const start = canonicalStart(names);
        const path = [...names.slice(start), ...names.slice(0, start)];
        path.push(path[0]);
        // another view may hold the same cycle: listed once, as the first view holds it
        const key = path.join('\n');
        if (seen.has(key)) return false;
        seen.add(key);
        cycles.push({
          path,
          edges: [...edges.slice(start), ...edges.slice(0, start)],
        });
        return ++listed >= bounds.maxCycles;
      },
    );
    if (stopped) truncated = true;
  }
  return { cycles, truncated };
}

/**
 * Finds the dependency cycles of a graph as the projects' views hold them (see
 * {@link CycleAnalysis}): Tarjan's strongly connected components of every view's edges together
 * (linear; a cycle of any view lies in one), then, in each cyclic component, Johnson's enumeration
 * of the elementary cycles of the global view and of the views of the projects whose overrides
 * change a dependency inside it, bounded per strongly connected component of each view (see
 * {@link FindCyclesOptions}); a component whose bound was reached is listed in `truncated`.
 * Deterministic: ids are visited in sorted order, the global view first, then projects by id,
 * and each cycle starts with its smallest id.
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
  const follow = (edge: DependencyEdge) =>
    !edge.optional || options.includeOptional === true;
  const ids = [...graph.nodes.keys()].sort();
  const indexOf = new Map(ids.map((id, k) => [id, k]));
  // every view's edges together: each view's cycles lie in its strongly connected components
  const adjacency: number[][] = ids.map(id => {
    const targets = new Set<number>();
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (!follow(edge)) continue;
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

  const found: FoundCycle[] = [];
  const components: string[][] = [];
  const truncated: string[][] = [];
  for (const component of cyclic) {
    const names = component.map(k => ids[k]);
    const analysis = viewCycles(graph, ids, indexOf, component, follow, bounds);
    for (const cycle of analysis.cycles) found.push(cycle);
    if (analysis.cycles.length > 0 || analysis.truncated) {
      components.push(names);
    }
    if (analysis.truncated) truncated.push(names);
  }
  found.sort((a, b) => compareLists(a.path, b.path));
  return {
    cycles: found.map(c => c.path),
    edges: found.map(c => c.edges),
    components,
    truncated,
  };
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
