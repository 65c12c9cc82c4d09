import path from 'node:path';
import {
  baseAsInHead,
  classifyChange,
  describeApprovalReason,
  describeChangeSubject,
  describeChangeType,
  describeFieldValueChange,
  describeUnreadBaseFile,
  describeUnreadHeadFile,
  DescribeUnreadBaseFileOptions,
  diffRegistries,
  fitMarkdown,
  introducedFindings,
  loadRegistry,
  markdownCode,
  needsMigrationGuide,
  plural,
  preferBaseDeclarations,
  renderChangeReportMarkdown,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { annotationRoot } from '../lib/annotationRoot';
import { CliIO } from '../lib/io';
import { checkRegistryRoot } from '../lib/registryRootNote';
import { warnAboutUnparsedFiles } from '../lib/unparsedFiles';
import { ReportFormat } from '../lib/options';
import {
  readDirectoryOrGitSource,
  readDirectorySource,
} from '../lib/readSource';
import { introducedFirst } from '../format/annotationOrder';
import { changeFindings } from '../format/changeFindings';
import { PLATFORM_REPORTS } from '../format/platformReports';
import {
  annotationLimitNotice,
  formatFindingsGithub,
  changeTypeNotice,
  requiredApprovalsNotice,
  runWarning,
} from '../format/github';
import { shownFindings, shownPath } from '../format/shownPaths';
import { countFindings, describeCounts } from '../format/summary';
import { formatFindingsText, forTerminal, paint } from '../format/text';
import { JSON_SCHEMA_VERSION } from '../format/json';
import { exitCodeFor } from '../lib/exitCode';
import { CUT_NOTICE } from '../lib/cutNotice';
import { DEFAULT_SHARED_SYSTEM } from './validate';

/**
 * What a base without any registry file means for the diff, and what to do when the registry
 * moved: a new registry has none, but a registry folder renamed since the base is read from the
 * new folder's name at the base, where nothing is, and every service would pass as added.
 */
function emptyBaseWarning(label: string): string {
  return `${label} has no registry file (*.toml), so every service counts as added and no change as breaking. If the registry was in another folder there, compare with that folder: git worktree add ../base <revision>, then service-registry diff ../base/<old folder> <registry>.`;
}

/** Options of `service-registry diff`. */
export interface DiffCommandOptions {
  /** A directory, or a git revision of the repository that holds `head`. */
  base: string;
  /** The registry directory to compare (default `.`). */
  head: string;
  format: ReportFormat;
  today?: string;
  maxWarnings?: number;
  /** Exit 1 when there are breaking changes. */
  failOnBreaking: boolean;
  /**
   * Fail only on the findings the change brings (`--new-findings-only`): errors and warnings
   * base's registry already had are reported but count neither as errors nor for `maxWarnings`.
   */
  newFindingsOnly?: boolean;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
  maxFileBytes?: number;
  /**
   * The catalog provider's name of the System of global services (`--shared-system`, default
   * `shared`): a project named like it is a `catalog/duplicate-entity` error.
   */
  sharedSystem?: string;
}

/**
 * Compares two versions of a registry: validates head, lists what changed and every breaking
 * change with the services and projects it affects and who must approve it, then the SLA impact
 * (consumed services whose SLA gets weaker than what consumers requiring them promise: warnings
 * that `--fail-on-breaking` does not fail on), then the releases that bring features to services
 * in maintenance or deprecated (warnings too), then who must approve the change by the policies'
 * `[change_control]` (breaking changes, version bumps, configuration changes, changes of a
 * project's declaration and of the policies, which are listed with their values). A change to a
 * project's override of a global service is named with its project
 * (`shared-auth in project pa (override)`); the JSON output carries `override` and `project`. A
 * service id a project of head declares while another project declared it in base stays that
 * project's: the new declaration is reported as `service/duplicate-id`. A file of head that does
 * not parse (or is not read for its size) is an error of head, and its services are compared as
 * in base, which the output notes (`unreadHeadFiles` in JSON). A file of base that does not parse
 * (or is not read for its size) is taken as head has it: its services are not compared, neither
 * added nor changed, which the output notes (`unreadBaseFiles` in JSON, a note in text and
 * markdown, a warning on the run in the github format); `--fail-on-breaking` does not fail for
 * them.
 */
export async function diffCommand(
  options: DiffCommandOptions,
  io: CliIO,
): Promise<number> {
  const read = { maxFileBytes: options.maxFileBytes };
  const headSource = await readDirectorySource(options.head, read);
  const baseSource = await readDirectoryOrGitSource(
    options.base,
    options.head,
    read,
  );
  checkRegistryRoot(headSource, io);
  if (baseSource.files.length === 0) {
    io.stderr(
      `service-registry: ${forTerminal(emptyBaseWarning(baseSource.label))}\n`,
    );
  }
  for (const entry of baseSource.refused ?? []) {
    // the entry's path and its link's target come from the registry: escaped for the terminal
    io.stderr(
      `service-registry: ${forTerminal(
        `leaving ${shownPath(entry.path)} out of the base ${
          baseSource.label
        }: ${
          entry.reason
        }, which the reader refuses, so what it declares in head counts as added (head's registry is read as usual).`,
      )}\n`,
    );
  }
  const loadedBase = loadRegistry(baseSource.files);
  warnAboutUnparsedFiles(
    loadedBase,
    baseSource.files,
    baseSource.location,
    'the diff does not compare the services it declares: it takes them as head has them, and a breaking change to them is not reported',
    io,
    baseSource.locationNote,
  );
  const loadedHead = loadRegistry(headSource.files);
  // what base could not read is taken as head has it: nothing is known of what changed there
  // (reported with any credential in their paths and ids hidden, as the findings and the diff are)
  const { base, unread: unreadBaseFiles } = baseAsInHead(
    loadedBase,
    baseSource.files,
    loadedHead,
    headSource.files,
  );
  // where a file of base is shown: joined to where base was read (`main:reg`), with its note
  const shownAtBase = (unread: {
    file: string;
  }): DescribeUnreadBaseFileOptions => ({
    shownPath: shownPath(path.join(baseSource.location, unread.file)),
    note: baseSource.locationNote,
  });
  // a service id a project of head declares again stays where base declared it
  const head = preferBaseDeclarations(base, loadedHead, headSource.files);
  // with the catalog provider's findings, in head and (for the annotations) in base alike
  const validation = {
    today: options.today,
    catalog: { sharedSystem: options.sharedSystem ?? DEFAULT_SHARED_SYSTEM },
  };
  const findings = validateRegistry(head, validation);
  // what the change brings: head's findings that base, validated the same way, did not have
  const introduced = introducedFindings(
    validateRegistry(base, validation),
    findings,
  );
  const introducedCounts = countFindings(introduced);
  const diff = diffRegistries(base, head, { today: options.today });

  switch (options.format) {
    case 'json':
      io.stdout(
        `${JSON.stringify(
          {
            schemaVersion: JSON_SCHEMA_VERSION,
            command: 'diff',
            base: baseSource.label,
            head: headSource.label,
            summary: {
              ...countFindings(findings),
              introduced: introducedCounts,
              breakingChanges: diff.breakingChanges.length,
              slaImpacts: diff.slaImpacts.length,
              featureReleases: diff.featureReleases.length,
            },
            classification: classifyChange(diff),
            findings: shownFindings(findings),
            diff: { ...diff, unreadBaseFiles },
          },
          null,
          2,
        )}\n`,
      );
      break;
    case 'markdown': {
      // files base could not read: said in the changes, before the breaking changes they may hide
      const changeNotes = unreadBaseFiles.map(
        unread =>
          `⚠️ ${describeUnreadBaseFile(unread, { format: markdownCode })}`,
      );
      io.stdout(
        fitMarkdown(
          limits =>
            renderChangeReportMarkdown(
              { findings: shownFindings(findings), diff },
              { ...limits, changeNotes, introduced: introducedCounts },
            ),
          { findings: findings.length, cutNotice: CUT_NOTICE },
        ),
      );
      break;
    }
    case 'gitlab':
    case 'sarif': {
      // the platform compares the report with its target branch's itself: what this change
      // brings, in the order of the other formats (its changes, then head's findings); the files
      // base could not read are said on stderr, as above. A removed service's line is one of base:
      // the change is put at line 1 of its file, and says where the service was.
      const changes = changeFindings(diff).map(({ inHead, ...change }) =>
        inHead
          ? change
          : {
              ...change,
              message: `${change.message} (It was declared at ${shownPath(
                change.file,
              )}:${change.line}:${change.column} in ${baseSource.label}.)`,
              line: 1,
              column: 1,
            },
      );
      io.stdout(
        PLATFORM_REPORTS[options.format]([...changes, ...findings], {
          root: await annotationRoot(options.head, io.cwd),
        }),
      );
      break;
    }
    case 'github': {
      const root = await annotationRoot(options.head, io.cwd);
      // the position of a service head no longer has is a line of base: annotated on the run
      const changes = changeFindings(diff).map(({ inHead, ...change }) =>
        inHead ? change : { ...change, file: '' },
      );
      const annotations = introducedFirst(findings, introduced, changes);
      io.stdout(
        annotationLimitNotice(annotations, 'those this change brings first'),
      );
      // before the annotations, so that GitHub's 10 notices a step cannot hide them
      const classification = classifyChange(diff);
      io.stdout(
        changeTypeNotice(
          classification.type === 'none'
            ? undefined
            : describeChangeType(classification),
        ),
      );
      io.stdout(
        requiredApprovalsNotice(
          diff.requiredApprovals.map(({ approver, reasons }) => ({
            approver,
            reasons: reasons.map(reason => describeApprovalReason(reason)),
          })),
        ),
      );
      // on the run, not on a file: the file base could not read may be gone from head
      for (const unread of unreadBaseFiles) {
        io.stdout(
          runWarning(describeUnreadBaseFile(unread, shownAtBase(unread))),
        );
      }
      io.stdout(formatFindingsGithub(annotations, { root }));
      break;
    }
    default: {
      const p = paint(io.isTTY);
      io.stdout(
        formatFindingsText(findings, {
          root: headSource.displayRoot,
          color: io.isTTY,
        }),
      );
      if (findings.length > 0) {
        io.stdout(
          `  brought by this change: ${describeCounts(
            introducedCounts,
          )} (base had the others)\n`,
        );
      }
      io.stdout(
        `\n${p.bold(
          `Changes from ${baseSource.label} to ${headSource.label}`,
        )}\n`,
      );
      // what comes from the registry (ids, projects, key paths, messages) with its control
      // characters escaped, as in the findings above
      const t = forTerminal;
      const classification = classifyChange(diff);
      if (classification.type !== 'none') {
        io.stdout(`  type:    ${t(describeChangeType(classification))}\n`);
      }
      if (diff.added.length)
        io.stdout(`  added:   ${t(diff.added.join(', '))}\n`);
      if (diff.removed.length)
        io.stdout(`  removed: ${t(diff.removed.join(', '))}\n`);
      for (const change of diff.changed) {
        io.stdout(
          `  changed: ${t(
            `${describeChangeSubject(change)}: ${change.changes
              .map(c => c.path)
              .join(', ')}`,
          )}\n`,
        );
      }
      if (!diff.added.length && !diff.removed.length && !diff.changed.length) {
        io.stdout('  no service changed\n');
      }
      for (const change of diff.projectChanges) {
        io.stdout(
          `  project: ${t(
            `${change.project}: ${change.changes
              .map(c => describeFieldValueChange(c))
              .join(', ')}${
              change.tierInheritedBy.length
                ? `; the tier is taken by ${change.tierInheritedBy.join(', ')}`
                : ''
            }`,
          )}\n`,
        );
      }
      for (const change of diff.policyChanges) {
        io.stdout(`  policy:  ${t(describeFieldValueChange(change))}\n`);
      }
      // files head could not read: compared as in base, not removed
      for (const unread of diff.unreadHeadFiles) {
        io.stdout(`  note: ${t(describeUnreadHeadFile(unread))}\n`);
      }
      // files base could not read: taken as head has them, not added
      for (const unread of unreadBaseFiles) {
        io.stdout(
          `  note: ${t(describeUnreadBaseFile(unread, shownAtBase(unread)))}\n`,
        );
      }
      io.stdout(
        `\n${p.bold(`Breaking changes: ${diff.breakingChanges.length}`)}\n`,
      );
      for (const change of diff.breakingChanges) {
        io.stdout(
          `  ${p.red(change.kind)} ${t(
            `${describeChangeSubject(change)}: ${change.message}`,
          )}\n` +
            `    affects ${plural(change.impact.counts.services, 'service')} (${
              change.impact.counts.direct
            } direct) in ${t(
              change.affectedProjects.join(', ') || 'no project',
            )}\n${
              change.optionalConsumers.length
                ? `    optional consumers (degrade, not break): ${t(
                    change.optionalConsumers
                      .map(c => (c.project ? `${c.id} (${c.project})` : c.id))
                      .join(', '),
                  )}\n`
                : ''
            }    approvers: ${t(change.approvers.join(', ') || 'none')}\n${
              needsMigrationGuide(change.kind)
                ? `    migration guide: ${t(
                    change.migrationGuide ??
                      'none (set migration.guide_url, so that consumers know how to move)',
                  )}\n`
                : ''
            }`,
        );
      }
      if (diff.slaImpacts.length > 0) {
        io.stdout(
          `\n${p.bold(
            `SLA impact (warnings, not breaking changes): ${diff.slaImpacts.length}`,
          )}\n`,
        );
      }
      for (const impact of diff.slaImpacts) {
        io.stdout(
          `  ${p.yellow('sla-weakened')} ${t(
            `${describeChangeSubject(impact)}: ${impact.message}`,
          )}\n    affects ${t(
            `${impact.consumers
              .map(c => (c.project ? `${c.id} (${c.project})` : c.id))
              .join(', ')} in ${
              impact.affectedProjects.join(', ') || 'no project'
            }`,
          )}\n`,
        );
      }
      if (diff.featureReleases.length > 0) {
        io.stdout(
          `\n${p.bold(
            `Lifecycle (warnings, not breaking changes): ${diff.featureReleases.length}`,
          )}\n`,
        );
      }
      for (const release of diff.featureReleases) {
        io.stdout(
          `  ${p.yellow('feature-release')} ${t(
            `${describeChangeSubject(release)}: ${release.message}`,
          )}\n`,
        );
      }
      if (diff.requiredApprovals.length > 0) {
        io.stdout(
          `\n${p.bold(
            `Required approvals: ${diff.requiredApprovals.length}`,
          )}\n`,
        );
      }
      for (const { approver, reasons } of diff.requiredApprovals) {
        io.stdout(
          `  ${t(
            `${approver}: ${reasons
              .map(reason => describeApprovalReason(reason))
              .join('; ')}`,
          )}\n`,
        );
      }
    }
  }
  if (options.newFindingsOnly) {
    const had = countFindings(findings).errors - introducedCounts.errors;
    if (had > 0) {
      io.stderr(
        `service-registry: ${plural(
          had,
          'error',
        )} of head's registry base already had: reported, but not failing the run (--new-findings-only).\n`,
      );
    }
  }
  return exitCodeFor(
    options.newFindingsOnly ? introduced : findings,
    {
      maxWarnings: options.maxWarnings,
      breakingChanges: diff.breakingChanges.length,
      failOnBreaking: options.failOnBreaking,
    },
    io,
  );
}
