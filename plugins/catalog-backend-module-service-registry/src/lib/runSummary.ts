import {
  isUnreadFileFinding,
  redactSecrets,
  RegistryFinding,
  SourcePosition,
  unreadFileReason,
} from '@service-registry/plugin-service-registry-common';
import { credentialIdsSummary } from './credentialIdFindings';
import { LastGoodLoad } from './loadWithLastGoodFiles';
import { CredentialIdLeftOut } from './mapRegistryToEntities';

/**
 * Why a run did not take a file as read, in words for the summary and the held-back findings:
 * "it does not parse at projects/shop/services.toml:4:7", "it holds no table or key; …".
 *
 * @param load - which files the run took at their last good version
 * @param findings - the run's findings (the unread files' own say why they were not read)
 */
export function notTakenReason(
  load: Pick<LastGoodLoad, 'keptEmptied' | 'keptForMisnamed'>,
  findings: readonly RegistryFinding[],
): (file: string) => string {
  const unread = new Map(
    findings.filter(isUnreadFileFinding).map(f => [f.file, f]),
  );
  return file => {
    if (load.keptEmptied.has(file)) {
      return 'it holds no table or key; delete the file to remove its services';
    }
    const misnamedAs = load.keptForMisnamed.get(file);
    if (misnamedAs) {
      return `it is missing, and ${misnamedAs} is there instead: registry file names end in ".toml", in lower case`;
    }
    const finding = unread.get(file);
    if (!finding) return 'it does not parse';
    const reason = `it ${unreadFileReason(finding)}`;
    // a syntax error's place; a file too large or not UTF-8 is wrong as a whole, or says where
    // in its finding
    return finding.code === 'toml/syntax' && finding.line > 0
      ? `${reason} at ${file}:${finding.line}:${finding.column}`
      : reason;
  };
}

/** What a run applied, and what it kept or left out, for its summary. */
export interface RunOutcome {
  /** The entities the run emits. */
  entityCount: number;
  /** The files the run read. */
  fileCount: number;
  /** The entities the mutation writes. */
  written: number;
  /** The entities the mutation removes. */
  removed: number;
  /** The run's findings, errors first. */
  findings: readonly RegistryFinding[];
  /** Which files the run took at their last good version, or left out. */
  load: Pick<LastGoodLoad, 'kept' | 'dropped' | 'keptInvalid'>;
  /** The services and projects whose ids hold a credential, left out by the mapping. */
  leftOut: readonly CredentialIdLeftOut[];
  /** The services kept as ingested, by ref, with where a file not taken declares them now. */
  held: ReadonlyMap<string, SourcePosition>;
  /** The Systems and Groups kept as ingested while services are held back. */
  heldReferences: ReadonlySet<string>;
}

/**
 * The one-line summary of a run, as the status Resource and the log show it: how many entities
 * from how many files, what was written and removed, the first error's place, then what was kept
 * and why. A credential in a path or a ref it names reads `(hidden)`.
 *
 * @param outcome - what the run did
 * @param why - why a file was not taken as read (see {@link notTakenReason})
 */
export function runSummary(
  outcome: RunOutcome,
  why: (file: string) => string,
): string {
  const { load, findings, held, heldReferences } = outcome;
  const parts: string[] = [];
  if (outcome.leftOut.length) parts.push(credentialIdsSummary(outcome.leftOut));
  if (load.keptInvalid.size) {
    parts.push(
      `kept the last good version of ${[...load.keptInvalid]
        .map(
          ([file, first]) =>
            `${file} (it has schema errors, the first at ${file}:${first.line}:${first.column}: ${first.code})`,
        )
        .join(', ')}`,
    );
  }
  if (load.kept.length) {
    parts.push(
      `kept the last good version of ${load.kept
        .map(file => `${file} (${why(file)})`)
        .join(', ')}`,
    );
  }
  if (held.size) {
    parts.push(
      `kept ${[...held]
        .map(
          ([ref, where]) =>
            `${ref} as ingested (now declared at ${where.file}:${where.line}:${where.column})`,
        )
        .join(', ')}`,
    );
  }
  if (heldReferences.size) {
    parts.push(
      `kept ${[...heldReferences].join(
        ', ',
      )} as ingested (no System or Group is removed while services are held back: they may refer to them)`,
    );
  }
  if (load.dropped.length) {
    parts.push(
      `skipped ${load.dropped
        .map(file => `${file} (${why(file)} and has no last good version)`)
        .join(', ')}`,
    );
  }
  const errors = findings.filter(f => f.severity === 'error').length;
  // errors come first: the summary says where to start, not only how many there are
  const firstError = findings[0];
  return redactSecrets(
    [
      `${outcome.entityCount} entities from ${outcome.fileCount} files`,
      `${outcome.written} written, ${outcome.removed} removed`,
      ...(errors
        ? [
            `${errors} errors in the registry${
              firstError.file
                ? `, the first at ${redactSecrets(firstError.file)}:${
                    firstError.line
                  }:${firstError.column} (${firstError.code})`
                : ''
            }`,
          ]
        : []),
      ...parts,
    ].join('; '),
  );
}
