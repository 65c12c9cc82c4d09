import { ApprovalSubject } from '../diff/types';

/**
 * The project whose override of a global service a change is to (`override` on the change), or
 * undefined for a change of a declaration itself (a global service, or a project's own service).
 *
 * @param change - an entry of `diff.changed`, `diff.breakingChanges`, `diff.slaImpacts` or
 *   `diff.featureReleases`, or a reason of `diff.requiredApprovals` (each names its service, and
 *   the project of an override)
 * @public
 */
export function overrideProjectOf(change: ApprovalSubject): string | undefined {
  return change.override ? change.project : undefined;
}

/**
 * What a change is to, for people: the service id, followed by ` in project <p> (override)` for
 * a change to a project's override of a global service (see {@link overrideProjectOf}), e.g.
 * `shared-auth in project pa (override)`.
 *
 * @param change - an entry of `diff.changed`, `diff.breakingChanges`, `diff.slaImpacts` or
 *   `diff.featureReleases`, or a reason of `diff.requiredApprovals` (each names its service, and
 *   the project of an override)
 * @param format - how ids are written (default: as they are; the markdown report uses inline code)
 * @public
 */
export function describeChangeSubject(
  change: ApprovalSubject,
  format: (id: string) => string = id => id,
): string {
  const project = overrideProjectOf(change);
  return project === undefined
    ? format(change.service)
    : `${format(change.service)} in project ${format(project)} (override)`;
}
