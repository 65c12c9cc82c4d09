import semver from 'semver';
import { computeConsumers } from '../graph/computeConsumers';
import { runningGraphOf } from '../graph/runningGraphOf';
import { DependencyGraph } from '../graph/types';
import { breakingChangeNoticeOf } from '../model/breakingChangeNotice';
import { getServiceForProject } from '../model/getServiceForProject';
import {
  DependencyRef,
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
} from '../model/types';
import { compatibleWithRange } from '../validation/compatibleWithRange';
import { hideSecretValues } from '../validation/secrets/hideSecretValues';
import { findingLink } from './findingLink';
import {
  ServiceSummaryDependency,
  ServiceSummaryResponse,
} from './serviceSummaryResponse';
import { alertRoutesOf } from '../monitoring/alertRoutes';
import { releaseHistoryOf } from './releaseHistory';

/**
 * What a service summary is made from: the provider's last good run.
 *
 * @public
 */
export interface ServiceSummarySource {
  /** The registry (catalog provider) id. */
  providerId: string;
  /** The loaded registry. */
  registry: LoadedRegistry;
  /** Its findings. */
  findings: RegistryFinding[];
  /** Location reference of the registry root (`file:…` or `url:…`). */
  rootLocation: string;
}

/** Prereleases of the provider count, as in validation: the registry records what is deployed. */
const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * Whether `version` satisfies `range`, or else the `compat_with` entries that lie in it (the
 * provider then serves the consumer all the same, as `dependency/version-unsatisfied` reads it);
 * undefined for a range semver cannot parse.
 */
function satisfies(
  version: string,
  compatWith: readonly string[],
  range: string,
): { satisfied: boolean; through?: string[] } | undefined {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range, SEMVER_OPTIONS);
  } catch {
    return undefined;
  }
  if (semver.satisfies(version, parsed)) return { satisfied: true };
  const through = compatWith.filter(entry =>
    compatibleWithRange([entry], parsed),
  );
  return through.length > 0
    ? { satisfied: true, through }
    : { satisfied: false };
}

function dependencyOf(
  registry: LoadedRegistry,
  service: RegistryService,
  ref: DependencyRef,
): ServiceSummaryDependency {
  const provider = getServiceForProject(registry, service.project, ref.service);
  // the provider's own project: a project's view of a global service says that project
  const home = registry.services.get(ref.service)?.project;
  const check =
    ref.range !== undefined && provider?.version !== undefined
      ? satisfies(provider.version, provider.compatWith, ref.range)
      : undefined;
  return {
    service: ref.service,
    optional: ref.optional,
    ...(ref.range !== undefined ? { range: ref.range } : {}),
    raw: ref.raw,
    declared: provider !== undefined,
    name: provider?.name ?? ref.service,
    ...(provider?.version !== undefined ? { version: provider.version } : {}),
    ...(provider?.status !== undefined ? { status: provider.status } : {}),
    ...(provider?.sunsetDate !== undefined
      ? { sunsetDate: provider.sunsetDate }
      : {}),
    ...(home !== undefined ? { project: home } : {}),
    crossProject:
      provider !== undefined &&
      (home === undefined || home !== service.project),
    ...(check !== undefined ? { satisfied: check.satisfied } : {}),
    ...(check?.through !== undefined
      ? { satisfiedByCompatWith: check.through }
      : {}),
  };
}

/**
 * The body of `GET /api/service-registry/services/:service/summary`, or undefined when the
 * registry does not declare the service: its facts, each dependency next to the provider its
 * project sees (version, status, whether the range is satisfied, by its version or through its
 * `compat_with`), its consumers from the graph
 * (retired services consume nothing),
 * its findings counted by severity, where the projects' monitoring routes its alerts and its
 * release history.
 *
 * @param source - the provider's last good run
 * @param graph - the dependency graph of `source.registry`
 * @param id - the service id
 * @public
 */
export function buildServiceSummary(
  source: ServiceSummarySource,
  graph: DependencyGraph,
  id: string,
): ServiceSummaryResponse | undefined {
  const { registry } = source;
  const service = registry.services.get(id);
  if (!service) return undefined;
  const findings = { errors: 0, warnings: 0, infos: 0 };
  for (const f of source.findings) {
    if (f.service !== id) continue;
    if (f.severity === 'error') findings.errors++;
    else if (f.severity === 'warning') findings.warnings++;
    else findings.infos++;
  }
  const replacement =
    service.replacementService !== undefined
      ? registry.services.get(service.replacementService)
      : undefined;
  const projectName =
    service.project !== undefined
      ? registry.projects.get(service.project)?.name
      : undefined;
  const notice = breakingChangeNoticeOf(service, registry.policies);
  const url = findingLink(
    source.rootLocation,
    service.source.file,
    service.source.line,
  );
  // a description or repository URL may hold a credential the validation reports
  return hideSecretValues<ServiceSummaryResponse>({
    registry: source.providerId,
    service: {
      id: service.id,
      name: service.name,
      description: service.description,
      type: service.type,
      owner: service.owner,
      effectiveOwner: service.effectiveOwner,
      version: service.version,
      status: service.status,
      tier: service.tier,
      effectiveTier: service.effectiveTier,
      port: service.port,
      project: service.project,
      projectName,
      tags: service.tags,
      repository: service.repository,
      compatVersionMin: service.compatVersionMin,
      deprecationDate: service.deprecationDate,
      sunsetDate: service.sunsetDate,
      replacementService: service.replacementService,
      replacementDeclared:
        service.replacementService !== undefined
          ? replacement !== undefined
          : undefined,
      ...(replacement?.status !== undefined
        ? { replacementStatus: replacement.status }
        : {}),
      overriddenBy: service.overriddenBy,
      ...(notice ? { breakingChangeNotice: notice } : {}),
    },
    source: {
      file: service.source.file,
      line: service.source.line,
      ...(url !== undefined ? { url } : {}),
    },
    dependencies: [
      ...service.dependencies.requires,
      ...service.dependencies.optional,
    ].map(ref => dependencyOf(registry, service, ref)),
    // a retired service consumes nothing
    consumers: computeConsumers(runningGraphOf(registry, graph), id),
    findings,
    alerts: alertRoutesOf(service),
    releases: releaseHistoryOf(service),
  });
}
