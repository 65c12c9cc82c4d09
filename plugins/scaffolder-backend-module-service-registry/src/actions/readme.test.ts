import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { configWith } from '../__testUtils__/workspace';
import { createServiceRegistryActions } from './createServiceRegistryActions';

/*
 * The README's action table is what template authors write their steps from: it must have a row
 * for every action, naming each of its inputs and outputs (fs is fine in tests).
 */

const README = fs.readFileSync(
  path.resolve(__dirname, '../../README.md'),
  'utf8',
);

/** The rows of the README's action table: id, main inputs and outputs cells. */
function actionRows(
  markdown: string,
): Map<string, { inputs: string; outputs: string }> {
  const rows = new Map<string, { inputs: string; outputs: string }>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    const id = /^`(service-registry:[a-z:-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (line.startsWith('|') && id) {
      rows.set(id, { inputs: cells[3], outputs: cells[4] });
    }
  }
  return rows;
}

/** The top-level property names of an action's generated JSON Schema. */
function propertiesOf(schema: unknown): string[] {
  return Object.keys(
    (schema as { properties?: Record<string, unknown> })?.properties ?? {},
  );
}

/** Whether a cell names a field: `` `name` ``, or one of its keys (`` `name.key` ``, `` `name.*` ``). */
function names(cell: string, field: string): boolean {
  return cell.includes(`\`${field}\``) || cell.includes(`\`${field}.`);
}

describe('the README of the scaffolder module', () => {
  const actions = createServiceRegistryActions({
    config: configWith(),
    reader: mockServices.urlReader.mock(),
    catalog: catalogServiceMock(),
  });
  const rows = actionRows(README);

  it('has a row for every action, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(actions.map(a => a.id).sort());
  });

  it.each(actions.map(a => [a.id, a]))(
    '%s: the row names every input and output',
    (id, action) => {
      const row = rows.get(id as string)!;
      const schema = (action as (typeof actions)[number]).schema;
      const missingInputs = propertiesOf(schema?.input)
        // documented once for every action, above the table
        .filter(name => name !== 'registryPath')
        .filter(name => !names(row.inputs, name));
      const missingOutputs = propertiesOf(schema?.output).filter(
        name => !names(row.outputs, name),
      );
      expect({ missingInputs, missingOutputs }).toEqual({
        missingInputs: [],
        missingOutputs: [],
      });
    },
  );

  it('says rightly that every action supports dry runs', () => {
    expect(README).toContain('All support dry runs');
    expect(actions.filter(a => !a.supportsDryRun).map(a => a.id)).toEqual([]);
  });
});
