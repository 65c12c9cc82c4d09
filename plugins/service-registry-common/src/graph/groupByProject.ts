import { ImpactedService, ImpactGroup } from './types';

/**
 * Groups affected services by project, projects by id, the global group (null) last.
 *
 * @param services - affected services, by depth then id
 */
export function groupByProject(services: ImpactedService[]): ImpactGroup[] {
  const groups = new Map<string | null, ImpactedService[]>();
  for (const service of services) {
    const list = groups.get(service.project);
    if (list) list.push(service);
    else groups.set(service.project, [service]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return a < b ? -1 : 1;
    })
    .map(([project, list]) => ({ project, services: list }));
}
