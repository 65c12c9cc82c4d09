import { keyPosition } from '../load/filePositions';
import {
  DependencyRef,
  LoadedRegistry,
  RegistryService,
  SourcePosition,
} from '../model/types';
import { DependencyEdge, DependencyGraph, DependencyNode } from './types';

/**
 * Where a dependency entry is written: the entry itself, else its list key, else the
 * `dependencies` table, else the service header.
 *
 * @param service - the declaring service (or project view of it)
 * @param ref - the entry
 * @public
 */
export function dependencyPosition(
  service: RegistryService,
  ref: DependencyRef,
): SourcePosition {
  const list = ref.optional ? 'dependencies.optional' : 'dependencies.requires';
  return (
    ref.position ??
    keyPosition(service, list) ??
    keyPosition(service, 'dependencies') ??
    service.source
  );
}

function toNode(service: RegistryService): DependencyNode {
  return {
    id: service.id,
    project: service.project,
    owner: service.effectiveOwner,
    status: service.status,
    tier: service.effectiveTier,
    type: service.type,
    version: service.version,
  };
}

/** What makes two entries the same dependency: target, kind and range. */
function entryKey(
  target: string,
  optional: boolean,
  range: string | undefined,
): string {
  return `${optional ? 'o' : 'r'}${
    range === undefined ? '' : `=${range}`
  }\n${target}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the dependency graph of a registry in O(V + E) (repeats are checked against the few
 * entries of the same service, so O(V + sum of out-degrees squared) strictly): one node per
 * declared service, one edge per `dependencies.requires` / `dependencies.optional` entry (an entry
 * repeated with the same target, kind and range counts once). A project override of a global
 * service that declares dependencies the global one does not adds them as edges from the global
 * service, marked with `viaProject` (once per project that adds them); an edge of the global
 * declaration that an override does not write lists that project in `droppedBy`. So the edges of a
 * project's view of a service are its `viaProject` edges and the declaration's edges that project
 * does not drop. Nodes carry the global declaration's attributes.
 *
 * @param registry - the loaded registry
 * @public
 */
export function buildDependencyGraph(
  registry: LoadedRegistry,
): DependencyGraph {
  const nodes = new Map<string, DependencyNode>();
  const edges: DependencyEdge[] = [];
  const outgoing = new Map<string, DependencyEdge[]>();
  const incoming = new Map<string, DependencyEdge[]>();

  const addEdge = (
    service: RegistryService,
    ref: DependencyRef,
    viaProject: string | undefined,
  ) => {
    // A service lists few dependencies: scanning its edges is cheaper than hashing keys. An
    // override's entry repeats the global declaration's or its own project's, not another's.
    const known = outgoing.get(service.id);
    if (
      known?.some(
        e =>
          e.to === ref.service &&
          e.optional === ref.optional &&
          e.range === ref.range &&
          (e.viaProject === undefined || e.viaProject === viaProject),
      )
    ) {
      return;
    }
    const edge: DependencyEdge = {
      from: service.id,
      to: ref.service,
      optional: ref.optional,
      position: dependencyPosition(service, ref),
    };
    if (ref.range !== undefined) edge.range = ref.range;
    if (viaProject !== undefined) edge.viaProject = viaProject;
    edges.push(edge);
    push(outgoing, edge.from, edge);
    push(incoming, edge.to, edge);
  };
  const addEdges = (
    service: RegistryService,
    viaProject: string | undefined,
  ) => {
    for (const ref of service.dependencies.requires) {
      addEdge(service, ref, viaProject);
    }
    for (const ref of service.dependencies.optional) {
      addEdge(service, ref, viaProject);
    }
  };

  const ids = [...registry.services.keys()].sort();
  for (const id of ids) {
    const service = registry.services.get(id)!;
    nodes.set(id, toNode(service));
    addEdges(service, undefined);
  }
  /** Marks the declaration's edges the project's view of the service does not write. */
  const markDropped = (view: RegistryService, project: string) => {
    const declared = outgoing.get(view.id);
    if (!declared) return;
    const written = new Set<string>();
    for (const ref of [
      ...view.dependencies.requires,
      ...view.dependencies.optional,
    ]) {
      written.add(entryKey(ref.service, ref.optional, ref.range));
    }
    for (const edge of declared) {
      if (
        edge.viaProject !== undefined ||
        written.has(entryKey(edge.to, edge.optional, edge.range))
      ) {
        continue;
      }
      if (edge.droppedBy) edge.droppedBy.push(project);
      else edge.droppedBy = [project];
    }
  };

  const projects = [...registry.overrides.keys()].sort();
  for (const project of projects) {
    const views = registry.overrides.get(project)!;
    for (const id of [...views.keys()].sort()) {
      if (!nodes.has(id)) continue;
      const view = views.get(id)!;
      markDropped(view, project);
      addEdges(view, project);
    }
  }
  return { nodes, edges, outgoing, incoming };
}
