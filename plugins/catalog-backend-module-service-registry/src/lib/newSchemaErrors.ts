import {
  loadRegistry,
  RegistryFinding,
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
 * What a schema error is about, wherever its line moved: its code, service and project, and the
 * key (or table header) written on its line.
 */
function signature(finding: RegistryFinding, lines: string[]): string {
  const line = lines[finding.line - 1] ?? '';
  const equals = line.indexOf('=');
  const key = (equals === -1 ? line : line.slice(0, equals)).trim();
  return [finding.code, finding.service ?? '', finding.project ?? '', key].join(
    '\0',
  );
}

function count(findings: RegistryFinding[], text: string): Map<string, number> {
  const lines = text.split('\n');
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = signature(finding, lines);
    counts.set(key, (counts.get(key) ?? 0) + 1);
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
