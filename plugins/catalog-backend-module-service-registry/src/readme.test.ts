import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { DEFAULT_MAX_REGISTRY_FILE_BYTES } from '@service-registry/plugin-service-registry-common';
import type { Config as ConfigSchema } from '../config';
import { parse } from 'yaml';
import { readServiceRegistryProviderConfigs } from './providers/ServiceRegistryEntityProviderConfig';
import {
  readmeConfigurationYaml,
  recordingConfig,
} from '@service-registry/test-support';

/*
 * The README's Configuration section is what adopters write their app-config from: it must give
 * exactly the settings that config.d.ts declares and the provider reads, the reader must accept
 * it as written, and the values it shows (the schedule "the default, as written here") must be
 * the defaults the reader applies, as config.d.ts states them (fs is fine in tests).
 */

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const CONFIG_SCHEMA = fs.readFileSync(
  path.resolve(__dirname, '../config.d.ts'),
  'utf8',
);
const KEY = 'catalog.providers.serviceRegistry';

/** The settings of one registry in config.d.ts: the single form, which has a `target`. */
type ProviderSettings = Extract<
  NonNullable<
    NonNullable<
      NonNullable<ConfigSchema['catalog']>['providers']
    >['serviceRegistry']
  >,
  { target: string }
>;
type GuardSettings = NonNullable<ProviderSettings['guard']>;

/**
 * The settings config.d.ts declares for one registry: the compiler keeps these lists equal to
 * the declaration (a setting left out, or one config.d.ts lacks, fails `tsc`).
 */
const DECLARED_SETTINGS: { [K in keyof Required<ProviderSettings>]: K } = {
  target: 'target',
  schedule: 'schedule',
  sharedSystem: 'sharedSystem',
  defaultOwner: 'defaultOwner',
  ownerGroups: 'ownerGroups',
  maxFileBytes: 'maxFileBytes',
  guard: 'guard',
};
const DECLARED_GUARD_SETTINGS: { [K in keyof Required<GuardSettings>]: K } = {
  maxRemovalShare: 'maxRemovalShare',
  rejectEmpty: 'rejectEmpty',
};

/** The settings the reader's error for an unknown key lists: `the settings are a, b, c`. */
function settingsNamedWhenRefusing(registry: Record<string, any>): string[] {
  let message = '';
  try {
    readServiceRegistryProviderConfigs(
      new ConfigReader({
        catalog: { providers: { serviceRegistry: registry } },
      }),
    );
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/is not a setting of a registry/);
  const listed = /the settings are (\w+(?:, \w+)*)/.exec(message);
  return listed ? listed[1].split(', ').sort() : [];
}

/** The default config.d.ts states in the doc comment of `key`: "Defaults to `shared`.". */
function statedDefault(schema: string, key: string): string | undefined {
  const doc = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*${key}\\?:`,
  ).exec(schema)?.[1];
  const text = doc?.replace(/\s*\n\s*\*\s*/g, ' ');
  return /Defaults to `?([^\s`;,(]+?)`?(?:\.?\s|\.?$|[;,(])/.exec(
    text ?? '',
  )?.[1];
}

/** A duration as prose: `{ minutes: 5 }` is "5 minutes", or "5 minute" before a noun. */
function spoken(duration: object, { adjective = false } = {}): string {
  return Object.entries(duration)
    .map(
      ([unit, value]) =>
        `${value} ${adjective ? unit.replace(/s$/, '') : unit}`,
    )
    .join(' ');
}

describe('the configuration of the catalog module', () => {
  const documented = parse(readmeConfigurationYaml(README));
  const registry = documented.catalog?.providers?.serviceRegistry;
  const declared = Object.keys(DECLARED_SETTINGS).sort();
  const declaredGuard = Object.keys(DECLARED_GUARD_SETTINGS).sort();
  const [defaults] = readServiceRegistryProviderConfigs(
    new ConfigReader({
      catalog: { providers: { serviceRegistry: { target: '.' } } },
    }),
  );

  it('reads exactly the settings config.d.ts declares, and the README documents them all', () => {
    const reads = new Set<string>();
    readServiceRegistryProviderConfigs(
      recordingConfig(new ConfigReader(documented), reads),
    );
    const settings = [...reads]
      .filter(key => key.startsWith(`${KEY}.`))
      .map(key => key.slice(KEY.length + 1).split('.'));
    const read = new Set(settings.map(([key]) => key));
    const readGuard = new Set(
      settings
        .filter(([key, inner]) => key === 'guard' && inner)
        .map(([, inner]) => inner),
    );
    expect({ read: [...read].sort(), guard: [...readGuard].sort() }).toEqual({
      read: declared,
      guard: declaredGuard,
    });
    expect({
      documented: Object.keys(registry ?? {}).sort(),
      guard: Object.keys(registry?.guard ?? {}).sort(),
    }).toEqual({ documented: declared, guard: declaredGuard });
  });

  it('refuses any other key, naming as the settings exactly those config.d.ts declares', () => {
    expect(settingsNamedWhenRefusing({ target: '.', tagret: '.' })).toEqual(
      declared,
    );
    expect(
      settingsNamedWhenRefusing({ target: '.', guard: { rejectEmty: false } }),
    ).toEqual(declaredGuard);
  });

  it('accepts the README example, whose values are the defaults the reader applies', () => {
    const [example] = readServiceRegistryProviderConfigs(
      new ConfigReader(documented),
    );
    expect(example).toEqual({
      ...defaults,
      target: registry.target,
      maxFileBytes: DEFAULT_MAX_REGISTRY_FILE_BYTES,
    });
    expect(readmeConfigurationYaml(README)).toContain(
      'the default, as written here',
    );
  });

  it('states in config.d.ts the defaults the reader applies', () => {
    expect({
      sharedSystem: statedDefault(CONFIG_SCHEMA, 'sharedSystem'),
      defaultOwner: statedDefault(CONFIG_SCHEMA, 'defaultOwner'),
      ownerGroups: statedDefault(CONFIG_SCHEMA, 'ownerGroups'),
      maxFileBytes: statedDefault(CONFIG_SCHEMA, 'maxFileBytes'),
      maxRemovalShare: statedDefault(CONFIG_SCHEMA, 'maxRemovalShare'),
      rejectEmpty: statedDefault(CONFIG_SCHEMA, 'rejectEmpty'),
    }).toEqual({
      sharedSystem: defaults.sharedSystem,
      defaultOwner: defaults.defaultOwner,
      ownerGroups: String(defaults.ownerGroups),
      maxFileBytes: String(DEFAULT_MAX_REGISTRY_FILE_BYTES),
      maxRemovalShare: String(defaults.maxRemovalShare),
      rejectEmpty: String(defaults.rejectEmpty),
    });
    const { frequency, timeout, initialDelay } = defaults.schedule;
    const schedule = /\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*schedule\?:/
      .exec(CONFIG_SCHEMA)?.[1]
      .replace(/\s*\n\s*\*\s*/g, ' ');
    expect(schedule).toContain(
      `Defaults to every ${spoken(frequency as object)} with a ${spoken(
        timeout as object,
        {
          adjective: true,
        },
      )} timeout, the first run ${spoken(initialDelay!)} after the start`,
    );
  });

  it('declares no setting visible to the frontend: only the backend reads them', () => {
    expect(CONFIG_SCHEMA).not.toMatch(/@visibility\s+frontend/);
  });
});
