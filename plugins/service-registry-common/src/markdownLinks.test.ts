import fs from 'node:fs';
import path from 'node:path';

/*
 * Every relative link of the repository's markdown (READMEs, docs/, changesets) must lead to a
 * file or folder that exists, and a link to a heading (`file.md#heading`) to a heading that
 * exists, so that the docs keep pointing at the code they describe (fs is fine in tests; paths
 * are relative to the repository root).
 */

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Folders that hold no documentation of the repository's own: installs, builds, test output. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  '.toolchain',
  '.yarn',
  'dist',
  'dist-types',
  'coverage',
  'test-results',
  'playwright-report',
]);

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(child));
    else if (entry.name.endsWith('.md')) found.push(child);
  }
  return found;
}

/** The text without fenced code blocks and inline code, where `[a](b)` is no link. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a document's headings (`## Finding codes` → `finding-codes`). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = match[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** `[text](target)` and `![alt](target)` targets that are relative paths or anchors. */
function relativeTargets(markdown: string): string[] {
  return [
    ...withoutCode(markdown).matchAll(
      /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    ),
  ]
    .map(match => match[1])
    .filter(target => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('markdown links of the repository', () => {
  const files = markdownFiles(REPO_ROOT);

  it('finds the documentation', () => {
    expect(files).toContain(path.join(REPO_ROOT, 'docs/registry-format.md'));
    expect(files).toContain(path.join(REPO_ROOT, 'README.md'));
  });

  it('leads every relative link to a file that exists, and every anchor to a heading', () => {
    const broken: string[] = [];
    for (const file of files) {
      const markdown = fs.readFileSync(file, 'utf8');
      for (const target of relativeTargets(markdown)) {
        const [linkPath, anchor] = target.split('#', 2);
        const resolved = linkPath
          ? path.resolve(path.dirname(file), decodeURIComponent(linkPath))
          : file;
        const where = `${path.relative(REPO_ROOT, file)} → ${target}`;
        if (!fs.existsSync(resolved)) {
          broken.push(`${where}: no such file`);
        } else if (
          anchor &&
          resolved.endsWith('.md') &&
          !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(
            decodeURIComponent(anchor),
          )
        ) {
          broken.push(`${where}: no such heading`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
