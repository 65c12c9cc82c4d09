import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parse } from 'yaml';
import type { Config as ConfigSchema } from '../../config';
import { configWith } from '../__testUtils__/workspace';
import { readServiceRegistryActionsConfig } from '../lib/config';
import { createServiceRegistryActions } from './createServiceRegistryActions';
import {
  readmeConfigurationYaml,
  recordingConfig,
} from '@service-registry/test-support';

/*
 * The README's action table is what template authors write their steps from: it must have a row
 * for every action, naming each of its inputs and outputs; its Configuration section is what
 * adopters write their app-config from: it must give exactly the settings that config.d.ts
 * declares and the module reads (fs is fine in tests).
 */

const README = fs.readFileSync(
  path.resolve(__dirname, '../../README.md'),
  'utf8',
);
const CONFIG_SCHEMA = fs.readFileSync(
  path.resolve(__dirname, '../../config.d.ts'),
  'utf8',
);

type ActionsSettings = NonNullable<
  NonNullable<ConfigSchema['scaffolder']>['serviceRegistry']
>;

/**
 * The settings config.d.ts declares under `scaffolder.serviceRegistry`: the compiler keeps this
 * list equal to the declaration (a setting left out, or one config.d.ts lacks, fails `tsc`).
 */
const DECLARED_SETTINGS: { [K in keyof Required<ActionsSettings>]: K } = {
  registryUrl: 'registryUrl',
  localRepositories: 'localRepositories',
};

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

describe('the configuration of the scaffolder module', () => {
  const documented = parse(readmeConfigurationYaml(README));
  const prefix = 'scaffolder.serviceRegistry.';

  it('reads exactly the settings config.d.ts declares, and the README documents them all', () => {
    const reads = new Set<string>();
    readServiceRegistryActionsConfig(
      recordingConfig(new ConfigReader(documented), reads),
    );
    const read = [...reads]
      .filter(key => key.startsWith(prefix))
      .map(key => key.slice(prefix.length).split('.')[0]);
    const declared = Object.keys(DECLARED_SETTINGS).sort();
    expect([...new Set(read)].sort()).toEqual(declared);
    expect(
      Object.keys(documented.scaffolder?.serviceRegistry ?? {}).sort(),
    ).toEqual(declared);
  });

  it('declares no setting visible to the frontend: only the backend reads them', () => {
    expect(CONFIG_SCHEMA).not.toMatch(/@visibility\s+frontend/);
  });
});
