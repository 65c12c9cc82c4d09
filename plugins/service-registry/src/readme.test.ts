/* eslint-disable no-restricted-imports --
   a test run by Node, which reads the README and the app's source: no browser code */
import { readFileSync } from 'fs';
import { resolve } from 'path';
/* eslint-enable no-restricted-imports */

/*
 * The README's install snippets are pasted by adopters as they are: the sidebar's must import
 * what it uses, and give the same items as the demo app, whose Root.tsx is tested end to end.
 */

const README = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const APP_ROOT = readFileSync(
  resolve(__dirname, '../../../packages/app/src/components/Root/Root.tsx'),
  'utf8',
);

/** The tsx block the README gives for a file of the app, named in the line before it. */
function snippetFor(file: string): string {
  const at = README.indexOf(`\`${file}\`:`);
  expect(at).toBeGreaterThanOrEqual(0);
  const block = /```tsx\n([\s\S]*?)```/.exec(README.slice(at));
  expect(block).not.toBeNull();
  return block![1];
}

/** The default imports of a source: name to module. */
function defaultImports(source: string): Map<string, string> {
  return new Map(
    [...source.matchAll(/^import (\w+) from '([^']+)';$/gm)].map(
      ([, name, module]) => [name, module],
    ),
  );
}

/** A sidebar item as the page shows it: its icon (by module), link, text, and `end` or not. */
interface SidebarItemFacts {
  icon: string | undefined;
  to: string;
  text: string;
  end: boolean;
}

/** The service registry's `SidebarItem`s of a source, their icons by the module they come from. */
function registryItems(source: string): SidebarItemFacts[] {
  const imports = defaultImports(source);
  return [...source.matchAll(/<SidebarItem\b([^>]*?)\/>/g)]
    .map(([, attributes]) => {
      const icon = /\bicon=\{(\w+)\}/.exec(attributes)?.[1];
      return {
        icon: icon === undefined ? undefined : imports.get(icon) ?? icon,
        to: /\bto="([^"]*)"/.exec(attributes)?.[1] ?? '',
        text: /\btext="([^"]*)"/.exec(attributes)?.[1] ?? '',
        end: /(^|\s)end(\s|=|$)/.test(attributes),
      };
    })
    .filter(item => item.to.startsWith('service-registry'));
}

describe('README', () => {
  const rootFile = 'packages/app/src/components/Root/Root.tsx';

  it("gives the sidebar's snippet every icon it uses", () => {
    const snippet = snippetFor(rootFile);
    const imports = defaultImports(snippet);
    const icons = [...snippet.matchAll(/\bicon=\{(\w+)\}/g)].map(m => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      expect([icon, imports.get(icon)]).toEqual([
        icon,
        expect.stringMatching(/^@material-ui\/icons\//),
      ]);
    }
  });

  it("gives the sidebar's items as the app has them: Topology active on its own page only", () => {
    const fromReadme = registryItems(snippetFor(rootFile));
    expect(fromReadme).toEqual(registryItems(APP_ROOT));
    expect(fromReadme.find(item => item.text === 'Topology')).toMatchObject({
      to: 'service-registry',
      end: true,
    });
  });
});
