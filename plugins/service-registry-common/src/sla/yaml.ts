import { OpenSloDocument } from './openSlo';

/** A JSON-like value: what the documents are made of. */
type Plain =
  | string
  | number
  | boolean
  | null
  | Plain[]
  | { [key: string]: Plain };

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 ._/()+,%-]*$/;
const NUMBER_WITH_UNIT = /^\d+(?:\.\d+)?[A-Za-z]+$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`cannot write ${value} in YAML documents`);
    }
    return String(value);
  }
  const plain =
    (PLAIN_TEXT.test(value) || NUMBER_WITH_UNIT.test(value)) &&
    !value.endsWith(' ') &&
    !RESERVED.test(value);
  // A JSON string is a valid YAML double-quoted scalar.
  return plain ? value : JSON.stringify(value);
}

const key = (k: string) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));

const isCollection = (
  value: Plain,
): value is Plain[] | { [k: string]: Plain } =>
  typeof value === 'object' && value !== null;

const isEmpty = (value: Plain[] | { [k: string]: Plain }) =>
  Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;

/** Lines of a collection at the given indentation (block style). */
function lines(
  value: Plain[] | { [k: string]: Plain },
  indent: string,
): string[] {
  const out: string[] = [];
  const child = (v: Plain, prefix: string, deeper: string) => {
    if (isCollection(v) && !isEmpty(v)) {
      out.push(prefix);
      out.push(...lines(v, deeper));
    } else if (isCollection(v)) {
      out.push(`${prefix} ${Array.isArray(v) ? '[]' : '{}'}`);
    } else {
      out.push(`${prefix} ${scalar(v)}`);
    }
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !Array.isArray(item) && !isEmpty(item)) {
        // `- first: value` then the other keys aligned under it.
        const nested = lines(item, `${indent}  `);
        nested[0] = `${indent}- ${nested[0].slice(indent.length + 2)}`;
        out.push(...nested);
      } else if (Array.isArray(item) && !isEmpty(item)) {
        out.push(`${indent}-`);
        out.push(...lines(item, `${indent}  `));
      } else {
        child(item, `${indent}-`, `${indent}  `);
      }
    }
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    // Like JSON, a key whose value is undefined is left out.
    if (v !== undefined) child(v, `${indent}${key(k)}:`, `${indent}  `);
  }
  return out;
}

/**
 * Writes OpenSLO documents as one multi-document YAML stream: each document starts with `---`,
 * keys in the documents' order, strings quoted only when YAML needs it. Isomorphic (no YAML
 * library): the documents are plain objects of strings, numbers and booleans.
 *
 * @param documents - the documents, e.g. from {@link toOpenSlo}
 * @returns the YAML text, empty for no documents
 * @public
 */
export function sloDocumentsToYaml(
  documents: readonly OpenSloDocument[],
): string {
  return documents
    .map(
      d =>
        `---\n${lines(d as unknown as { [k: string]: Plain }, '').join(
          '\n',
        )}\n`,
    )
    .join('');
}
