import { projectOfPath } from '../../load/classifyFile';
import { positionIndex } from '../../load/filePositions';
import { sourceFilesOf } from '../../load/sourceFiles';
import { KeyPathPart } from '../../load/keyPath';
import { RegistryFinding } from '../../model/types';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

/**
 * The service keys whose value must be a TOML integer, with what their message expects, by the
 * path relative to the service.
 */
const WHOLE_NUMBER_KEYS: Record<string, { expected: string }> = {
  port: {
    expected:
      'an integer between 1 and 65535, without quotes (e.g. port = 8080)',
  },
  'governance.break_changes_notice': {
    expected: 'a whole number of days, without quotes (e.g. 30)',
  },
};

/**
 * One of those keys given a number written as a float (`8080.0`, `8.08e3`, `inf`): the parser
 * hands `8080.0` over as the same number as `8080`, so only the text shows it. A key may be
 * written alone, dotted or inside an inline table.
 */
const FLOAT_VALUE =
  /(?<![\w-])(port|break_changes_notice)[ \t]*=[ \t]*([+-]?(?:[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?|inf|nan))(?![\w.])/g;

const isFloatText = (value: string) => /[.eE]|inf|nan/.test(value);

/**
 * `schema/invalid-type` (error): `port` or `governance.break_changes_notice` of a service
 * written as a float (`port = 8080.0`). The contract types them as integers, and tools that read
 * the registry with typed TOML parsers refuse a float there, though a JavaScript parser cannot
 * tell `8080.0` from `8080`. Read from the files as written (a registry not returned by
 * `loadRegistry` is not checked).
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
      const [root, service, ...rest] = found;
      const spec = WHOLE_NUMBER_KEYS[rest.join('.')];
      if (root !== 'service' || typeof service !== 'string' || !spec) continue;
      const project = projectOfPath(file.path);
      const where = project === undefined ? '' : `In project "${project}": `;
      findings.push(
        makeFinding(
          'error',
          'schema/invalid-type',
          `${where}Service "${service}": ${rest.join('.')} must be ${
            spec.expected
          }, got ${m[2]} (a float: write it without the decimal point).`,
          { file: file.path, line, column },
          { service, ...(project !== undefined ? { project } : {}) },
        ),
      );
    }
  }
  return findings;
}
