import {
  DependencyGraph,
  DependencyNode,
  ImpactedService,
  ImpactReport,
  redactSecrets,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';

/** What `redactSecrets` writes in place of a credential. */
const HIDDEN = '(hidden)';

/**
 * A path as the CLI shows it: a credential in it (a project folder named with a URL and its
 * password, `projects/https:__deploy:(hidden)@git.example.com/services.toml`, or with a token)
 * replaced by `(hidden)`, with `redactSecrets` as the backend and the catalog provider replace it.
 *
 * @param file - a path, relative to the registry root or joined to it
 */
export function shownPath(file: string): string {
  return redactSecrets(file);
}

/**
 * Whether a path holds a credential, or had one replaced by `(hidden)` already (the diff's
 * positions): a path that names no file of the repository as written, so no GitHub annotation may
 * be put on it.
 *
 * @param file - a path
 */
export function hidesCredential(file: string): boolean {
  return file.includes(HIDDEN) || shownPath(file) !== file;
}

/**
 * Findings as the CLI shows them: each `file` as {@link shownPath} shows it (their messages,
 * services and projects are redacted by `validateRegistry` already).
 *
 * @param findings - as validation reported them
 */
export function shownFindings(findings: RegistryFinding[]): RegistryFinding[] {
  const shown = new Map<string, string>();
  return findings.map(finding => {
    let file = shown.get(finding.file);
    if (file === undefined) {
      file = shownPath(finding.file);
      shown.set(finding.file, file);
    }
    return file === finding.file ? finding : { ...finding, file };
  });
}

/**
 * JSON data (documents made from the registry, such as OpenSLO's) as the CLI shows it: every
 * string with any credential in it replaced as `redactSecrets` replaces it (a project's label, a
 * description naming the file the targets come from, in a project folder named with one).
 *
 * @param data - JSON data
 */
export function shownData<T>(data: T): T {
  return JSON.parse(JSON.stringify(data), (_key, value) =>
    typeof value === 'string' ? redactSecrets(value) : value,
  );
}

/** A project's id (its folder's name) as {@link shownPath} shows it; null and undefined kept. */
function shownProject<T extends string | null | undefined>(project: T): T {
  return (typeof project === 'string' ? shownPath(project) : project) as T;
}

/**
 * An impact report as the CLI shows it: each project's id, the name of its folder, as
 * {@link shownPath} shows it (a project folder named with a credential).
 *
 * @param report - as `computeImpact` made it
 */
export function shownImpact(report: ImpactReport): ImpactReport {
  const service = (s: ImpactedService): ImpactedService =>
    s.project === null ? s : { ...s, project: shownProject(s.project) };
  return {
    ...report,
    services: report.services.map(service),
    byProject: report.byProject.map(group => ({
      project: shownProject(group.project),
      services: group.services.map(service),
    })),
    projects: report.projects.map(shownProject),
  };
}

/**
 * A dependency graph as the CLI shows it: each node's project, the name of its folder, as
 * {@link shownPath} shows it (a project folder named with a credential); the graph itself when no
 * project's name holds one.
 *
 * @param graph - as `buildDependencyGraph` made it
 */
export function shownGraph(graph: DependencyGraph): DependencyGraph {
  const nodes = new Map<string, DependencyNode>();
  let changed = false;
  for (const [id, node] of graph.nodes) {
    const project = shownProject(node.project);
    changed ||= project !== node.project;
    nodes.set(id, project === node.project ? node : { ...node, project });
  }
  return changed ? { ...graph, nodes } : graph;
}
