import fs from 'node:fs';
import path from 'node:path';
import {
  findingArea,
  KNOWN_FINDING_CODE_PREFIXES,
  KNOWN_FINDING_CODES,
} from './findingCodes';

/**
 * The `'<area>/<kebab-case>'` literals of the non-test sources of a folder, but the list itself
 * (fs is fine in tests).
 */
function codeLiterals(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('__')) found.push(...codeLiterals(child));
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.includes('.test.') &&
      entry.name !== 'findingCodes.ts'
    ) {
      const text = fs.readFileSync(child, 'utf8');
      for (const match of text.matchAll(
        /'([a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*)'/g,
      )) {
        found.push(match[1]);
      }
    }
  }
  return found;
}

describe('KNOWN_FINDING_CODES', () => {
  it('lists exactly the codes the loader and the validation rules report', () => {
    const literals = new Set([
      ...codeLiterals(path.resolve(__dirname, '../load')),
      ...codeLiterals(__dirname),
    ]);
    expect([...KNOWN_FINDING_CODES].sort()).toEqual([...literals].sort());
  });

  it('takes the area of a code up to its first slash', () => {
    expect(findingArea('security/secret-value')).toBe('security');
    expect(findingArea('catalog/duplicate-entity')).toBe('catalog');
    expect(findingArea('a/b/c')).toBe('a');
    expect(findingArea('plain')).toBe('plain');
  });

  it('derives the prefixes from the codes', () => {
    expect(KNOWN_FINDING_CODE_PREFIXES).toContain('security/');
    expect(KNOWN_FINDING_CODE_PREFIXES).toContain('lifecycle/');
    for (const code of KNOWN_FINDING_CODES) {
      expect(
        KNOWN_FINDING_CODE_PREFIXES.some(prefix => code.startsWith(prefix)),
      ).toBe(true);
    }
  });
});
