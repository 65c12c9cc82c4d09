import {
  parseTomlFile,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { isTable, TomlEditValue } from './renderToml';

/**
 * Thrown when an edit of a registry file cannot be made safely. The text is never half-edited:
 * the edit functions return a new text or throw this error, and the message says what to fix.
 *
 * @public
 */
export class RegistryEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryEditError';
  }
}

/** A text split into its BOM, its body and its line ending style. */
export interface EditableText {
  bom: string;
  body: string;
  eol: '\n' | '\r\n';
}

/** Splits off the BOM and detects the line ending the file uses (the first one wins). */
export function openText(text: string): EditableText {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const firstLf = body.indexOf('\n');
  const eol = firstLf > 0 && body[firstLf - 1] === '\r' ? '\r\n' : '\n';
  return { bom, body, eol };
}

/** Parses a TOML text (BOM allowed) to its document, or throws a {@link RegistryEditError}. */
export function parseDocument(
  file: string,
  text: string,
): Record<string, unknown> {
  const parsed = parseTomlFile(file, text);
  if (!parsed.ok) {
    throw new RegistryEditError(
      `${file} does not parse, so it is not edited: ${parsed.finding.message} (line ${parsed.finding.line}, column ${parsed.finding.column}).`,
    );
  }
  return parsed.file.table;
}

/** Throws unless the id is a valid registry id (which also makes it a safe bare TOML key). */
export function assertServiceId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !SERVICE_ID_PATTERN.test(id)) {
    throw new RegistryEditError(
      `${JSON.stringify(
        id,
      )} is not a valid service id: use 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api").`,
    );
  }
}

/**
 * A parsed document in a form that compares with `isDeepStrictEqual`: dates become tagged
 * objects, tables plain objects, so that a string `"2026-01-01"` and a date `2026-01-01` differ.
 */
export function normalize(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = normalize((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** Applies a merge patch to a normalized document: tables merge, other values replace. */
export function mergeInto(
  target: Record<string, unknown>,
  patch: { [key: string]: TomlEditValue },
): void {
  for (const [key, value] of Object.entries(patch)) {
    if (isTable(value) && Object.keys(value).length === 0) continue;
    const current = target[key];
    if (
      isTable(value) &&
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current) &&
      !('$date' in current)
    ) {
      mergeInto(current as Record<string, unknown>, value);
    } else {
      target[key] = normalize(value);
    }
  }
}

/** Checks the values of a patch before anything is rendered (the renderer throws on the rest). */
export function assertWritable(value: unknown, path: string): void {
  if (value === undefined || value === null) {
    throw new RegistryEditError(
      `${path} has no value: leave the field out instead of sending null.`,
    );
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RegistryEditError(`${path} is not a valid date.`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertWritable(v, `${path}[${i}]`));
  } else if (isTable(value)) {
    for (const [k, v] of Object.entries(value))
      assertWritable(v, `${path}.${k}`);
  } else if (!['string', 'number', 'boolean'].includes(typeof value)) {
    throw new RegistryEditError(
      `${path} cannot be written to TOML: use a string, a number, a boolean, an array or a table.`,
    );
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RegistryEditError(`${path} must be a finite number.`);
  }
}
