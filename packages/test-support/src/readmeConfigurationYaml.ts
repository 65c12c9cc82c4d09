/**
 * The YAML block of a README's `## Configuration` section, as text: what adopters copy into their
 * app-config, which a package's readme test compares with the settings it reads and declares.
 *
 * @param markdown - the README
 * @throws Error when the section has no `yaml` block
 * @public
 */
export function readmeConfigurationYaml(markdown: string): string {
  const section = markdown
    .split(/^## /m)
    .find(s => s.startsWith('Configuration'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section ?? '');
  if (!block) {
    throw new Error('README.md has no yaml block under "## Configuration"');
  }
  return block[1];
}
