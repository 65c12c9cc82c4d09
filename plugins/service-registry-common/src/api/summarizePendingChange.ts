import { reviewRegistryChange } from '../diff/reviewRegistryChange';
import { RegistryFileInput, RegistryFinding } from '../model/types';
import { describeUnreadBaseFile } from '../report/unreadBaseFile';
import { describeUnreadHeadFile } from '../report/unreadHeadFile';
import { bySeverity } from '../validation/bySeverity';
import { redactSecrets } from '../validation/secrets/detectSecret';
import {
  PendingChangeSummary,
  PendingNewFindings,
  PendingUnreadFile,
} from './pendingChangesResponse';

/** How many of the findings a pending change brings are listed. */
const NEW_FINDINGS_LISTED = 20;

/**
 * The errors and warnings a change brings (`introduced`), errors first, the first
 * {@link NEW_FINDINGS_LISTED} listed with any credential in their paths hidden.
 */
function newFindingsOf(
  introduced: readonly RegistryFinding[],
): PendingNewFindings {
  const brought = introduced
    .filter(f => f.severity !== 'info')
    .sort(bySeverity);
  return {
    errors: brought.filter(f => f.severity === 'error').length,
    warnings: brought.filter(f => f.severity === 'warning').length,
    listed: brought.slice(0, NEW_FINDINGS_LISTED).map(f => {
      const file = redactSecrets(f.file);
      return file === f.file ? f : { ...f, file };
    }),
  };
}

/**
 * What a pending change does to the registry (see {@link PendingChangeSummary}), reviewed by
 * `reviewRegistryChange`, which compares as the CLI's `diff` compares two revisions: a file the
 * head cannot read is compared as the base has it
 * and a file the base cannot read as the head has it (both listed in `unreadFiles`), and a service
 * id a project of the head declares again stays where the base declared it. Then the diff from
 * the base to the head (ids that look like credentials are hidden, as the diff hides them), how
 * the head's registry validates on `today`, and which of its findings the base did not have.
 *
 * @param baseFiles - the registry's files where the change leaves the default branch
 * @param headFiles - the change's registry files
 * @param options - the day lifecycle dates are counted to (`YYYY-MM-DD`)
 * @public
 */
export function summarizePendingChange(
  baseFiles: readonly RegistryFileInput[],
  headFiles: readonly RegistryFileInput[],
  options: { today: string },
): PendingChangeSummary {
  const { diff, findingCounts, introduced, unreadBaseFiles } =
    reviewRegistryChange(baseFiles, headFiles, { today: options.today });
  const unreadFiles: PendingUnreadFile[] = [
    ...unreadBaseFiles.map(
      (file): PendingUnreadFile => ({
        side: 'base',
        file: file.file,
        line: file.position.line,
        column: file.position.column,
        message: describeUnreadBaseFile(file),
      }),
    ),
    ...diff.unreadHeadFiles.map(
      (file): PendingUnreadFile => ({
        side: 'head',
        file: file.file,
        line: file.position.line,
        column: file.position.column,
        message: describeUnreadHeadFile(file),
      }),
    ),
  ];
  return {
    added: diff.added,
    removed: diff.removed,
    changed: [...new Set(diff.changed.map(c => c.service))].sort(),
    breakingChanges: diff.breakingChanges.map(change => ({
      kind: change.kind,
      service: change.service,
      ...(change.project !== undefined ? { project: change.project } : {}),
      ...(change.override ? { override: true } : {}),
      message: change.message,
      affectedProjects: change.affectedProjects,
      affectedServices: change.impact.counts.services,
      consumers: [
        ...new Set([
          ...change.impact.services.filter(s => s.depth === 1).map(s => s.id),
          ...change.optionalConsumers.map(c => c.id),
        ]),
      ].sort(),
    })),
    findings: {
      errors: findingCounts.errors,
      warnings: findingCounts.warnings,
    },
    newFindings: newFindingsOf(introduced),
    unreadFiles,
  };
}
