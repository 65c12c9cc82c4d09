import {
  classifyRegistryFile,
  projectOfPath,
  RegistryFileKind,
} from '../../load/classifyFile';
import { positionIndex } from '../../load/filePositions';
import { sourceFilesOf } from '../../load/sourceFiles';
import { KeyPathPart } from '../../load/keyPath';
import { RegistryFinding } from '../../model/types';
import { makeFinding } from '../findings';
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
]);

/**
 * One of those keys given a number written as a float (`8080.0`, `8.08e3`, `inf`): the parser
 * hands `8080.0` over as the same number as `8080`, so only the text shows it. A key may be
 * written alone, dotted or inside an inline table.
 */
const FLOAT_VALUE =
  /(?<![\w-])(port|break_changes_notice|active_users_threshold|migration_window_days)[ \t]*=[ \t]*([+-]?(?:[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?|inf|nan))(?![\w.])/g;

/** The kind of a registry file for this rule: a project's monitoring file apart from its services. */
function fileKindOf(path: string): RegistryFileKind['kind'] | 'monitoring' {
  const kind = classifyRegistryFile(path);
  if (kind.kind === 'project' && kind.file === 'monitoring')
    return 'monitoring';
  if (kind.kind === 'project' && kind.file !== 'services') return 'unknown';
  return kind.kind;
}

/** The finding's message for a key written as a float. */
function messageOf(
  key: WholeNumberKey,
  path: KeyPathPart[],
  project: string | undefined,
  value: string,
): string {
  const got = `got ${value} (a float: write it without the decimal point)`;
  if (key.of === 'policy') {
    return `Policies: ${path.join('.')} must be ${key.expected}, ${got}.`;
  }
  const [, service, ...rest] = path;
  const where = project === undefined ? '' : `In project "${project}": `;
  return `${where}Service "${String(service)}": ${rest.join('.')} must be ${
    key.expected
  }, ${got}.`;
}

/** The key a path names in `WHOLE_NUMBER_KEYS`, if any. */
function wholeNumberKeyOf(path: KeyPathPart[]): WholeNumberKey | undefined {
  if (path[0] === 'service' && typeof path[1] === 'string') {
    const key = WHOLE_NUMBER_KEYS.get(path.slice(2).join('.'));
    if (key?.of === 'service') return key;
  }
  const key = WHOLE_NUMBER_KEYS.get(path.join('.'));
  return key?.of === 'policy' ? key : undefined;
}

const isFloatText = (value: string) => /[.eE]|inf|nan/.test(value);

/**
 * `schema/invalid-type` (error): a key the contract types as an integer written as a float
 * (`port = 8080.0`): a service's `port` and `governance.break_changes_notice`, a monitoring
 * file's `metrics.active_users_threshold`, and the policies' `change_control.migration_window_days`.
 * Tools that read the registry with typed TOML parsers refuse a float there, though a JavaScript
 * parser cannot tell `8080.0` from `8080`. Read from the files as written (a registry not
 * returned by `loadRegistry` is not checked).
 *
 * @param ctx - the validation context
 */
export function wholeNumbers(ctx: ValidationContext): RegistryFinding[] {
  const files = sourceFilesOf(ctx.registry);
  if (!files) return [];
  const findings: RegistryFinding[] = [];
  for (const file of files) {
    const index = positionIndex(file);
    const text = index.source;
    if (text === undefined) continue;
    FLOAT_VALUE.lastIndex = 0;
    let line = 1;
    let lineStart = 0;
    let scanned = 0;
    for (let m = FLOAT_VALUE.exec(text); m; m = FLOAT_VALUE.exec(text)) {
      if (!isFloatText(m[2])) continue;
      for (; scanned < m.index; scanned++) {
        if (text.charCodeAt(scanned) === 10) {
          line++;
          lineStart = scanned + 1;
        }
      }
      const column = m.index - lineStart + 1;
      // the key the match is, as the file's key positions place it: on that line, the last
      // key of that name at or before the match (a dotted key starts before its last part)
      let found: KeyPathPart[] | undefined;
      let foundColumn = 0;
      for (const position of index.positions.values()) {
        if (position.line !== line || position.column > column) continue;
        if (position.path[position.path.length - 1] !== m[1]) continue;
        if (position.column >= foundColumn) {
          found = position.path;
          foundColumn = position.column;
        }
      }
      if (!found) continue;
      const key = wholeNumberKeyOf(found);
      if (!key || !key.files.has(fileKindOf(file.path))) continue;
      const project = projectOfPath(file.path);
      const service = key.of === 'service' ? String(found[1]) : undefined;
      findings.push(
        makeFinding(
          'error',
          'schema/invalid-type',
          messageOf(key, found, project, m[2]),
          { file: file.path, line, column },
          {
            ...(service !== undefined ? { service } : {}),
            ...(project !== undefined ? { project } : {}),
          },
        ),
      );
    }
  }
  return findings;
}
