import {
  plural,
  RegistryDiff,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';

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
 * (`sla-impact/sla-weakened`), as warnings at their positions.
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
      }; approvers: ${change.approvers.join(', ') || 'none'}.`,
      file: change.position.file,
      line: change.position.line,
      column: change.position.column,
      service: change.service,
      inHead: change.kind !== 'service-removed' && !removed.has(change.service),
    }),
  );
  const sla = diff.slaImpacts.map(
    (impact): ChangeFinding => ({
      severity: 'warning',
      code: 'sla-impact/sla-weakened',
      message: impact.message,
      file: impact.position.file,
      line: impact.position.line,
      column: impact.position.column,
      service: impact.service,
      inHead: true,
    }),
  );
  return [...breaking, ...sla];
}
