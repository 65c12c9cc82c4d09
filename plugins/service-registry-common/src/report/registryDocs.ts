import semver from 'semver';
import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { computeConsumers } from '../graph/computeConsumers';
import { computeImpact } from '../graph/computeImpact';
import { runningGraphOf } from '../graph/runningGraphOf';
import {
  DependencyEdge,
  DependencyGraph,
  DependencyNode,
} from '../graph/types';
import { LoadedRegistry, RegistryService } from '../model/types';
import { compatibleWithRange } from '../validation/compatibleWithRange';
import { graphToMermaid, mermaidChartLimit } from './graphFormats';
import {
  byId,
  cell,
  code,
  compare,
  dependencyList,
  GENERATED,
  GENERATED_BY,
  healthCheckOf,
  shown,
  table,
  TIERS,
} from './documentText';
import { plural } from './markdownText';
import { runbookDocument } from './runbookDocument';

/**
 * One generated document of the registry.
 *
 * @public
 */
export interface RegistryDocument {
  /** File name, e.g. `SERVICES.md`. */
  name: string;
  /** Markdown text. */
  content: string;
}

/**
 * Options of {@link renderRegistryDocs}.
 *
 * @public
 */
export interface RegistryDocsOptions {
  /** Largest registry (in services) whose graph is drawn as a Mermaid chart (default 150). */
  maxDrawnServices?: number;
  /** How many services the impact table lists, most depended on first (default 20). */
  impactRows?: number;
}

/**
 * The names of the documents {@link renderRegistryDocs} generates, in its order.
 *
 * @public
 */
export const REGISTRY_DOCUMENT_NAMES = [
  'SERVICES.md',
  'TOPOLOGY.md',
  'RUNBOOK.md',
] as const;

/**
 * Whether a text is a document that {@link renderRegistryDocs} generated (it starts with its
 * "generated" comment): tools that change the registry keep such documents current.
 *
 * @param text - the file's text
 * @public
 */
export function isGeneratedRegistryDocument(text: string): boolean {
  return text.startsWith(GENERATED_BY);
}

/**
 * The dependency graph with each node's project as {@link shown} shows it, for the chart (whose
 * subgraphs are named after projects); the graph itself when no project's name holds a
 * credential.
 */
function shownGraph(graph: DependencyGraph): DependencyGraph {
  const nodes = new Map<string, DependencyNode>();
  let changed = false;
  for (const [id, node] of graph.nodes) {
    const project =
      node.project === undefined ? undefined : shown(node.project);
    changed ||= project !== node.project;
    nodes.set(id, project === node.project ? node : { ...node, project });
  }
  return changed ? { ...graph, nodes } : graph;
}

function servicesDocument(registry: LoadedRegistry): string {
  const services = [...registry.services.values()].sort(byId);
  const projects = [...registry.projects.values()].sort(byId);
  const deprecated = services.filter(s => s.status === 'deprecated').length;
  const retired = services.filter(s => s.status === 'retired').length;
  const lines = [
    GENERATED,
    '',
    '# Services',
    '',
    `${plural(services.length, 'service')} in ${plural(
      projects.length,
      'project',
    )} and the shared catalog; ${deprecated} deprecated, ${retired} retired.`,
    '',
    ...table(
      ['Project', 'Name', 'Owner', 'Tier', 'Services', ...TIERS],
      [
        [
          'shared (`services/catalog.toml`)',
          '—',
          '—',
          '—',
          ...countsOf(services.filter(s => !s.project)),
        ],
        ...projects.map(p => [
          cell(shown(p.id)),
          cell(p.name),
          cell(p.owner),
          cell(p.tier),
          ...countsOf(services.filter(s => s.project === p.id)),
        ]),
      ],
    ),
  ];
  const sections: Array<[string, RegistryService[]]> = [
    [
      'Shared services (`services/catalog.toml`)',
      services.filter(s => !s.project),
    ],
    ...projects.map((p): [string, RegistryService[]] => [
      `${shown(p.id)}: ${p.name} (\`${shown(p.source.file)}\`)`,
      services.filter(s => s.project === p.id),
    ]),
  ];
  for (const [title, members] of sections) {
    if (members.length === 0) continue;
    // columns a section's services fill only now and then: shown where one of them does
    const optional = members.some(m => m.dependencies.optional.length > 0);
    const healthCheck = members.some(m => healthCheckOf(m) !== undefined);
    lines.push(
      '',
      `## ${title}`,
      '',
      ...table(
        [
          'Service',
          'Name',
          'Type',
          'Owner',
          'Tier',
          'Status',
          'Version',
          'Port',
          'Requires',
          ...(optional ? ['Optional'] : []),
          ...(healthCheck ? ['Health check'] : []),
        ],
        members.map(s => [
          code(s.id),
          cell(s.name),
          cell(s.type),
          cell(s.owner),
          cell(s.effectiveTier),
          cell(s.status),
          cell(s.version),
          cell(s.port),
          dependencyList(s.dependencies.requires),
          ...(optional ? [dependencyList(s.dependencies.optional)] : []),
          ...(healthCheck ? [code(healthCheckOf(s))] : []),
        ]),
      ),
    );
  }
  const byPort = new Map<number, RegistryService[]>();
  for (const s of services) {
    if (s.port === undefined || s.status === 'retired') continue;
    byPort.set(s.port, [...(byPort.get(s.port) ?? []), s]);
  }
  if (byPort.size > 0) {
    lines.push(
      '',
      '## Ports',
      '',
      'Retired services are left out. A port declared by more than one service is marked.',
      '',
      ...table(
        ['Port', 'Service', 'Project'],
        [...byPort.keys()]
          .sort((a, b) => a - b)
          .map(port => {
            const users = byPort.get(port)!;
            return [
              users.length > 1
                ? `**${port}** (${users.length} services)`
                : `${port}`,
              users.map(s => code(s.id)).join(', '),
              users.map(s => cell(shown(s.project ?? 'shared'))).join(', '),
            ];
          }),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function countsOf(services: RegistryService[]): string[] {
  return [
    String(services.length),
    ...TIERS.map(t =>
      String(services.filter(s => s.effectiveTier === t).length),
    ),
  ];
}

function projectOf(graph: DependencyGraph, id: string): string {
  const node = graph.nodes.get(id);
  if (!node) return 'not declared';
  return node.project ?? 'shared';
}

function topologyDocument(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  options: Required<RegistryDocsOptions>,
): string {
  // consumers and impact count what runs: a retired service consumes nothing
  const running = runningGraphOf(registry, graph);
  const required = graph.edges.filter(e => !e.optional).length;
  // a dependency that only a project's override of a global service declares is that project's
  const consumerProject = (e: DependencyEdge) =>
    e.viaProject ?? projectOf(graph, e.from);
  const crossProject = graph.edges.filter(
    e => consumerProject(e) !== projectOf(graph, e.to),
  );
  const lines = [
    GENERATED,
    '',
    '# Topology',
    '',
    `${plural(graph.nodes.size, 'service')}, ${graph.edges.length} ${
      graph.edges.length === 1 ? 'dependency' : 'dependencies'
    } (${required} required, ${graph.edges.length - required} optional), ${
      crossProject.length
    } across projects.`,
    '',
    '## Dependency graph',
    '',
  ];
  const chart =
    graph.nodes.size <= options.maxDrawnServices
      ? graphToMermaid(shownGraph(graph))
      : undefined;
  // GitHub and GitLab draw the chart with Mermaid's limits, and show an error beyond them
  const limit =
    chart === undefined ? undefined : mermaidChartLimit(graph, chart);
  if (chart !== undefined && limit === undefined) {
    lines.push(
      'Consumers point at what they depend on; optional dependencies are dotted.',
      '',
      '```mermaid',
      chart.trimEnd(),
      '```',
    );
  } else {
    lines.push(
      `${
        limit === undefined
          ? `The registry has ${graph.nodes.size} services, more than a chart here can show (${options.maxDrawnServices})`
          : `The registry's graph is not drawn here: ${limit}`
      }. \`service-registry graph --format dot\` prints it for Graphviz.`,
    );
  }

  lines.push('', '## Dependencies across projects', '');
  if (crossProject.length === 0) {
    lines.push('None: every service depends only on its own project.');
  } else {
    lines.push(
      ...table(
        [
          'Consumer',
          'Its project',
          'Depends on',
          'Their project',
          'Range',
          'Kind',
        ],
        crossProject.map(e => [
          code(e.from),
          cell(shown(consumerProject(e))),
          code(e.to),
          cell(shown(projectOf(graph, e.to))),
          code(e.range),
          e.optional ? 'optional' : 'required',
        ]),
      ),
    );
  }

  const providers = [...graph.incoming.keys()]
    .filter(id => graph.nodes.has(id))
    .map(id => ({
      id,
      direct: computeConsumers(running, id).requiredBy.length,
    }))
    .filter(p => p.direct > 0)
    .sort((a, b) => b.direct - a.direct || byId(a, b))
    .slice(0, options.impactRows);
  lines.push(
    '',
    '## Impact of a change',
    '',
    `The ${plural(
      providers.length,
      'service',
    )} most depended on (required dependencies): what a breaking change of each would reach.`,
    '',
  );
  if (providers.length > 0) {
    lines.push(
      ...table(
        [
          'Service',
          'Its project',
          'Direct consumers',
          'Affected in all',
          'Projects affected',
        ],
        providers.map(p => {
          const impact = computeImpact(running, p.id);
          return [
            code(p.id),
            cell(shown(projectOf(graph, p.id))),
            String(p.direct),
            String(impact.counts.services),
            impact.projects.length
              ? impact.projects.map(x => cell(shown(x))).join(', ')
              : '—',
          ];
        }),
      ),
    );
  }

  const ranged = graph.edges.filter(e => e.range && graph.nodes.get(e.to));
  lines.push('', '## Version compatibility', '');
  if (ranged.length === 0) {
    lines.push('No dependency asks for a version range.');
  } else {
    lines.push(
      'Each range a consumer asks for, against the version its provider declares.',
      '',
      ...table(
        ['Provider', 'Version', 'Consumer', 'Asks for', 'Satisfied'],
        [...ranged]
          .sort((a, b) => compare(a.to, b.to) || compare(a.from, b.from))
          .map(e => {
            const version = graph.nodes.get(e.to)!.version;
            const compatWith = registry.services.get(e.to)?.compatWith ?? [];
            const satisfied = version
              ? satisfiedCell(version, compatWith, e.range!)
              : '—';
            return [
              code(e.to),
              cell(version),
              code(e.from),
              code(e.range),
              satisfied,
            ];
          }),
      ),
    );
  }

  const deprecated = [...registry.services.values()]
    .filter(s => s.status === 'deprecated' || s.status === 'retired')
    .sort(
      (a, b) =>
        compare(a.sunsetDate ?? '9999', b.sunsetDate ?? '9999') || byId(a, b),
    );
  lines.push('', '## Deprecations', '');
  if (deprecated.length === 0) {
    lines.push('No service is deprecated.');
  } else {
    lines.push(
      'By sunset date. The consumers are the services that still depend on each (required or optional).',
      '',
      ...table(
        [
          'Service',
          'Status',
          'Deprecated',
          'Sunset',
          'Replacement',
          'Consumers left',
        ],
        deprecated.map(s => {
          const { requiredBy, optionalFor } = computeConsumers(running, s.id);
          const consumers = [...requiredBy, ...optionalFor].sort();
          return [
            code(s.id),
            cell(s.status),
            cell(s.deprecationDate),
            cell(s.sunsetDate),
            code(s.replacementService),
            consumers.length ? consumers.map(c => code(c)).join(', ') : 'none',
          ];
        }),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The Satisfied cell of the version compatibility table: `yes` when the provider's version
 * satisfies the range, `yes, through compat_with 1.x` when it does not but `compat_with` entries
 * of the provider lie in it (as `dependency/version-unsatisfied` reads it), else `**no**`.
 */
function satisfiedCell(
  version: string,
  compatWith: readonly string[],
  range: string,
): string {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range, { includePrerelease: true });
  } catch {
    return 'not a semver range';
  }
  if (parsed.test(version)) return 'yes';
  const through = compatWith.filter(entry =>
    compatibleWithRange([entry], parsed),
  );
  return through.length > 0
    ? `yes, through compat_with ${through.map(cell).join(', ')}`
    : '**no**';
}

/**
 * The registry's generated documentation (seed 000, "Documentación automática"): `SERVICES.md`
 * (every service by project with its owner, tier, status, version, port, required and optional
 * dependencies and health check endpoint (`metadata.health_check`; those two columns only in the
 * sections where a service has one), the counts per tier and the port assignments) and `TOPOLOGY.md` (the dependency graph as a Mermaid
 * chart, dependencies across projects, the impact of a change of the most depended-on services,
 * version compatibility and the deprecations by sunset date) and `RUNBOOK.md` (how to handle an
 * incident, with each running service's owner, support hours, RTO and RPO, health check,
 * dependencies, consumers and alert routes; how to change, add and deprecate a service, with who
 * approves a change; the services in maintenance). The text depends only on the
 * registry, not on the day, so that a CI job can check that the committed copy is current.
 *
 * @param registry - the loaded registry
 * @param options - limits for large registries
 * @public
 */
export function renderRegistryDocs(
  registry: LoadedRegistry,
  options: RegistryDocsOptions = {},
): RegistryDocument[] {
  const resolved = {
    maxDrawnServices: options.maxDrawnServices ?? 150,
    impactRows: options.impactRows ?? 20,
  };
  const graph = dependencyGraphOf(registry);
  return [
    { name: REGISTRY_DOCUMENT_NAMES[0], content: servicesDocument(registry) },
    {
      name: REGISTRY_DOCUMENT_NAMES[1],
      content: topologyDocument(registry, graph, resolved),
    },
    {
      name: REGISTRY_DOCUMENT_NAMES[2],
      content: runbookDocument(registry, graph),
    },
  ];
}
