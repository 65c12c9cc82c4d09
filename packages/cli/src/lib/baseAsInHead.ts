import path from 'node:path';
import {
  isUnreadFileFinding,
  LoadedRegistry,
  loadRegistry,
  RegistryFileInput,
  SourcePosition,
  TOML_SYNTAX_CODE,
  unreadFileReason,
} from '@service-registry/plugin-service-registry-common';

/**
 * A file of base that contributed nothing to it: it does not parse (`toml/syntax`) or was not
 * read because it is above the size limit (`toml/file-too-large`). The diff cannot tell what
 * changed in it, so it reads head's version of the file in base: what head's file declares is
 * neither added nor changed, and brings no breaking change (the mirror of `UnreadHeadFile`).
 */
export interface UnreadBaseFile {
  /** The file, relative to the registry root. */
  file: string;
  /** The code of base's finding: `toml/syntax` or `toml/file-too-large`. */
  code: string;
  /** Why it contributed nothing, as a predicate after the file's name (`does not parse`). */
  reason: string;
  /** Where base's finding is: the parser's line and column, line 1 column 1 for a file not read. */
  position: SourcePosition;
  /**
   * Whether head has a version of the file that it read, which the diff took in base's place.
   * False when head deleted the file, or cannot read it either: what it declares is then in
   * neither side of the diff.
   */
  comparedAsInHead: boolean;
  /**
   * The services head's version of the file declares (a project's overrides of global services
   * included), sorted: those the diff did not compare. Empty when it declares none.
   */
  services: string[];
}

/** The services a file of the registry declares, its project's overrides included, sorted. */
function servicesDeclaredIn(registry: LoadedRegistry, file: string): string[] {
  const ids = new Set<string>();
  for (const [id, service] of registry.services) {
    if (service.source.file === file) ids.add(id);
  }
  for (const views of registry.overrides.values()) {
    for (const [id, view] of views) {
      if (view.source.file === file) ids.add(id);
    }
  }
  return [...ids].sort();
}

/**
 * Base as the diff compares it: each file of base that contributed nothing (it does not parse,
 * or was not read for its size) is read as head has it, so that what it declares is not taken
 * for added, nor a change to it for breaking, when nothing can be known about it. Base's
 * findings stay as they were (the syntax error is still reported on stderr).
 *
 * @param base - base as loaded from `baseFiles`
 * @param baseFiles - the files base was loaded from
 * @param head - head as loaded from `headFiles`
 * @param headFiles - the files head was loaded from
 * @returns base itself when every file of base was read (the usual case), else base loaded
 *   again with head's versions of its unread files, and those files
 */
export function baseAsInHead(
  base: LoadedRegistry,
  baseFiles: readonly RegistryFileInput[],
  head: LoadedRegistry,
  headFiles: readonly RegistryFileInput[],
): { base: LoadedRegistry; unread: UnreadBaseFile[] } {
  if (base.failedFiles.length === 0) return { base, unread: [] };
  const failed = new Set(base.failedFiles);
  const headFailed = new Set(head.failedFiles);
  const readInHead = new Map(
    headFiles
      .filter(file => !headFailed.has(file.path))
      .map(file => [file.path, file]),
  );
  const unread = base.failedFiles.map((file): UnreadBaseFile => {
    const finding = base.findings.find(
      f => f.file === file && isUnreadFileFinding(f),
    );
    const code = finding?.code ?? TOML_SYNTAX_CODE;
    const inHead = readInHead.has(file);
    return {
      file,
      code,
      reason: unreadFileReason({ code }),
      position: {
        file,
        line: finding?.line ?? 1,
        column: finding?.column ?? 1,
      },
      comparedAsInHead: inHead,
      services: inHead ? servicesDeclaredIn(head, file) : [],
    };
  });
  const replacements = unread.flatMap(u =>
    u.comparedAsInHead ? [readInHead.get(u.file)!] : [],
  );
  if (replacements.length === 0) return { base, unread };
  return {
    base: loadRegistry([
      ...baseFiles.filter(file => !failed.has(file.path)),
      ...replacements,
    ]),
    unread,
  };
}

/** At most this many services of a file are named; the others are counted. */
const MAX_NAMED_SERVICES = 10;

/**
 * A file of base that contributed nothing, for people, at its `file:line:column`: `In base,
 * main:reg/projects/shop/services.toml:3:7 does not parse: its services shop-api, shop-web are not
 * compared (they are taken as head has them), so a breaking change to them is not reported.`
 *
 * @param unread - the file
 * @param root - what the file's path is joined to (`<ref>:<dir>`, a directory), or undefined for
 *   the path relative to the registry root
 * @param format - how the location and service ids are written (the markdown report uses inline
 *   code)
 * @param note - what the root is, said after the location (`the merge base of main and HEAD`)
 */
export function describeUnreadBaseFile(
  unread: UnreadBaseFile,
  root: string | undefined,
  format: (text: string) => string = text => text,
  note?: string,
): string {
  const file = root === undefined ? unread.file : path.join(root, unread.file);
  const where = `${format(
    `${file}:${unread.position.line}:${unread.position.column}`,
  )}${note ? ` (${note})` : ''}`;
  const base = `In base, ${where} ${unread.reason}`;
  if (!unread.comparedAsInHead) {
    return `${base}: head has no version of it that was read either, so what it declares is left out of the diff.`;
  }
  const { services } = unread;
  const named = services.slice(0, MAX_NAMED_SERVICES).map(format).join(', ');
  let subject = 'what it declares is';
  if (services.length > MAX_NAMED_SERVICES) {
    subject = `its ${services.length} services ${named} and ${
      services.length - MAX_NAMED_SERVICES
    } more are`;
  } else if (services.length > 1) {
    subject = `its services ${named} are`;
  } else if (services.length === 1) {
    subject = `its service ${named} is`;
  }
  const them = services.length > 1 ? 'them' : 'it';
  return `${base}: ${subject} not compared (taken as head has ${them}), so a breaking change to ${them} is not reported.`;
}
