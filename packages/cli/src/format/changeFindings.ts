import {
  ApprovalReason,
  BreakingChange,
  describeFieldValueChange,
  needsMigrationGuide,
  plural,
  RegistryDiff,
  RegistryFinding,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';

/** Who must approve the reasons `matches` picks, as a sentence's end: `@a, @b` or `none`. */
function approversOf(
  diff: RegistryDiff,
  matches: (reason: ApprovalReason) => boolean,
): string {
  const approvers = diff.requiredApprovals
    .filter(({ reasons }) => reasons.some(matches))
    .map(({ approver }) => approver);
  return approvers.join(', ') || 'none';
}

/** The place of a finding: a position's file, line and column. */
function at(
  position: SourcePosition,
): Pick<RegistryFinding, 'file' | 'line' | 'column'> {
  return { file: position.file, line: position.line, column: position.column };
}

/** What an annotation of a breaking change says of its migration guide. */
function guideNote(change: BreakingChange): string {
  if (!needsMigrationGuide(change.kind)) return '';
  return change.migrationGuide
    ? ` Migration guide: ${change.migrationGuide}`
    : ' No migration guide: set migration.guide_url.';
}

/** A breaking change or an SLA impact, written as a finding at its position. */
export interface ChangeFinding extends RegistryFinding {
  /**
   * Whether its position is in head's files. A breaking change to a service head no longer
   * declares is at its line in base, which head's file may no longer have.
   */
  inHead: boolean;
}

/**
 * What a change brings, as findings for the formats that annotate files (`github`, `gitlab`, `sarif`): each
 * breaking change (`breaking/<kind>`, with the services and projects it affects, the optional
 * consumers it degrades and who must approve it) and each weakened service level
 * (`sla-impact/sla-weakened`) and each release that brings features to a service in maintenance
 * or deprecated (`change/feature-release`), as warnings at their positions; each changed
 * declaration of a project (`change/project`) and each changed policy key (`change/policy`), as
 * infos with their values and approvers, so that a review sees the rules change where they are
 * written.
 *
 * @param diff - the diff of base and head
 */
export function changeFindings(diff: RegistryDiff): ChangeFinding[] {
  const removed = new Set(diff.removed);
  const breaking = diff.breakingChanges.map(
    (change): ChangeFinding => ({
      severity: 'warning',
      code: `breaking/${change.kind}`,
      message: `${change.message} Affects ${plural(
        change.impact.counts.services,
        'service',
      )} in ${plural(change.affectedProjects.length, 'project')}${
        change.optionalConsumers.length
          ? `; degrades ${plural(
              change.optionalConsumers.length,
              'optional consumer',
            )}`
          : ''
      }; approvers: ${change.approvers.join(', ') || 'none'}.${guideNote(
        change,
      )}`,
      ...at(change.position),
      service: change.service,
      inHead: change.kind !== 'service-removed' && !removed.has(change.service),
    }),
  );
  const sla = diff.slaImpacts.map(
    (impact): ChangeFinding => ({
      severity: 'warning',
      code: 'sla-impact/sla-weakened',
      message: impact.message,
      ...at(impact.position),
      service: impact.service,
      inHead: true,
    }),
  );
  const projects = diff.projectChanges.map(
    (change): ChangeFinding => ({
      severity: 'info',
      code: 'change/project',
      message: `Project ${change.project} changed: ${change.changes
        .map(c => describeFieldValueChange(c))
        .join(', ')}${
        change.tierInheritedBy.length
          ? `; the tier is taken by ${change.tierInheritedBy.join(', ')}`
          : ''
      }. Approvers: ${approversOf(
        diff,
        r => r.kind === 'project-change' && r.project === change.project,
      )}.`,
      ...at(change.position),
      project: change.project,
      inHead: true,
    }),
  );
  const policyApprovers = approversOf(diff, r => r.kind === 'policy-change');
  const policies = diff.policyChanges.map(
    (change): ChangeFinding => ({
      severity: 'info',
      code: 'change/policy',
      message: `Policy ${describeFieldValueChange(
        change,
      )} changed: every change is judged by it. Approvers (change_control.breaking_changes_require): ${policyApprovers}.`,
      ...at(change.position),
      // a removed key is at its line in base
      inHead: change.after !== undefined,
    }),
  );
  const releases = diff.featureReleases.map(
    (release): ChangeFinding => ({
      severity: 'warning',
      code: 'change/feature-release',
      message: release.message,
      ...at(release.position),
      service: release.service,
      inHead: true,
    }),
  );
  return [...breaking, ...sla, ...releases, ...projects, ...policies];
}
