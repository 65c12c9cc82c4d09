import {
  hideSecretValues,
  LoadedRegistry,
  SlaComplianceCounts,
  SlaOverview,
  SlaOverviewOptions,
  SlaOverviewService,
  SlaOverviewTier,
  slaOverview,
} from '@service-registry/plugin-service-registry-common';

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

function count(counts: SlaComplianceCounts, service: SlaOverviewService) {
  counts.services += 1;
  if (service.compliance === 'compliant') counts.compliant += 1;
  else if (service.compliance === 'non-compliant') counts.nonCompliant += 1;
  else if (service.compliance === 'incomplete') counts.incomplete += 1;
  else counts.noPolicy += 1;
}

/**
 * The SLA overview of one snapshot (`GET /sla`), evaluated and made safe to serve once: every
 * service that is not retired is evaluated by `slaOverview` and its line hidden
 * (`hideSecretValues`) once. A request's filters keep the lines of the services they match, and
 * the groups and counts are made again from those, as `slaOverview` makes them: same order, a
 * group only when it has a service.
 */
export class SlaView {
  private readonly all: SlaOverview;
  /** Each line of `all`, as served (credentials hidden). */
  private readonly hidden = new Map<SlaOverviewService, SlaOverviewService>();

  constructor(registry: LoadedRegistry) {
    this.all = slaOverview(registry);
    for (const tier of this.all.tiers) {
      for (const service of tier.services) {
        this.hidden.set(service, hideSecretValues(service));
      }
    }
  }

  /**
   * The overview `slaOverview(registry, options)` gives, credentials hidden, with `head` (the
   * answer's other fields) before it.
   *
   * @param head - the fields the answer starts with (`registry`, `updatedAt`)
   * @param options - the filters of `slaOverview`
   */
  answer<H extends object>(
    head: H,
    options: SlaOverviewOptions = {},
  ): H & SlaOverview {
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
    for (const group of this.all.tiers) {
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
    const overview: SlaOverview = {
      tiers,
      projects: this.all.projects
        .filter(p => byProject.has(p.project))
        .map(p => ({ ...p, counts: byProject.get(p.project)! })),
      counts,
    };
    // what is left to hide is small (policies, project names): the lines are hidden already
    const answer = hideSecretValues({
      ...head,
      ...overview,
      tiers: tiers.map(group => ({
        ...group,
        services: [] as SlaOverviewService[],
      })),
    });
    answer.tiers.forEach((group, index) => {
      group.services = tiers[index].services.map(s => this.hidden.get(s)!);
    });
    return answer;
  }
}
