import { ServiceSummaryFacts } from '../../api/types';

/**
 * A fact a service inherits from its project when it declares none (its tier, its owner), in
 * words: the service's own value, else the project's with where it comes from
 * (`critical (from project E-Commerce Platform)`), else undefined. A global service's effective
 * value is its own.
 *
 * @param own - what the service declares
 * @param effective - what it has, declared or inherited
 * @param facts - the service's facts: its project and the project's name
 */
export function inheritedText(
  own: string | undefined,
  effective: string | undefined,
  facts: Pick<ServiceSummaryFacts, 'project' | 'projectName'>,
): string | undefined {
  if (own) return own;
  if (effective && facts.project !== undefined) {
    return `${effective} (from project ${facts.projectName ?? facts.project})`;
  }
  return effective;
}
