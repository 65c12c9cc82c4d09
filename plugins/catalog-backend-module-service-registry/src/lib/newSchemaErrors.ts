import {
  loadRegistry,
  RegistryFinding,
  scanTomlPositions,
  stripBom,
} from '@service-registry/plugin-service-registry-common';

/**
 * An error of the load about a value as written (`schema/...`): it is reported in its own file,
 * whose last good version the provider then keeps.
 */
export function isSchemaError(finding: RegistryFinding): boolean {
  return finding.severity === 'error' && finding.code.startsWith('schema/');
}

/** The files with schema errors (see {@link isSchemaError}). */
export function filesWithSchemaErrors(
  findings: RegistryFinding[],
): Set<string> {
  const files = new Set<string>();
  for (const finding of findings) {
    if (isSchemaError(finding)) files.add(finding.file);
  }
  return files;
}

/**
 * The counts of what the schema errors of a text are about, wherever their lines moved: each
 * error's code, service and project, and the key path written at its line and column (the
 * loader reports an error at the key, or the table, it is about: `sla.high.availability`, the
 * `sunset_date` inside an inline table), else the text before `=` on its line. An array element
 * counts without its index (`tags[]`): a value added before it moves it to another index, and it
 * is still the same error.
 */
function count(findings: RegistryFinding[], text: string): Map<string, number> {
  const source = stripBom(text);
  const paths = new Map<string, string>();
  for (const at of scanTomlPositions(source).values()) {
    const where = `${at.line}:${at.column}`;
    if (!paths.has(where)) {
      paths.set(
        where,
        JSON.stringify(
          at.path.map(part => (typeof part === 'number' ? [] : part)),
        ),
      );
    }
  }
  const lines = source.split('\n');
  const counts = new Map<string, number>();
  for (const finding of findings) {
    let key = paths.get(`${finding.line}:${finding.column}`);
    if (key === undefined) {
      const line = lines[finding.line - 1] ?? '';
      const equals = line.indexOf('=');
      key = (equals === -1 ? line : line.slice(0, equals)).trim();
    }
    const signature = [
      finding.code,
      finding.service ?? '',
      finding.project ?? '',
      key,
    ].join('\0');
    counts.set(signature, (counts.get(signature) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether a file's new version has schema errors its last good version did not have. The last
 * good version of a file is kept in the place of one with schema errors so that a value or a
 * service the catalog holds is not dropped; an error the last good version had already (a file
 * first ingested with it) drops nothing more, and keeping that version would hold back every
 * other change of the file for as long as the error stays.
 *
 * @param path - the file's path relative to the registry root
 * @param text - the file's new version
 * @param findings - the schema errors of the new version (of this file)
 * @param lastGood - the file's last good version
 */
export function hasNewSchemaErrors(
  path: string,
  text: string,
  findings: RegistryFinding[],
  lastGood: string,
): boolean {
  const before = count(
    loadRegistry([{ path, text: lastGood }]).findings.filter(
      f => f.file === path && isSchemaError(f),
    ),
    lastGood,
  );
  for (const [key, n] of count(findings, text)) {
    if (n > (before.get(key) ?? 0)) return true;
  }
  return false;
}
