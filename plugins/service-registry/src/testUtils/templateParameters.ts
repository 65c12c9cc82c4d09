/* eslint-disable no-restricted-imports --
   read by tests run by Node: the repository's scaffolder templates, no browser code */
import { readFileSync, readdirSync } from 'fs';
import { resolve } from 'path';
/* eslint-enable no-restricted-imports */

const TEMPLATES_DIR = resolve(__dirname, '../../../../templates');

/**
 * The form fields each scaffolder template of the repository (`templates/<dir>/template.yaml`)
 * declares, by template name (`metadata.name`): the keys of the `properties` of every page of its
 * `spec.parameters`. Read from the YAML's indentation, as the templates are written (the plugin
 * has no YAML parser).
 */
export function templateParameters(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const dir of readdirSync(TEMPLATES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const text = readFileSync(
      resolve(TEMPLATES_DIR, dir.name, 'template.yaml'),
      'utf8',
    );
    const name = /^ {2}name: (\S+)$/m.exec(text)?.[1];
    if (!name) throw new Error(`templates/${dir.name} has no metadata.name`);
    const fields = new Set<string>();
    let inParameters = false;
    let propertiesIndent: number | undefined;
    for (const line of text.split('\n')) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      if (indent <= 2) inParameters = line === '  parameters:';
      if (!inParameters) continue;
      if (propertiesIndent !== undefined && indent <= propertiesIndent) {
        propertiesIndent = undefined;
      }
      const key = /^ *([A-Za-z_]\w*):/.exec(line)?.[1];
      if (propertiesIndent === undefined) {
        if (key === 'properties') propertiesIndent = indent;
      } else if (key && indent === propertiesIndent + 2) {
        fields.add(key);
      }
    }
    byName.set(name, fields);
  }
  return byName;
}
