/* eslint-disable no-restricted-imports --
   read by tests run by Node: the repository's scaffolder templates, no browser code */
import { readFileSync, readdirSync } from 'fs';
import { resolve } from 'path';
/* eslint-enable no-restricted-imports */
import { parse } from 'yaml';

const TEMPLATES_DIR = resolve(__dirname, '../../../../templates');

/** The part of a template the tests read. */
interface TemplateDocument {
  metadata?: { name?: string };
  spec?: {
    parameters?:
      | Array<{ properties?: Record<string, unknown> }>
      | { properties?: Record<string, unknown> };
  };
}

/**
 * The form fields each scaffolder template of the repository (`templates/<dir>/template.yaml`)
 * declares, by template name (`metadata.name`): the keys of the `properties` of every page of its
 * `spec.parameters`.
 */
export function templateParameters(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const dir of readdirSync(TEMPLATES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const template = parse(
      readFileSync(resolve(TEMPLATES_DIR, dir.name, 'template.yaml'), 'utf8'),
    ) as TemplateDocument;
    const name = template.metadata?.name;
    if (!name) throw new Error(`templates/${dir.name} has no metadata.name`);
    const parameters = template.spec?.parameters ?? [];
    const pages = Array.isArray(parameters) ? parameters : [parameters];
    const fields = new Set<string>();
    for (const page of pages) {
      for (const key of Object.keys(page.properties ?? {})) fields.add(key);
    }
    byName.set(name, fields);
  }
  return byName;
}
