import {
  ApprovalSubject,
  BreakingChange,
  FeatureRelease,
  ServiceChange,
  SlaImpact,
} from '../diff/types';

/**
 * The project whose override of a global service a change is to (`override` on the change), or
 * undefined for a change of a declaration itself (a global service, or a project's own service).
 *
 * @param change - an entry of `diff.changed`, `diff.breakingChanges` or `diff.slaImpacts`, or a
 *   reason of `diff.requiredApprovals`
 * @public
 */
export function overrideProjectOf(
  change:
    | ServiceChange
    | BreakingChange
    | SlaImpact
    | FeatureRelease
    | ApprovalSubject,
): string | undefined {
  return change.override ? change.project : undefined;
}

/**
 * What a change is to, for people: the service id, followed by ` in project <p> (override)` for
 * a change to a project's override of a global service (see {@link overrideProjectOf}), e.g.
 * `shared-auth in project pa (override)`.
 *
 * @param change - an entry of `diff.changed`, `diff.breakingChanges` or `diff.slaImpacts`, or a
 *   reason of `diff.requiredApprovals`
 * @param format - how ids are written (default: as they are; the markdown report uses inline code)
 * @public
 */
export function describeChangeSubject(
  change:
    | ServiceChange
    | BreakingChange
    | SlaImpact
    | FeatureRelease
    | ApprovalSubject,
  format: (id: string) => string = id => id,
): string {
  const project = overrideProjectOf(change);
  return project === undefined
    ? format(change.service)
    : `${format(change.service)} in project ${format(project)} (override)`;
}
