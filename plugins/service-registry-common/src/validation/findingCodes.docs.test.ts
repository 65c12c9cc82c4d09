import fs from 'node:fs';
import path from 'node:path';
import {
  KNOWN_FINDING_CODE_PREFIXES,
  KNOWN_FINDING_CODES,
} from './findingCodes';

/*
 * docs/registry-format.md is the contract adopters read: its "Finding codes" table must list
 * every code the loader and the rules report, and every code the document names anywhere must
 * exist (fs is fine in tests; paths are relative to the repository root).
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FORMAT_DOC = path.join(REPO_ROOT, 'docs/registry-format.md');
const CATALOG_MODULE_SRC = path.join(
  REPO_ROOT,
  'plugins/catalog-backend-module-service-registry/src',
);
/** The catalog provider's findings that the CLI and the scaffolder report too. */
const CATALOG_NAME_FINDINGS_SRC = path.resolve(__dirname, '../catalog');

const CODE = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rows of the table under `## Finding codes`: its code and severity cells. */
function findingCodeRows(
  markdown: string,
): { code: string; severity: string }[] {
  const section = markdown
    .split(/^## /m)
    .find(s => s.startsWith('Finding codes'));
  if (!section)
    throw new Error(
      'docs/registry-format.md has no "## Finding codes" section',
    );
  const rows: { code: string; severity: string }[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    const code = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (line.startsWith('|') && code !== undefined) {
      rows.push({ code, severity: cells[2] });
    }
  }
  return rows;
}

/** The `'catalog/…'` code literals of the non-test sources of a folder. */
function catalogCodes(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const code of catalogCodes(child)) found.add(code);
    } else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
      const text = fs.readFileSync(child, 'utf8');
      for (const match of text.matchAll(/'(catalog\/[a-z0-9-]+)'/g)) {
        found.add(match[1]);
      }
    }
  }
  return found;
}

describe('docs/registry-format.md', () => {
  const markdown = fs.readFileSync(FORMAT_DOC, 'utf8');

  it('lists every finding code, once, in its "Finding codes" table', () => {
    const codes = findingCodeRows(markdown).map(r => r.code);
    expect(codes).toEqual([...new Set(codes)]);
    expect([...codes].sort()).toEqual([...KNOWN_FINDING_CODES].sort());
  });

  it('gives each code of the table a severity', () => {
    for (const { code, severity } of findingCodeRows(markdown)) {
      const named = severity.match(/\b(error|warning|info)\b/g) ?? [];
      expect({ code, severity: named.length > 0 }).toEqual({
        code,
        severity: true,
      });
    }
  });

  it('lists the prefixes of the codes that block_on takes', () => {
    const sentence = /the prefixes are ([^)]*)\)/.exec(markdown)?.[1] ?? '';
    const listed = [...sentence.matchAll(/`([a-z]+\/)`/g)].map(m => m[1]);
    expect(listed).toEqual([...KNOWN_FINDING_CODE_PREFIXES]);
  });

  it('names no finding code that the loader, the rules or the catalog provider do not report', () => {
    const catalog = new Set([
      ...catalogCodes(CATALOG_MODULE_SRC),
      ...catalogCodes(CATALOG_NAME_FINDINGS_SRC),
    ]);
    const known = new Set(KNOWN_FINDING_CODES);
    const unknown = [...markdown.matchAll(/`([^`\s"]+)`/g)]
      .map(match => match[1])
      .filter(token => CODE.test(token))
      .filter(token =>
        token.startsWith('catalog/')
          ? !catalog.has(token)
          : KNOWN_FINDING_CODE_PREFIXES.some(p => token.startsWith(p)) &&
            !known.has(token),
      );
    expect(unknown).toEqual([]);
  });
});
