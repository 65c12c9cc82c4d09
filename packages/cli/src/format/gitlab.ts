import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { findingFingerprints } from './findingFingerprints';
import { repositoryPath } from './repositoryPath';

/** Severities of GitLab's Code Quality report. */
export type GitlabSeverity =
  | 'info'
  | 'minor'
  | 'major'
  | 'critical'
  | 'blocker';

/** One issue of a GitLab Code Quality report (the Code Climate issue format GitLab reads). */
export interface GitlabCodeQualityIssue {
  /** The finding's message. */
  description: string;
  /** The finding's code, e.g. `dependency/missing-required`. */
  check_name: string;
  /**
   * Identifies the issue from one pipeline to the next (GitLab compares the merge request's
   * report with its target's by fingerprint): see `findingFingerprints`.
   */
  fingerprint: string;
  severity: GitlabSeverity;
  location: {
    /** Relative to the root of the git repository. */
    path: string;
    /** Line and column, 1-based; GitLab shows the line. */
    positions: { begin: { line: number; column: number } };
  };
}

/** An error is `major`, as linters' GitLab reports rank theirs; a warning `minor`. */
const SEVERITY: Record<RegistryFinding['severity'], GitlabSeverity> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

/**
 * Findings as a GitLab Code Quality report (`artifacts:reports:codequality`), which shows them in
 * the merge request's widget and beside the changed lines of its diff, with what the merge request
 * brings and fixes against its target branch.
 *
 * Each path is relative to the root of the git repository the registry is in, as the `github`
 * format's (`root`, from `annotationRoot`); a path that holds a credential is written with it
 * `(hidden)`, as everywhere else. A finding without a file (about the registry as a whole) is put
 * at the registry's root folder, line 1. The fingerprints are {@link findingFingerprints}'.
 *
 * @param findings - in the order they are reported
 * @param options - `root`: the registry root relative to the repository root
 */
export function gitlabCodeQuality(
  findings: RegistryFinding[],
  options: { root: string },
): GitlabCodeQualityIssue[] {
  const fingerprint = findingFingerprints();
  return findings.map(f => {
    const file = repositoryPath(f.file, options.root);
    return {
      description: f.message,
      check_name: f.code,
      fingerprint: fingerprint({
        code: f.code,
        path: file,
        message: f.message,
      }),
      severity: SEVERITY[f.severity],
      location: {
        path: file,
        positions: {
          begin: {
            line: f.file ? f.line : 1,
            column: f.file ? f.column : 1,
          },
        },
      },
    };
  });
}

/**
 * {@link gitlabCodeQuality} as the document the CLI prints: a JSON array, with a newline at its end.
 *
 * @param findings - in the order they are reported
 * @param options - `root`: the registry root relative to the repository root
 */
export function formatFindingsGitlab(
  findings: RegistryFinding[],
  options: { root: string },
): string {
  return `${JSON.stringify(gitlabCodeQuality(findings, options), null, 2)}\n`;
}
