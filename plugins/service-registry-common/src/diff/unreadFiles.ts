import {
  isUnreadFileFinding,
  TOML_SYNTAX_CODE,
  unreadFileReason,
} from '../load/unreadFileFinding';
import {
  LoadedRegistry,
  RegistryFinding,
  SourcePosition,
} from '../model/types';

/**
 * A file of a registry that contributed nothing to it, and why (see `UnreadHeadFile`,
 * `UnreadBaseFile`).
 *
 * @public
 */
export interface UnreadFileFacts {
  /** The file, relative to the registry root. */
  file: string;
  /** The code of the side's finding: `toml/syntax` or `toml/file-too-large`. */
  code: string;
  /** Why it contributed nothing, as a predicate after the file's name (`does not parse`). */
  reason: string;
  /** Where the finding is: the parser's line and column, line 1 column 1 for a file not read. */
  position: SourcePosition;
}

/**
 * The files of a registry that contributed nothing to it (`failedFiles`: they do not parse, or
 * were not read for their size), each with what its first such finding says, in `failedFiles`
 * order. The findings are read once, whatever the number of files.
 *
 * @param registry - a loaded registry (one side of a diff, the registry an action edits)
 * @public
 */
export function unreadFilesOf(registry: LoadedRegistry): UnreadFileFacts[] {
  const failed = new Set(registry.failedFiles);
  const findings = new Map<string, RegistryFinding>();
  for (const finding of registry.findings) {
    if (
      isUnreadFileFinding(finding) &&
      failed.has(finding.file) &&
      !findings.has(finding.file)
    ) {
      findings.set(finding.file, finding);
    }
  }
  return registry.failedFiles.map(file => {
    const finding = findings.get(file);
    const code = finding?.code ?? TOML_SYNTAX_CODE;
    return {
      file,
      code,
      reason: unreadFileReason({ code }),
      position: {
        file,
        line: finding?.line ?? 1,
        column: finding?.column ?? 1,
      },
    };
  });
}
