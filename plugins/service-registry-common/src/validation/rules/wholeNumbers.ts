import {
  classifyRegistryFile,
  projectOfPath,
  RegistryFileKind,
} from '../../load/classifyFile';
import { positionIndex } from '../../load/filePositions';
import { sourceFilesOf } from '../../load/sourceFiles';
import { joinKeyPath, KeyPathPart } from '../../load/keyPath';
import { RegistryFinding } from '../../model/types';
import {
  APOSTROPHE,
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  CR,
  DOT,
  EQUALS,
  HASH,
  isBareKeyChar,
  LF,
  QUOTE,
  SPACE,
  TAB,
} from '../../load/tomlChars';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { ValidationContext } from '../types';

/** What a key that must be a TOML integer is, and what its message expects. */
interface WholeNumberKey {
  /** Whose key it is: a service's (under `[service.<id>]`) or the policies' (a top-level table). */
  of: 'service' | 'policy';
  /** The file kinds that hold it (`classifyRegistryFile`). */
  files: ReadonlySet<RegistryFileKind['kind'] | 'monitoring'>;
  /** What the value must be, for the message. */
  expected: string;
}

const SERVICE_FILES = new Set(['catalog', 'project'] as const);

/**
 * The keys whose value must be a TOML integer, by their path: relative to the service for a
 * service's key, from the file's root for a policy's.
 */
const WHOLE_NUMBER_KEYS: ReadonlyMap<string, WholeNumberKey> = new Map([
  [
    'port',
    {
      of: 'service',
      files: SERVICE_FILES,
      expected:
        'an integer between 1 and 65535, without quotes (e.g. port = 8080)',
    },
  ],
  [
    'governance.break_changes_notice',
    {
      of: 'service',
      files: SERVICE_FILES,
      expected: 'a whole number of days, without quotes (e.g. 30)',
    },
  ],
  [
    'metrics.active_users_threshold',
    {
      of: 'service',
      files: new Set(['monitoring'] as const),
      expected: 'a whole number of at least 0, without quotes',
    },
  ],
  [
    'change_control.migration_window_days',
    {
      of: 'policy',
      files: new Set(['policy'] as const),
      expected:
        'a whole number of days of at least 1, without quotes (e.g. migration_window_days = 180)',
    },
  ],
  [
    'change_control.beta_change_notice_days',
    {
      of: 'policy',
      files: new Set(['policy'] as const),
      expected:
        'a whole number of days of at least 0, without quotes (e.g. beta_change_notice_days = 14)',
    },
  ],
]);

/** The file kinds that hold any of those keys. */
const FILE_KINDS: ReadonlySet<string> = new Set(
  [...WHOLE_NUMBER_KEYS.values()].flatMap(key => [...key.files]),
);

/**
 * Whether a text may hold one of those keys given a number written as a float (`8080.0`,
 * `8.08e3`, `inf`): the key's name, in quotes or not, then `=` and such a number. The parser
 * hands `8080.0` over as the same number as `8080`, so only the text shows it. A cheap search
 * of the whole text that also matches in comments and strings: a file it matches is then read
 * key by key with its key positions (see {@link floatWrittenAt}); one it does not match (a valid
 * registry's) is not scanned.
 */
const FLOAT_CANDIDATE =
  /(?:port|break_changes_notice|active_users_threshold|migration_window_days|beta_change_notice_days)["']?[ \t]*=[ \t]*[+-]?(?:[0-9][0-9_]*(?:\.[0-9]|[eE])|inf|nan)/;

/** A TOML decimal integer or float, as written (`8080`, `+8080.00`, `3e1`, `inf`). */
const DECIMAL_NUMBER =
  /^[+-]?(?:[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?|inf|nan)$/;

const isFloatText = (value: string) => /[.eE]|inf|nan/.test(value);

/** Ends of the text of a scalar value: blanks, `,` `]` `}` `#` and the line end. */
function isValueEnd(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === CR ||
    c === LF ||
    c === COMMA ||
    c === CLOSE_BRACKET ||
    c === CLOSE_BRACE ||
    c === HASH
  );
}

/** The first position at or after `at` that is not a space or a tab. */
function skipBlanks(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/** The end of a quoted key part at its opening quote, or -1 if it does not close on its line. */
function quotedKeyEnd(text: string, at: number, quote: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === LF) return -1;
    if (c === BACKSLASH && quote === QUOTE) i++;
  }
  return -1;
}

/**
 * The key written at `at` (a key of a `key = value` line or of an inline table, dotted or not,
 * its parts bare or quoted, blanks around the dots), when its value is a number written as a
 * float: where its last part starts, and the value as written. Else undefined.
 */
function floatWrittenAt(
  text: string,
  at: number,
): { keyAt: number; value: string } | undefined {
  let i = at;
  let keyAt = at;
  for (;;) {
    i = skipBlanks(text, i);
    keyAt = i;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      i = quotedKeyEnd(text, i, c);
      if (i === -1) return undefined;
    } else {
      while (i < text.length && isBareKeyChar(text.charCodeAt(i))) i++;
      if (i === keyAt) return undefined;
    }
    i = skipBlanks(text, i);
    if (text.charCodeAt(i) !== DOT) break;
    i++;
  }
  if (text.charCodeAt(i) !== EQUALS) return undefined;
  const valueStart = skipBlanks(text, i + 1);
  let end = valueStart;
  while (end < text.length && !isValueEnd(text.charCodeAt(end))) end++;
  const value = text.slice(valueStart, end);
  return DECIMAL_NUMBER.test(value) && isFloatText(value)
    ? { keyAt, value }
    : undefined;
}

/** The value at a path of a parsed document, or undefined. */
function valueAt(table: unknown, path: readonly KeyPathPart[]): unknown {
  let current = table;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The offset of the start of each line of a text (index 0: line 1). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (
    let nl = text.indexOf('\n');
    nl !== -1;
    nl = text.indexOf('\n', nl + 1)
  ) {
    starts.push(nl + 1);
  }
  return starts;
}

/** The kind of a registry file for this rule: a project's monitoring file apart from its services. */
function fileKindOf(path: string): RegistryFileKind['kind'] | 'monitoring' {
  const kind = classifyRegistryFile(path);
  if (kind.kind === 'project' && kind.file === 'monitoring')
    return 'monitoring';
  if (kind.kind === 'project' && kind.file !== 'services') return 'unknown';
  return kind.kind;
}

/**
 * The finding's message for a key written as a float; in a project's file, it names the project
 * unless the service is the project's own.
 */
function messageOf(
  key: WholeNumberKey,
  path: KeyPathPart[],
  project: string | undefined,
  value: string,
  ctx: ValidationContext,
): string {
  const got = `got ${value} (a float: write it without the decimal point)`;
  if (key.of === 'policy') {
    return `Policies: ${path.join('.')} must be ${key.expected}, ${got}.`;
  }
  const [, service, ...rest] = path;
  // as other findings: a project's own service is named alone, a project's view of another
  // (an override of a global service) with its project
  const where =
    project === undefined ||
    ctx.registry.services.get(String(service))?.project === project
      ? ''
      : `In project ${quoted(project)}: `;
  return `${where}${serviceLabel(String(service))}: ${rest.join('.')} must be ${
    key.expected
  }, ${got}.`;
}

/**
 * The key a path names in `WHOLE_NUMBER_KEYS`, if any (joined as key paths are, so that a quoted
 * key holding a dot, `"governance.break_changes_notice"`, is not taken for the dotted key).
 */
function wholeNumberKeyOf(path: KeyPathPart[]): WholeNumberKey | undefined {
  if (path[0] === 'service' && typeof path[1] === 'string') {
    const key = WHOLE_NUMBER_KEYS.get(joinKeyPath(path.slice(2)));
    if (key?.of === 'service') return key;
  }
  const key = WHOLE_NUMBER_KEYS.get(joinKeyPath(path));
  return key?.of === 'policy' ? key : undefined;
}

/**
 * `schema/invalid-type` (error): a key the contract types as an integer written as a float
 * (`port = 8080.0`): a service's `port` and `governance.break_changes_notice`, a monitoring
 * file's `metrics.active_users_threshold`, and the policies' `change_control.migration_window_days`.
 * Tools that read the registry with typed TOML parsers refuse a float there, though a JavaScript
 * parser cannot tell `8080.0` from `8080`. Read from the files as written, at the keys the files'
 * key positions place, however the key is written (`"port"`, `b . port`, in an inline table): a
 * float in a comment or a string is at no key. A registry not returned by `loadRegistry` is not
 * checked.
 *
 * @param ctx - the validation context
 */
export function wholeNumbers(ctx: ValidationContext): RegistryFinding[] {
  const files = sourceFilesOf(ctx.registry);
  if (!files) return [];
  const findings: RegistryFinding[] = [];
  for (const file of files) {
    const kind = fileKindOf(file.path);
    if (!FILE_KINDS.has(kind)) continue;
    const index = positionIndex(file);
    const text = index.source;
    if (text === undefined || !FLOAT_CANDIDATE.test(text)) continue;
    // the keys as the file's key positions place them: a float-like text in a comment or a
    // string is at no key, and a key is found however it is written
    const lineStarts = lineStartsOf(text);
    const project = projectOfPath(file.path);
    const found: RegistryFinding[] = [];
    for (const position of index.positions.values()) {
      const key = wholeNumberKeyOf(position.path);
      if (!key || !key.files.has(kind)) continue;
      // a number (so a key written once, not a table a dotted key or a header implies)
      if (typeof valueAt(file.table, position.path) !== 'number') continue;
      const lineStart = lineStarts[position.line - 1];
      if (lineStart === undefined) continue;
      const written = floatWrittenAt(text, lineStart + position.column - 1);
      if (!written) continue;
      const service =
        key.of === 'service' ? String(position.path[1]) : undefined;
      found.push(
        makeFinding(
          'error',
          'schema/invalid-type',
          messageOf(key, position.path, project, written.value, ctx),
          {
            file: file.path,
            line: position.line,
            column: written.keyAt - lineStart + 1,
          },
          {
            ...(service !== undefined ? { service } : {}),
            ...(project !== undefined ? { project } : {}),
          },
        ),
      );
    }
    found.sort((a, b) => a.line - b.line || a.column - b.column);
    findings.push(...found);
  }
  return findings;
}
