import { ApprovalReason } from '../diff/types';
import { describeChangeSubject } from './changeSubject';

/**
 * Why an approval is needed, for people: `breaking change to auth (port-changed)`,
 * `version bump of auth (1.2.0 → 1.3.0)`,
 * `configuration change to auth in project pa (override) (port, metadata.replicas)`,
 * `change to project pa (tier, owner)`, `policy change (sla.critical.availability)`.
 *
 * @param reason - a reason of an entry of `diff.requiredApprovals`
 * @param format - how ids, field paths, kinds and versions are written (default: as they are;
 *   the markdown report uses inline code)
 * @public
 */
export function describeApprovalReason(
  reason: ApprovalReason,
  format: (text: string) => string = text => text,
): string {
  const list = (items: readonly string[]) => items.map(format).join(', ');
  switch (reason.kind) {
    case 'breaking':
      return `breaking change to ${describeChangeSubject(
        reason,
        format,
      )} (${list(reason.breakingKinds)})`;
    case 'version-bump': {
      const version = (v: string | undefined) =>
        v === undefined ? 'none' : format(v);
      return `version bump of ${describeChangeSubject(
        reason,
        format,
      )} (${version(reason.before)} → ${version(reason.after)})`;
    }
    case 'config-change':
      return `configuration change to ${describeChangeSubject(
        reason,
        format,
      )} (${list(reason.fields)})`;
    case 'project-change':
      return `change to project ${format(reason.project)} (${list(
        reason.fields,
      )})`;
    default:
      return `policy change (${list(reason.paths)})`;
  }
}
