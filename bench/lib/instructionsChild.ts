/*
 * The child of bench/load-instructions.ts: runs one contender of the load benchmark a given
 * number of times, under callgrind, which counts the instructions of the whole process.
 *
 *   node ... bench/lib/instructionsChild.ts <contender> <runs> [--projects ...]
 */
import { parse } from 'smol-toml';
import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from '../../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { registrySizeArgs } from './args';
import { bareParse, loadAndMap, loadOnly } from './contenders';
import { floorLoad } from './floorLoad';
import { generateRegistry } from './generateRegistry';
import { benchMapOptions } from './mapOptions';
import { Contender } from './steadyState';

/** The contenders, by the key the parent names them with. */
export const INSTRUCTION_CONTENDERS: Record<
  string,
  (files: RegistryFileInput[]) => Contender
> = {
  bare: files => bareParse(files),
  kept: files => ({
    label: 'smol-toml parse, tables kept',
    run: () => files.map(f => parse(f.text)),
  }),
  load: files => loadOnly(files),
  'load+map': files => loadAndMap(files, benchMapOptions('/registry')),
  floor: files => ({
    label: 'floor: parse, mapped fields, map',
    run: () =>
      mapRegistryToEntities(floorLoad(files), benchMapOptions('/registry')),
  }),
};

function main() {
  const [key, runsArg] = process.argv.slice(2);
  const make = INSTRUCTION_CONTENDERS[key];
  const runs = Number(runsArg);
  if (!make || !Number.isInteger(runs) || runs < 0) {
    throw new Error(
      `usage: instructionsChild.ts <${Object.keys(INSTRUCTION_CONTENDERS).join(
        '|',
      )}> <runs>`,
    );
  }
  const files: RegistryFileInput[] = [
    ...generateRegistry(registrySizeArgs()),
  ].map(([path, text]) => ({ path, text }));
  const contender = make(files);
  // each result is kept until the next run, as in the timed benchmark
  const kept: unknown[] = [];
  for (let i = 0; i < runs; i++) kept[0] = contender.run();
}

if (require.main === module) main();
