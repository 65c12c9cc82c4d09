import { ApprovalReason } from '../diff/types';
import { describeChangeSubject } from './changeSubject';

/**
 * Why an approval is needed, for people: `breaking change to auth (port-changed)`,
 * `version bump of auth (1.2.0 → 1.3.0)`,
 * `configuration change to auth in project pa (override) (port, metadata.replicas)`.
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
  const subject = describeChangeSubject(reason, format);
  switch (reason.kind) {
    case 'breaking':
      return `breaking change to ${subject} (${reason.breakingKinds
        .map(format)
        .join(', ')})`;
    case 'version-bump': {
      const version = (v: string | undefined) =>
        v === undefined ? 'none' : format(v);
      return `version bump of ${subject} (${version(reason.before)} → ${version(
        reason.after,
      )})`;
    }
    default:
      return `configuration change to ${subject} (${reason.fields
        .map(format)
        .join(', ')})`;
  }
}
