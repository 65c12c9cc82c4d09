import path from 'node:path';
import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { hidesCredential, shownPath } from './shownPaths';

function escapeData(s: string) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string) {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** How many annotations of each kind (error, warning, notice) GitHub shows for a step. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

const COMMAND: Record<RegistryFinding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which show the
 * findings as annotations on the pull request's changed files; one whose `file` is empty is written
 * without a file, line and column, as an annotation of the run. So is one whose path holds a
 * credential (a project folder named with a URL and its password, or with a token; or a path
 * whose credential is `(hidden)` already): no `file=` holds it, and the message starts with where
 * the file is, the credential replaced by `(hidden)`.
 *
 * @param options - `root`: the registry root relative to the repository root (`annotationRoot`),
 *   which the findings' paths are joined to
 */
export function formatFindingsGithub(
  findings: RegistryFinding[],
  options: { root: string },
): string {
  return findings
    .map(f => {
      const command = COMMAND[f.severity];
      const title = `title=${escapeProperty(f.code)}`;
      // without a file: on the run, not on a line
      if (!f.file) return `::${command} ${title}::${escapeData(f.message)}\n`;
      const file = path.posix.join(options.root || '.', f.file);
      if (hidesCredential(file)) {
        // on the run: a file= would show the credential, and a redacted one names no file
        return `::${command} ${title}::${escapeData(
          `${shownPath(file)}:${f.line}:${
            f.column
          } (on the run, not on the file: its path holds a credential) ${
            f.message
          }`,
        )}\n`;
      }
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        title,
      ].join(',');
      return `::${command} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');
}

/**
 * A notice (`::notice title=service-registry::…`) when there are more findings of a kind than
 * GitHub shows for a step ({@link GITHUB_ANNOTATIONS_PER_KIND}): how many there are, and where all
 * of them are. Empty when GitHub shows them all. It comes before the annotations, so that it is
 * shown even when there are many notices.
 *
 * @param findings - every finding annotated by the step
 * @param order - what comes first among those shown, e.g. `those this change brings first`
 */
export function annotationLimitNotice(
  findings: RegistryFinding[],
  order?: string,
): string {
  const counts = (['error', 'warning', 'info'] as const).map(severity => ({
    severity,
    n: findings.filter(f => f.severity === severity).length,
  }));
  if (counts.every(c => c.n <= GITHUB_ANNOTATIONS_PER_KIND)) return '';
  const names = { error: 'error', warning: 'warning', info: 'notice' };
  const total = counts
    .filter(c => c.n > 0)
    .map(c => `${c.n} ${names[c.severity]}${c.n === 1 ? '' : 's'}`)
    .join(', ');
  return `::notice title=service-registry::${escapeData(
    `${total}: GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} annotations of each kind per step${
      order ? `, ${order}` : ''
    }; the step's log (and the report) lists them all.`,
  )}\n`;
}

/**
 * One notice (`::notice title=Required approvals (N)::…`) listing who must approve the change by
 * the policies' `[change_control]`, one approver a line with what they approve; empty when no
 * approval is required. It names no file: a change's approvals span files, and a notice without a
 * file shows on the run's summary.
 *
 * @param approvals - each approver with its reasons in words
 */
export function requiredApprovalsNotice(
  approvals: { approver: string; reasons: string[] }[],
): string {
  if (approvals.length === 0) return '';
  const lines = approvals.map(
    ({ approver, reasons }) => `${approver}: ${reasons.join('; ')}`,
  );
  return `::notice title=${escapeProperty(
    `Required approvals (${approvals.length})`,
  )}::${escapeData(lines.join('\n'))}\n`;
}

/**
 * The change's type and risk as one notice on the run (`::notice title=Change type::breaking
 * change, high risk (…)`), for the reviewers and a step that labels the pull request; nothing for
 * a change of nothing.
 *
 * @param description - the type in words (`describeChangeType`); undefined for no change
 */
export function changeTypeNotice(description: string | undefined): string {
  if (description === undefined) return '';
  return `::notice title=${escapeProperty('Change type')}::${escapeData(
    description,
  )}\n`;
}

/**
 * A warning on the run (`::warning title=service-registry::…`), naming no file: for what no line
 * of head's files shows, e.g. a file of base that could not be read.
 *
 * @param message - the warning, in words
 */
export function runWarning(message: string): string {
  return `::warning title=service-registry::${escapeData(message)}\n`;
}
