import { parse, TomlError } from 'smol-toml';
import { RegistryFileInput, RegistryFinding } from '../model/types';
import { pathInMessage } from './controlCharacterPattern';
import { FilePositionIndex, registerPositionIndex } from './filePositions';
import { findImpossibleDate } from './impossibleDate';
import { TomlKeyPosition } from './positions';
import { syntaxHint } from './syntaxHint';

/**
 * A TOML file parsed, with the positions of its keys.
 *
 * @public
 */
export interface ParsedTomlFile {
  /** Path of the file relative to the registry root. */
  path: string;
  /**
   * The document (tables are objects without `Object.prototype` in their chain; local dates are
   * `TomlDate`s).
   */
  table: Record<string, unknown>;
  /**
   * Position of every header, key and array element, by joined key path. For a file from
   * {@link parseTomlFile} this is computed lazily: the text is scanned the first time the
   * property is read, then the map is kept.
   */
  positions: Map<string, TomlKeyPosition>;
}

/**
 * Outcome of {@link parseTomlFile}: the parsed file, or the syntax error as a finding.
 *
 * @public
 */
export type ParseTomlResult =
  | { ok: true; file: ParsedTomlFile }
  | { ok: false; finding: RegistryFinding };

/**
 * Removes a leading UTF-8 byte order mark.
 *
 * @public
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text with every CRLF line end written as LF. TOML lets a parser normalise the line ends
 * of multi-line strings, and smol-toml keeps them as written: without this, the same file saved
 * with CRLF would give every multi-line description other characters (and a registry diff would
 * report a change of line ends as a change of the field). Lines and columns stay the same.
 */
function withLfLineEnds(text: string): string {
  return text.indexOf('\r\n') === -1 ? text : text.replace(/\r\n/g, '\n');
}

/**
 * The parser's message without its code excerpt (which could echo a secret value).
 */
function syntaxMessage(error: TomlError): string {
  const first = error.message.split('\n')[0];
  // smol-toml ends some reasons with a full stop ("… aborting."); the finding adds its own
  return first.replace(/^Invalid TOML document:\s*/, '').replace(/\.+$/, '');
}

/**
 * Parses one registry file (TOML 1.1; BOM and CRLF accepted, the line ends of multi-line strings
 * read as LF). Its key positions are scanned
 * lazily, when first needed (see {@link ParsedTomlFile.positions}). A syntax error becomes a
 * `toml/syntax` finding at the parser's line and column.
 *
 * @param path - the file's path relative to the registry root
 * @param text - the file's text
 * @public
 */
export function parseTomlFile(path: string, text: string): ParseTomlResult {
  const source = withLfLineEnds(stripBom(text));
  try {
    const table = parse(source) as Record<string, unknown>;
    const impossible = findImpossibleDate(source);
    if (impossible) {
      return {
        ok: false,
        finding: syntaxFinding(
          path,
          `invalid date ${impossible.literal} (${impossible.reason})`,
          'Write a day that exists in that month.',
          impossible.line,
          impossible.column,
        ),
      };
    }
    const index = new FilePositionIndex(path, source);
    const file = { path, table } as ParsedTomlFile;
    Object.defineProperty(file, 'positions', {
      enumerable: true,
      configurable: true,
      get: () => index.positions,
      set(positions: Map<string, TomlKeyPosition>) {
        Object.defineProperty(file, 'positions', {
          value: positions,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      },
    });
    registerPositionIndex(file, index);
    return { ok: true, file };
  } catch (error) {
    const isToml = error instanceof TomlError;
    const reason = isToml ? syntaxMessage(error) : String(error);
    const hint = isToml
      ? syntaxHint(reason, source, error.line, error.column)
      : undefined;
    return {
      ok: false,
      finding: syntaxFinding(
        path,
        reason,
        hint,
        isToml ? error.line : 1,
        isToml ? error.column : 1,
      ),
    };
  }
}

function syntaxFinding(
  path: string,
  reason: string,
  hint: string | undefined,
  line: number,
  column: number,
): RegistryFinding {
  return {
    severity: 'error',
    code: 'toml/syntax',
    message: `${pathInMessage(path)} is not valid TOML: ${reason}. ${
      hint ? `${hint} ` : ''
    }Fix the syntax at this line and column; the file is ignored until it parses.`,
    file: path,
    line,
    column,
  };
}

/**
 * The outcome of a file whose bytes are not valid UTF-8 (see `RegistryFileInput.notUtf8`): a
 * `toml/syntax` finding at the first invalid byte, as TOML files must be UTF-8 (a file that starts
 * with a UTF-16 byte order mark is said to be UTF-16).
 *
 * @param path - the file's path relative to the registry root
 * @param at - where the first invalid byte is
 */
export function notUtf8Result(
  path: string,
  at: NonNullable<RegistryFileInput['notUtf8']>,
): ParseTomlResult {
  const byte = `0x${at.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  // FF FE or FE FF first: a UTF-16 byte order mark (no TOML text starts with ÿ or þ)
  const utf16 =
    at.line === 1 && at.column === 1 && (at.byte === 0xff || at.byte === 0xfe);
  return {
    ok: false,
    finding: {
      severity: 'error',
      code: 'toml/syntax',
      message: `${pathInMessage(path)} is not valid TOML: ${
        utf16
          ? 'it is UTF-16 text, not UTF-8 (it starts with a UTF-16 byte order mark; TOML files must be UTF-8, and Windows PowerShell 5 writes UTF-16 with > and Out-File)'
          : `it is not UTF-8 text (the byte ${byte} here is not valid UTF-8; TOML files must be UTF-8, and an editor saving in Latin-1 or Windows-1252 writes accented letters this way)`
      }. Save the file as UTF-8; the file is ignored until then.`,
      file: path,
      line: at.line,
      column: at.column,
    },
  };
}
