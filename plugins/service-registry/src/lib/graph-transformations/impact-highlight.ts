import { ImpactReport } from '../../api/types';
import { GLOBAL_PROJECT_KEY } from './category-keys';

/** What the impact mode highlights. */
export interface ImpactHighlight {
  /** The changed service. */
  root: string;
  /** Every affected service (the root excluded). */
  affected: Set<string>;
  /** Affected services per project (`GLOBAL_PROJECT_KEY` for services of no project), largest first. */
  perProject: { project: string; count: number; direct: number }[];
}

/** Turns an impact report into the sets and counts the page highlights. */
export function impactHighlight(report: ImpactReport): ImpactHighlight {
  const affected = new Set(report.services.map(s => s.id));
  const perProject = report.byProject
    .map(group => ({
      project: group.project ?? GLOBAL_PROJECT_KEY,
      count: group.services.length,
      direct: group.services.filter(s => s.depth === 1).length,
    }))
    .sort((a, b) => b.count - a.count || a.project.localeCompare(b.project));
  return { root: report.service, affected, perProject };
}

/** True when an edge lies on the impact of a change: an affected service depends on the root or on another affected one. */
export function isImpactEdge(
  highlight: ImpactHighlight,
  from: string,
  to: string,
): boolean {
  return (
    highlight.affected.has(from) &&
    (to === highlight.root || highlight.affected.has(to))
  );
}
