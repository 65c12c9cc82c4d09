import { DependencyEdge, DependencyGraph } from '../graph/types';
import { getServiceForProject } from '../model/getServiceForProject';
import {
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
} from '../model/types';
import { slaOverview } from '../sla/slaOverview';
import { SlaComplianceCounts } from '../sla/types';
import { hideSecretValues } from '../validation/secrets/hideSecretValues';
import { ServiceSummarySource } from './buildServiceSummary';
import { findingLink } from './findingLink';
import { isFindingOfProject } from './isFindingOfProject';
import { overrideFields } from './overrideFields';
import {
  consumerProjectOf,
  projectLinks,
  providerProjectOf,
} from './projectLinks';
import {
  GLOBAL_PROJECT_ID,
  ProjectSummaryFacts,
  ProjectSummaryFindingCounts,
  ProjectSummaryOverride,
  ProjectSummaryResponse,
  ProjectSummaryService,
} from './projectSummaryResponse';

const CATALOG_FILE = 'services/catalog.toml';

const byId = (a: string, b: string) => (a < b ? -1 : Number(a > b));

function countFinding(
  counts: ProjectSummaryFindingCounts,
  finding: RegistryFinding,
): void {
  if (finding.severity === 'error') counts.errors++;
  else if (finding.severity === 'warning') counts.warnings++;
  else counts.infos++;
}

const noFindings = (): ProjectSummaryFindingCounts => ({
  errors: 0,
  warnings: 0,
  infos: 0,
});

/** The deprecated or retired providers a service depends on, as its project sees them. */
function deprecatedDependencies(
  registry: LoadedRegistry,
  service: RegistryService,
): string[] {
  const found = new Set<string>();
  for (const ref of [
    ...service.dependencies.requires,
    ...service.dependencies.optional,
  ]) {
    const status = getServiceForProject(
      registry,
      service.project,
      ref.service,
    )?.status;
    if (status === 'deprecated' || status === 'retired') found.add(ref.service);
  }
  return [...found].sort(byId);
}

/**
 * The SLA compliance counts of a project's services (null: the global services), from the SLA
 * overview.
 */
function slaCounts(
  registry: LoadedRegistry,
  project: string | null,
): SlaComplianceCounts {
  const overview = slaOverview(registry, { project });
  return (
    overview.projects.find(p => p.project === project)?.counts ?? {
      services: 0,
      compliant: 0,
      nonCompliant: 0,
      incomplete: 0,
      noPolicy: 0,
    }
  );
}

/**
 * The body of `GET /api/service-registry/projects/:project/summary`, or undefined when the registry
 * has no such project (for {@link GLOBAL_PROJECT_ID}: when it declares no global service and has no
 * `services/catalog.toml`): the project's facts and where it is declared, its services (status,
 * version, effective tier, findings, deprecated dependencies), the global services it overrides and
 * the fields each override writes, its dependencies on other projects and on the global services,
 * its consumers in other projects, its findings counted by severity and the SLA compliance of its
 * services.
 *
 * @param source - the provider's last good run
 * @param graph - the dependency graph of `source.registry`
 * @param projectId - a project id, or {@link GLOBAL_PROJECT_ID} for the global services
 * @public
 */
export function buildProjectSummary(
  source: ServiceSummarySource,
  graph: DependencyGraph,
  projectId: string,
): ProjectSummaryResponse | undefined {
  const { registry } = source;
  const isGlobal = projectId === GLOBAL_PROJECT_ID;
  const project = isGlobal ? undefined : registry.projects.get(projectId);
  const own: RegistryService[] = isGlobal
    ? [...registry.services.values()].filter(s => s.project === undefined)
    : [...new Set(project?.services)]
        .map(id => registry.services.get(id))
        .filter((s): s is RegistryService => s?.project === projectId);
  if (isGlobal && own.length === 0 && !registry.files.includes(CATALOG_FILE)) {
    return undefined;
  }
  if (!isGlobal && !project) return undefined;
  // the project's side of an edge: null stands for the global services
  const self: string | null = isGlobal ? null : projectId;
  own.sort((a, b) => byId(a.id, b.id));
  const ownIds = new Set(own.map(s => s.id));

  const findings = noFindings();
  const serviceFindings = new Map<string, ProjectSummaryFindingCounts>();
  for (const f of source.findings) {
    if (f.service !== undefined && ownIds.has(f.service)) {
      let counts = serviceFindings.get(f.service);
      if (!counts) {
        counts = noFindings();
        serviceFindings.set(f.service, counts);
      }
      countFinding(counts, f);
    }
    if (isFindingOfProject(registry, f, projectId)) countFinding(findings, f);
  }

  const services: ProjectSummaryService[] = own.map(s => ({
    id: s.id,
    name: s.name,
    status: s.status,
    version: s.version,
    tier: s.tier,
    effectiveTier: s.effectiveTier,
    owner: s.owner,
    port: s.port,
    findings: serviceFindings.get(s.id) ?? noFindings(),
    deprecatedDependencies: deprecatedDependencies(registry, s),
    overriddenBy: [...s.overriddenBy],
  }));

  const views = isGlobal ? undefined : registry.overrides.get(projectId);
  const overrides: ProjectSummaryOverride[] = [...(views?.keys() ?? [])]
    .sort(byId)
    .map(id => {
      const view = views!.get(id)!;
      // the catalog follows the global declaration, whatever the override writes
      const status = registry.services.get(id)?.status;
      return {
        id,
        name: view.name,
        fields: overrideFields(view),
        ...(status !== undefined ? { status } : {}),
      };
    });

  // every edge once, on the side of the project it leaves or enters
  const outgoing: Array<{ edge: DependencyEdge; other: string | null }> = [];
  const incoming: Array<{ edge: DependencyEdge; other: string | null }> = [];
  for (const edge of graph.edges) {
    if (edge.from === edge.to) continue;
    const consumer = consumerProjectOf(graph, edge);
    const provider = providerProjectOf(graph, edge);
    if (provider === undefined || consumer === provider) continue;
    if (consumer === self) outgoing.push({ edge, other: provider });
    else if (provider === self) incoming.push({ edge, other: consumer });
  }

  const facts: ProjectSummaryFacts = project
    ? {
        id: project.id,
        name: project.name,
        description: project.description,
        owner: project.owner,
        tier: project.tier,
        environment: project.environment,
      }
    : { id: null, name: 'Global services' };
  const where = project
    ? { file: project.source.file, line: project.source.line }
    : { file: CATALOG_FILE, line: 1 };
  const url = findingLink(source.rootLocation, where.file, where.line);

  // a description may hold a credential the validation reports
  return hideSecretValues<ProjectSummaryResponse>({
    registry: source.providerId,
    project: facts,
    source: { ...where, ...(url !== undefined ? { url } : {}) },
    services,
    overrides,
    dependencies: projectLinks(registry, outgoing),
    consumers: projectLinks(registry, incoming),
    findings,
    sla: slaCounts(registry, self),
  });
}
