import { ServiceSummaryFacts } from '../../api/types';

/**
 * The tier of a service in words: the tier it declares, the one it inherits from its project
 * (`critical (from project E-Commerce Platform)`) when it declares none, or `none`.
 */
export function tierText(facts: ServiceSummaryFacts): string {
  if (facts.tier) return facts.tier;
  if (facts.effectiveTier && facts.project !== undefined) {
    return `${facts.effectiveTier} (from project ${
      facts.projectName ?? facts.project
    })`;
  }
  // a global service's effective tier is its own
  return facts.effectiveTier ?? 'none';
}
