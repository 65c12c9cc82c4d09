import {
  SLA_COMPLIANCE_VALUES,
  SlaCompliance,
  SlaComplianceCounts,
  SlaOverview,
  SlaOverviewProject,
  SlaOverviewService,
  SlaOverviewTier,
} from '@service-registry/plugin-service-registry-common';

/**
 * The filters of the SLA page; an empty string means "any". `project` is a project id or
 * {@link GLOBAL_PROJECT}, `tier` a tier or {@link NO_TIER}, `owner` an owner without its leading
 * `@`, `compliance` an {@link SlaCompliance}.
 */
export interface SlaFilters {
  /** A project id, {@link GLOBAL_PROJECT}, or empty. */
  project: string;
  /** A tier, {@link NO_TIER}, or empty. */
  tier: string;
  /** An owner without its leading `@`, or empty. */
  owner: string;
  /** A compliance value, or empty. */
  compliance: string;
}

/** No filter. */
export const NO_FILTERS: SlaFilters = {
  project: '',
  tier: '',
  owner: '',
  compliance: '',
};

/** Filter value of the global services (no project); a colon cannot appear in a project id. */
export const GLOBAL_PROJECT = ':global';

/** Filter value of the services without an effective tier. */
export const NO_TIER = ':none';

/** An option of a filter: its value and its words. */
export interface FilterOption {
  /** The value the filter takes. */
  value: string;
  /** What the menu shows. */
  label: string;
}

/** The owner without the leading `@` (`@shop` and `shop` are the same owner). */
export function ownerKey(owner: string | undefined): string {
  return owner ? owner.trim().replace(/^@/, '') : '';
}

/** Words for a compliance value in a filter or a column header. */
export const COMPLIANCE_FILTER_LABELS: Record<SlaCompliance, string> = {
  'non-compliant': 'Not compliant',
  incomplete: 'Incomplete',
  compliant: 'Compliant',
  'no-policy': 'No policy',
};

/** The words of a filter's value the overview does not have (see {@link filterOptions}). */
function selectedOption(key: keyof SlaFilters, value: string): FilterOption {
  if (key === 'project' && value === GLOBAL_PROJECT) {
    return { value, label: 'Global services' };
  }
  if (key === 'tier' && value === NO_TIER) return { value, label: 'No tier' };
  return { value, label: value };
}

/**
 * The options of each filter, taken from the whole overview, plus the selected value of a filter
 * when the overview does not have it (a shared link's project that was removed, a tier no service
 * has any more): it stays shown in its select, which matches no service.
 *
 * @param overview - the whole overview
 * @param selected - the filters chosen
 */
export function filterOptions(
  overview: SlaOverview,
  selected: SlaFilters = NO_FILTERS,
): Record<keyof SlaFilters, FilterOption[]> {
  const services = overview.tiers.flatMap(t => t.services);
  const owners = [
    ...new Set(services.map(s => ownerKey(s.owner)).filter(o => o !== '')),
  ].sort();
  const options: Record<keyof SlaFilters, FilterOption[]> = {
    project: overview.projects.map(p =>
      p.project === null
        ? { value: GLOBAL_PROJECT, label: 'Global services' }
        : { value: p.project, label: p.name ?? p.project },
    ),
    tier: overview.tiers.map(t =>
      t.tier === null
        ? { value: NO_TIER, label: 'No tier' }
        : { value: t.tier, label: t.tier },
    ),
    owner: owners.map(o => ({ value: o, label: o })),
    compliance: SLA_COMPLIANCE_VALUES.map(c => ({
      value: c,
      label: COMPLIANCE_FILTER_LABELS[c],
    })),
  };
  for (const key of Object.keys(options) as Array<keyof SlaFilters>) {
    const value = selected[key];
    if (value !== '' && !options[key].some(o => o.value === value)) {
      options[key] = [...options[key], selectedOption(key, value)];
    }
  }
  return options;
}

/** Counts of services by compliance. */
export function countCompliance(
  services: SlaOverviewService[],
): SlaComplianceCounts {
  return {
    services: services.length,
    compliant: services.filter(s => s.compliance === 'compliant').length,
    nonCompliant: services.filter(s => s.compliance === 'non-compliant').length,
    incomplete: services.filter(s => s.compliance === 'incomplete').length,
    noPolicy: services.filter(s => s.compliance === 'no-policy').length,
  };
}

function matches(service: SlaOverviewService, filters: SlaFilters): boolean {
  if (filters.project) {
    const project = service.project ?? GLOBAL_PROJECT;
    if (project !== filters.project) return false;
  }
  if (filters.tier && (service.tier ?? NO_TIER) !== filters.tier) return false;
  if (filters.owner && ownerKey(service.owner) !== filters.owner) return false;
  if (filters.compliance && service.compliance !== filters.compliance) {
    return false;
  }
  return true;
}

/**
 * The overview narrowed to the services that pass every filter: tiers and projects left without
 * a service are dropped, and every count is recomputed over what is left.
 */
export function filterSlaOverview(
  overview: SlaOverview,
  filters: SlaFilters,
): SlaOverview {
  const tiers: SlaOverviewTier[] = overview.tiers.flatMap(tier => {
    const services = tier.services.filter(s => matches(s, filters));
    return services.length > 0
      ? [{ ...tier, services, counts: countCompliance(services) }]
      : [];
  });
  const services = tiers.flatMap(t => t.services);
  const projects: SlaOverviewProject[] = overview.projects.flatMap(project => {
    const mine = services.filter(s => s.project === project.project);
    return mine.length > 0
      ? [{ ...project, counts: countCompliance(mine) }]
      : [];
  });
  return { tiers, projects, counts: countCompliance(services) };
}
