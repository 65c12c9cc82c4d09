import { ServiceSummaryFacts } from '../../api/types';

/**
 * The owner of a service in words: the team it declares, or the one of its project
 * (`shop-team (from project Shop)`) when it declares none, as the catalog shows it; undefined
 * when neither names one.
 */
export function ownerText(facts: ServiceSummaryFacts): string | undefined {
  if (facts.owner) return facts.owner;
  if (facts.effectiveOwner && facts.project !== undefined) {
    return `${facts.effectiveOwner} (from project ${
      facts.projectName ?? facts.project
    })`;
  }
  return facts.effectiveOwner;
}
