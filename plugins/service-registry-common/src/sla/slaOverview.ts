import {
  LoadedRegistry,
  SERVICE_TIERS,
  ServiceTier,
  SlaPolicy,
} from '../model/types';
import { evaluateSla } from './evaluateSla';
import { formatSlaTarget, NUMERIC_SLA_TARGETS } from './targets';
import {
  SlaComplianceCounts,
  SlaEvaluation,
  SlaOverview,
  SlaOverviewOptions,
  SlaOverviewProject,
  SlaOverviewService,
  SlaOverviewTier,
} from './types';

const stripAt = (owner: string) => owner.trim().replace(/^@/, '');

function emptyCounts(): SlaComplianceCounts {
  return {
    services: 0,
    compliant: 0,
    nonCompliant: 0,
    incomplete: 0,
    noPolicy: 0,
  };
}

function count(
  counts: SlaComplianceCounts,
  evaluation: Pick<SlaEvaluation, 'compliance'>,
) {
  counts.services += 1;
  if (evaluation.compliance === 'compliant') counts.compliant += 1;
  else if (evaluation.compliance === 'non-compliant') counts.nonCompliant += 1;
  else if (evaluation.compliance === 'incomplete') counts.incomplete += 1;
  else counts.noPolicy += 1;
}

function policyAsWritten(policy: SlaPolicy): Record<string, string> {
  const result: Record<string, string> = {};
  for (const target of NUMERIC_SLA_TARGETS) {
    const text = formatSlaTarget(policy, target);
    if (text !== undefined) result[target.key] = text;
  }
  if (policy.supportHours !== undefined) {
    result.support_hours = policy.supportHours.trim();
  }
  if (policy.breakHandling !== undefined) {
    result.break_handling = policy.breakHandling.trim();
  }
  return result;
}

function summary(evaluation: SlaEvaluation): SlaOverviewService {
  const numeric = (key: string) => {
    const value = evaluation.targets.find(t => t.key === key)?.declared;
    return typeof value === 'number' ? value : undefined;
  };
  return {
    id: evaluation.service,
    name: evaluation.name,
    project: evaluation.project,
    owner: evaluation.owner,
    status: evaluation.status,
    tier: evaluation.tier,
    compliance: evaluation.compliance,
    weaker: evaluation.targets.filter(t => t.status === 'weaker').length,
    missing: evaluation.targets.filter(t => t.status === 'missing').length,
    gaps: evaluation.gaps,
    availability: numeric('availability'),
    responseTimeP99Ms: numeric('response_time_p99'),
  };
}

/**
 * The SLA standing of every service that is not retired, grouped by effective tier (critical to
 * low, then services without a tier), with compliance counts per project and overall. Services
 * are evaluated with {@link evaluateSla}; the result is sorted and deterministic.
 *
 * @param registry - the loaded registry
 * @param options - filters by project, tier and owner (see {@link filterSlaOverview})
 * @public
 */
export function slaOverview(
  registry: LoadedRegistry,
  options: SlaOverviewOptions = {},
): SlaOverview {
  const evaluations = [...registry.services.keys()]
    .sort()
    .map(id => registry.services.get(id)!)
    .filter(s => s.status !== 'retired')
    .map(s => evaluateSla(s, registry.policies));

  const counts = emptyCounts();
  const byTier = new Map<ServiceTier | null, SlaOverviewTier>();
  const byProject = new Map<string | null, SlaOverviewProject>();
  for (const evaluation of evaluations) {
    count(counts, evaluation);
    const tier = evaluation.tier ?? null;
    let tierGroup = byTier.get(tier);
    if (!tierGroup) {
      const policy = tier ? registry.policies.sla[tier] : undefined;
      tierGroup = {
        tier,
        ...(policy ? { policy: policyAsWritten(policy) } : {}),
        services: [],
        counts: emptyCounts(),
      };
      byTier.set(tier, tierGroup);
    }
    tierGroup.services.push(summary(evaluation));
    count(tierGroup.counts, evaluation);
    let projectGroup = byProject.get(evaluation.project);
    if (!projectGroup) {
      const name = evaluation.project
        ? registry.projects.get(evaluation.project)?.name
        : undefined;
      projectGroup = {
        project: evaluation.project,
        ...(name !== undefined ? { name } : {}),
        counts: emptyCounts(),
      };
      byProject.set(evaluation.project, projectGroup);
    }
    count(projectGroup.counts, evaluation);
  }
  const tierOrder: Array<ServiceTier | null> = [...SERVICE_TIERS, null];
  const projectIds = [...byProject.keys()]
    .filter((p): p is string => p !== null)
    .sort();
  const all: SlaOverview = {
    tiers: tierOrder.flatMap(t => {
      const group = byTier.get(t);
      return group ? [group] : [];
    }),
    projects: [
      ...projectIds.map(p => byProject.get(p)!),
      ...(byProject.has(null) ? [byProject.get(null)!] : []),
    ],
    counts,
  };
  return options.project !== undefined || options.tier || options.owner
    ? filterSlaOverview(all, options)
    : all;
}

/**
 * The part of an overview (of {@link slaOverview} without filters) that filters keep: the lines
 * of the services of a project (`null`: the global services), a tier and an owner (`@` or not),
 * with the groups and counts made again from them, in the same order; a group only when it keeps
 * a service. The lines are the overview's own objects, so a caller can map them to what it made
 * of them once (the backend hides their credentials once per snapshot).
 *
 * @param all - the overview of every service
 * @param options - filters by project, tier and owner
 * @public
 */
export function filterSlaOverview(
  all: SlaOverview,
  options: SlaOverviewOptions = {},
): SlaOverview {
  const wantedProject = options.project;
  const wantedOwner = options.owner ? stripAt(options.owner) : undefined;
  const matches = (s: SlaOverviewService) =>
    (wantedProject === undefined || s.project === wantedProject) &&
    (!options.tier || s.tier === options.tier) &&
    (!wantedOwner ||
      (s.owner !== undefined && stripAt(s.owner) === wantedOwner));

  const counts = emptyCounts();
  const byProject = new Map<string | null, SlaComplianceCounts>();
  const tiers: SlaOverviewTier[] = [];
  for (const group of all.tiers) {
    const services = group.services.filter(matches);
    if (services.length === 0) continue;
    const tierCounts = emptyCounts();
    for (const service of services) {
      count(counts, service);
      count(tierCounts, service);
      let projectCounts = byProject.get(service.project);
      if (!projectCounts) {
        projectCounts = emptyCounts();
        byProject.set(service.project, projectCounts);
      }
      count(projectCounts, service);
    }
    tiers.push({ ...group, services, counts: tierCounts });
  }
  return {
    tiers,
    projects: all.projects
      .filter(p => byProject.has(p.project))
      .map(p => ({ ...p, counts: byProject.get(p.project)! })),
    counts,
  };
}
