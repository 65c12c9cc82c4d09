/*
 * A deterministic synthetic registry graph for the topology benchmark, with the shape of a large
 * portal: projects of services that depend mostly "downwards" (a layered architecture), shared
 * global services, a few back edges (cycles), some deprecated / retired / development services.
 */
import type {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
} from '../../plugins/service-registry/src/api/types';
import { seededRandom } from '../../packages/test-support/src/seededRandom';

/** Options of {@link syntheticGraph}. */
export interface SyntheticGraphOptions {
  nodes: number;
  edges: number;
  projects?: number;
  seed?: number;
}

/** A registry graph with exactly `nodes` services and `edges` distinct dependencies. */
export function syntheticGraph(options: SyntheticGraphOptions): RegistryGraph {
  const random = seededRandom(options.seed ?? 42);
  const projectCount = options.projects ?? 20;
  const globals = Math.max(1, Math.round(options.nodes * 0.05));
  const levels = 8;
  const nodes: RegistryGraphNode[] = [];
  const level: number[] = [];
  for (let i = 0; i < options.nodes; i++) {
    const isGlobal = i >= options.nodes - globals;
    const project = isGlobal ? null : `project-${i % projectCount}`;
    const r = random();
    const status =
      r < 0.05
        ? 'deprecated'
        : r < 0.06
        ? 'retired'
        : r < 0.11
        ? 'development'
        : 'ga';
    nodes.push({
      id: `svc-${String(i).padStart(4, '0')}`,
      name: `Service ${i}`,
      declared: true,
      project,
      owner: `team-${Math.floor(random() * 40)}`,
      status,
      tier: ['critical', 'high', 'medium', 'low'][Math.floor(random() * 4)],
      type: 'microservice',
      version: '1.0.0',
    });
    // globals sit at the bottom of the stack; project services spread over the levels
    level.push(isGlobal ? levels : Math.floor(random() * levels));
  }
  const byLevel: number[][] = Array.from({ length: levels + 1 }, () => []);
  level.forEach((l, i) => byLevel[l].push(i));
  const seen = new Set<string>();
  const edges: RegistryGraphEdge[] = [];
  let guard = 0;
  while (edges.length < options.edges && guard++ < options.edges * 50) {
    const from = Math.floor(random() * (options.nodes - globals));
    let target: number;
    if (random() < 0.01) {
      target = Math.floor(random() * options.nodes); // a back edge now and then: cycles
    } else {
      const l = level[from] + 1 + Math.floor(random() * (levels - level[from]));
      const pool = byLevel[Math.min(levels, l)];
      // three in four dependencies stay inside the project
      const sameProject = pool.filter(
        k => nodes[k].project === nodes[from].project,
      );
      const choices =
        random() < 0.75 && sameProject.length ? sameProject : pool;
      target = choices[Math.floor(random() * choices.length)];
    }
    if (target === from) continue;
    const key = `${from}>${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({
      from: nodes[from].id,
      to: nodes[target].id,
      optional: random() < 0.1,
    });
  }
  const projects = Array.from({ length: projectCount }, (_, p) => ({
    id: `project-${p}`,
    name: `Project ${p}`,
    owner: `team-${p}`,
    tier: 'high',
  }));
  return {
    registry: 'default',
    updatedAt: new Date(0).toISOString(),
    state: 'ok',
    nodes,
    edges,
    cycles: [],
    projects,
  };
}
