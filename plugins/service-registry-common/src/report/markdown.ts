import { classifyChange } from '../diff/changeType';
import { describeChangeType } from './changeTypeText';
import { needsMigrationGuide } from '../diff/migrationGuideOf';
import {
  BreakingChange,
  FeatureRelease,
  OptionalConsumer,
  RegistryDiff,
  RequiredApproval,
  SlaImpact,
} from '../diff/types';
import { ImpactReport } from '../graph/types';
import { RegistryFinding } from '../model/types';
import { describeApprovalReason } from './approvalReason';
import { describeFieldValueChange } from './fieldValueChange';
import { describeChangeSubject } from './changeSubject';
import { describeUnreadHeadFile } from './unreadHeadFile';
import { MarkdownReportLimits } from './fitMarkdown';
import { cell, code, codeCell, linkTarget, plural } from './markdownText';
import { bySeverity } from '../validation/bySeverity';

const ICON: Record<RegistryFinding['severity'], string> = {
  error: '🔴 error',
  warning: '🟡 warning',
  info: '🔵 info',
};

function count(
  findings: RegistryFinding[],
  severity: RegistryFinding['severity'],
) {
  return findings.filter(f => f.severity === severity).length;
}

/**
 * Options of the markdown renderers.
 *
 * @public
 */
export interface MarkdownReportOptions extends MarkdownReportLimits {
  /** Heading of the report. */
  title?: string;
  /**
   * Turns a finding's `file:line` into a link (e.g. to the file on GitHub); plain text when
   * omitted.
   */
  fileLink?(file: string, line: number): string | undefined;
  /**
   * Markdown paragraphs said after the changes, before the breaking changes: what a caller knows
   * limits the comparison (the CLI's `diff` names the files of base it could not read). One
   * paragraph each.
   */
  changeNotes?: readonly string[];
  /**
   * How many of the findings the change brings (see `introducedFindings`), said after the
   * verdict: the others were there before it. Omitted: not said.
   */
  introduced?: { errors: number; warnings: number };
}

function findingsSection(
  findings: RegistryFinding[],
  options: MarkdownReportOptions,
): string[] {
  const errors = count(findings, 'error');
  const warnings = count(findings, 'warning');
  const lines: string[] = [];
  if (findings.length === 0) {
    lines.push('✅ No findings: the registry is valid.', '');
    return lines;
  }
  lines.push(
    `${errors ? '❌' : '⚠️'} ${plural(errors, 'error')}, ${plural(
      warnings,
      'warning',
    )}${
      findings.length - errors - warnings
        ? `, ${plural(findings.length - errors - warnings, 'info')}`
        : ''
    }.${
      options.introduced
        ? ` This change brings ${plural(
            options.introduced.errors,
            'error',
          )} and ${plural(
            options.introduced.warnings,
            'warning',
          )} of them; the others were there before it.`
        : ''
    }`,
    '',
    '| severity | where | service | finding | code |',
    '| --- | --- | --- | --- | --- |',
  );
  const max = options.maxFindings ?? 200;
  const ordered = [...findings].sort(bySeverity);
  for (const f of ordered.slice(0, max)) {
    const where = `${f.file}:${f.line}:${f.column}`;
    const link = options.fileLink?.(f.file, f.line);
    lines.push(
      `| ${ICON[f.severity]} | ${
        link ? `[${codeCell(where)}](${link})` : codeCell(where)
      } | ${f.service ? codeCell(f.service) : ''} | ${cell(
        f.message,
      )} | ${codeCell(f.code)} |`,
    );
  }
  if (findings.length > max) {
    lines.push('', `… and ${findings.length - max} more findings.`);
  }
  lines.push('');
  return lines;
}

/**
 * Validation findings as markdown (a PR comment or a job summary): a one-line verdict and a table
 * sorted by severity, each finding with its `file:line:column`.
 *
 * @public
 */
export function renderFindingsMarkdown(
  findings: RegistryFinding[],
  options: MarkdownReportOptions = {},
): string {
  const lines = [`## ${options.title ?? 'Service registry validation'}`, ''];
  lines.push(...findingsSection(findings, options));
  return `${lines.join('\n')}\n`;
}

/**
 * An impact report as markdown: every affected service grouped by project, with its depth; past
 * `maxListedServices` services a project (in the report's order, nearest first), the others
 * counted under the project's table.
 *
 * @public
 */
export function renderImpactMarkdown(
  impact: ImpactReport,
  options: Pick<MarkdownReportLimits, 'maxListedServices'> = {},
): string {
  const max = options.maxListedServices ?? Infinity;
  const lines = [
    `## Impact of a change to ${code(impact.service)}`,
    '',
    impact.counts.services === 0
      ? 'Nothing depends on it.'
      : `${plural(impact.counts.services, 'service')} in ${plural(
          impact.counts.projects,
          'project',
        )} depend on it (${impact.counts.direct} directly, ${
          impact.counts.transitive
        } transitively).`,
    '',
  ];
  for (const group of impact.byProject) {
    lines.push(
      `### ${
        group.project ? `Project ${code(group.project)}` : 'Global services'
      }`,
      '',
    );
    if (max === 0) {
      lines.push(`${plural(group.services.length, 'service')}.`, '');
      continue;
    }
    lines.push(
      '| service | depth | via | owner |',
      '| --- | --- | --- | --- |',
    );
    for (const s of group.services.slice(0, max)) {
      lines.push(
        `| ${codeCell(s.id)} | ${s.depth} | ${codeCell(s.via)} | ${
          s.owner ? cell(s.owner) : ''
        } |`,
      );
    }
    const rest = group.services.length - Math.min(max, group.services.length);
    if (rest > 0) {
      lines.push(
        '',
        `… and ${plural(rest, 'more service')} ${
          group.project ? 'in this project' : 'among the global services'
        }.`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** The migration guide cell of a breaking change that needs one and names none. */
const NO_GUIDE = '❌ none';

/**
 * A breaking change's migration guide as a table cell: a link, `❌ none` when the changed service
 * names none, a dash for a change that needs none (`dependency-removed`).
 */
function guideCell(change: BreakingChange): string {
  if (!needsMigrationGuide(change.kind)) return '—';
  if (change.migrationGuide === undefined) return NO_GUIDE;
  return `[guide](${linkTarget(change.migrationGuide)})`;
}

/** How the change report names the consumers that use a changed service optionally. */
const OPTIONAL_HEADING = 'optional consumers (degrade, not break)';

/** `` `c`, `opt` (`p`) ``: optional consumers, with the project they are used in. */
function describeOptionalConsumers(consumers: OptionalConsumer[]): string {
  return consumers
    .map(c =>
      c.project === null
        ? codeCell(c.id)
        : `${codeCell(c.id)} (${codeCell(c.project)})`,
    )
    .join(', ');
}

const GLOBAL = '(global)';

/** Adds a service to the set of its project (`(global)` for none). */
function addByProject(
  groups: Map<string, Set<string>>,
  service: { id: string; project: string | null },
): void {
  const key = service.project ?? GLOBAL;
  const set = groups.get(key) ?? new Set<string>();
  set.add(service.id);
  groups.set(key, set);
}

/**
 * `` - `p`: `a`, `b` `` lines, by project, `Global services` for none; past `max` services a
 * project, the others counted (`` `a`, `b` and 3 more ``, or `5 services` for a `max` of 0).
 */
function byProjectList(
  groups: Map<string, Set<string>>,
  max = Infinity,
): string[] {
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([project, services]) => {
      const sorted = [...services].sort();
      const listed = sorted.slice(0, max).map(code).join(', ');
      const rest = sorted.length - Math.min(max, sorted.length);
      let names = listed;
      if (rest > 0) {
        names = listed ? `${listed} and ${rest} more` : plural(rest, 'service');
      }
      return `- ${
        project === GLOBAL ? 'Global services' : code(project)
      }: ${names}`;
    });
}

/**
 * The consumed services whose SLA gets weaker than what consumers requiring them promise (a
 * warning, not a breaking change); nothing when there are none.
 */
function slaImpactSection(impacts: readonly SlaImpact[] | undefined): string[] {
  if (!impacts || impacts.length === 0) return [];
  const lines = [
    '### SLA impact',
    '',
    `⚠️ ${plural(impacts.length, 'service')} ${
      impacts.length === 1 ? 'gets' : 'get'
    } a weaker SLA than consumers that require ${
      impacts.length === 1 ? 'it' : 'them'
    } promise (a warning, not a breaking change).`,
    '',
    '| service | what got weaker | consumers promising more | affected projects |',
    '| --- | --- | --- | --- |',
  ];
  for (const impact of impacts) {
    const consumers = impact.consumers
      .map(
        c =>
          `${codeCell(c.id)}${
            c.project === null ? '' : ` in ${codeCell(c.project)}`
          } (${cell(
            c.shortfalls.map(f => `${f.target} ${f.consumer}`).join(', '),
          )})`,
      )
      .join(', ');
    lines.push(
      `| ${describeChangeSubject(impact, codeCell)} | ${cell(
        impact.changes
          .map(c => `${c.target} ${c.before} → ${c.after}`)
          .join(', '),
      )} | ${consumers} | ${
        impact.affectedProjects.map(codeCell).join(', ') || '—'
      } |`,
    );
  }
  lines.push('');
  return lines;
}

/**
 * The releases that bring features to services whose lifecycle stage takes fixes only (a
 * warning, not a breaking change); nothing when there are none.
 */
function featureReleaseSection(releases: readonly FeatureRelease[]): string[] {
  if (releases.length === 0) return [];
  return [
    '### Lifecycle',
    '',
    releases.length === 1
      ? '⚠️ 1 release brings features to a service that takes fixes only (a warning, not a breaking change).'
      : `⚠️ ${releases.length} releases bring features to services that take fixes only (warnings, not breaking changes).`,
    '',
    ...releases.map(
      release =>
        `- ${describeChangeSubject(release, code)}: ${cell(release.message)}`,
    ),
    '',
  ];
}

/**
 * Who must approve the change (the policies' `[change_control]` and the breaking changes'
 * approvers), each with what it must approve; nothing when no change needs an approval.
 */
function requiredApprovalsSection(
  approvals: readonly RequiredApproval[] | undefined,
): string[] {
  if (!approvals || approvals.length === 0) return [];
  return [
    '### Required approvals',
    '',
    ...approvals.map(
      ({ approver, reasons }) =>
        `- ${code(approver)}: ${reasons
          .map(reason => describeApprovalReason(reason, code))
          .join('; ')}`,
    ),
    '',
  ];
}

/**
 * The change report of a registry pull request: validation of the new version, what changed,
 * the breaking changes with the services and projects they affect, the consumers that use the
 * changed services optionally (listed apart: the change degrades them rather than breaks them),
 * who must approve them, the SLA impact: consumed services whose SLA gets weaker than what
 * consumers requiring them promise (a warning, not a breaking change), the lifecycle: releases
 * that bring features to services in maintenance or deprecated (a warning too), and the required
 * approvals: each approver the policies' `[change_control]` and the breaking changes name, with
 * the breaking changes, version bumps, configuration changes, project changes and policy changes
 * it must approve. The changes name the changed declarations of projects (a changed tier with
 * the services that take it) and the changed keys of the policies, with their values. A change
 * to a project's override of a global service is named as such (its heading reads
 * "`shared-auth` in project `pa` (override)"), apart from a change of the global declaration. A file of head that does not
 * parse (or was not read for its size) is named under the changes, with the services compared as
 * in base in its place.
 *
 * @public
 */
export function renderChangeReportMarkdown(
  input: { findings: RegistryFinding[]; diff: RegistryDiff },
  options: MarkdownReportOptions = {},
): string {
  const { findings, diff } = input;
  const lines = [`## ${options.title ?? 'Service registry change report'}`, ''];

  lines.push('### Validation', '');
  lines.push(...findingsSection(findings, options));

  lines.push('### Changes', '');
  const classification = classifyChange(diff);
  if (classification.type !== 'none') {
    lines.push(
      `**Change type:** ${describeChangeType(classification, code)}.`,
      '',
    );
  }
  const { projectChanges, policyChanges } = diff;
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) {
    lines.push('No service changed.', '');
  } else {
    if (diff.added.length)
      lines.push(`- Added: ${diff.added.map(code).join(', ')}`);
    if (diff.removed.length)
      lines.push(`- Removed: ${diff.removed.map(code).join(', ')}`);
    for (const change of diff.changed) {
      const fields = change.changes.map(c => code(c.path)).join(', ');
      lines.push(`- Changed ${describeChangeSubject(change, code)}: ${fields}`);
    }
    lines.push('');
  }
  // the declarations of projects and the policies: the rules the services are judged by
  for (const change of projectChanges) {
    const fields = change.changes
      .map(c => describeFieldValueChange(c, code))
      .join(', ');
    const taken = change.tierInheritedBy.length
      ? `; the tier is taken by ${change.tierInheritedBy.map(code).join(', ')}`
      : '';
    lines.push(`- Changed project ${code(change.project)}: ${fields}${taken}`);
  }
  if (policyChanges.length) {
    lines.push(
      `- Changed policies: ${policyChanges
        .map(c => describeFieldValueChange(c, code))
        .join(', ')}`,
    );
  }
  if (projectChanges.length || policyChanges.length) lines.push('');
  // files head could not read: compared as in base, not removed
  for (const unread of diff.unreadHeadFiles ?? []) {
    lines.push(`⚠️ ${describeUnreadHeadFile(unread, code)}`, '');
  }
  for (const note of options.changeNotes ?? []) lines.push(note, '');

  lines.push('### Breaking changes', '');
  if (diff.breakingChanges.length === 0) {
    lines.push('✅ None.', '');
  } else {
    lines.push(
      `⚠️ ${plural(diff.breakingChanges.length, 'breaking change')}.`,
      '',
      `| service | change | affected services | affected projects | ${OPTIONAL_HEADING} | approvers | migration guide |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const change of diff.breakingChanges) {
      lines.push(
        `| ${describeChangeSubject(change, codeCell)} | ${cell(
          change.message,
        )} | ${change.impact.counts.services} (${
          change.impact.counts.direct
        } direct) | ${
          change.affectedProjects.map(codeCell).join(', ') || '—'
        } | ${describeOptionalConsumers(change.optionalConsumers) || '—'} | ${
          change.approvers.map(cell).join(', ') || '—'
        } | ${guideCell(change)} |`,
      );
    }
    lines.push('');
    const unguided = [
      ...new Set(
        diff.breakingChanges
          .filter(c => guideCell(c) === NO_GUIDE)
          .map(c => describeChangeSubject(c, code)),
      ),
    ];
    if (unguided.length) {
      lines.push(
        `⚠️ No migration guide (\`migration.guide_url\`) for ${unguided.join(
          ', ',
        )}: their consumers need one to know how to move (seed 000 asks a migration path for every breaking change).`,
        '',
      );
    }
    const affected = new Map<string, Set<string>>();
    const optional = new Map<string, Set<string>>();
    for (const change of diff.breakingChanges) {
      for (const s of change.impact.services) addByProject(affected, s);
      for (const c of change.optionalConsumers) addByProject(optional, c);
    }
    if (affected.size) {
      lines.push('#### Impacted projects', '');
      lines.push(...byProjectList(affected, options.maxListedServices), '');
    }
    if (optional.size) {
      lines.push(
        `#### ${
          OPTIONAL_HEADING.charAt(0).toUpperCase() + OPTIONAL_HEADING.slice(1)
        }`,
        '',
        'They use a changed service through `dependencies.optional`: the change degrades them rather than breaks them.',
        '',
      );
      lines.push(...byProjectList(optional, options.maxListedServices), '');
    }
  }
  lines.push(...slaImpactSection(diff.slaImpacts));
  lines.push(...featureReleaseSection(diff.featureReleases));
  lines.push(...requiredApprovalsSection(diff.requiredApprovals));
  return `${lines.join('\n')}\n`;
}
