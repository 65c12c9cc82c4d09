import { parse } from 'smol-toml';
import {
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import {
  mapRegistryToEntities,
  MapRegistryOptions,
} from '../../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { floorLoad } from './floorLoad';
import { Contender } from './steadyState';

/** The baseline of the load benchmarks: smol-toml parses every file, and nothing is kept. */
export function bareParse(
  files: RegistryFileInput[],
  label = 'bare smol-toml parse',
): Contender {
  return {
    label,
    run: () => {
      for (const f of files) parse(f.text);
    },
  };
}

/** loadRegistry of the files alone (what the load benchmarks break load + map down into). */
export function loadOnly(
  files: RegistryFileInput[],
  label = 'loadRegistry',
): Contender {
  return { label, run: () => loadRegistry(files) };
}

/** What target (a) measures: loadRegistry and mapRegistryToEntities of the files. */
export function loadAndMap(
  files: RegistryFileInput[],
  mapOptions: MapRegistryOptions,
  label = 'loadRegistry + mapRegistryToEntities',
): Contender {
  return {
    label,
    run: () => mapRegistryToEntities(loadRegistry(files), mapOptions),
  };
}

/**
 * smol-toml parses every file and the tables are kept until the next run: what any loader that
 * keeps the records as written pays on top of the bare parse.
 */
export function parseKept(
  files: RegistryFileInput[],
  label = 'smol-toml parse, tables kept',
): Contender {
  return { label, run: () => files.map(f => parse(f.text)) };
}

/** The floor of target (a): {@link floorLoad} and the same mapping as {@link loadAndMap}. */
export function floorAndMap(
  files: RegistryFileInput[],
  mapOptions: MapRegistryOptions,
  label = 'floor: parse, mapped fields, map',
): Contender {
  return {
    label,
    run: () => mapRegistryToEntities(floorLoad(files), mapOptions),
  };
}
