/*
 * The child of bench/load-instructions.ts: runs one contender of the load benchmark a given
 * number of times, under callgrind, which counts the instructions of the whole process.
 *
 *   node ... bench/lib/instructionsChild.ts <contender> <runs> [--projects ...]
 */
import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import { registrySizeArgs } from './args';
import {
  bareParse,
  floorAndMap,
  loadAndMap,
  loadOnly,
  parseKept,
} from './contenders';
import { generateRegistry } from './generateRegistry';
import { benchMapOptions } from './mapOptions';
import { Contender } from './steadyState';

/** The contenders, by the key the parent names them with. */
export const INSTRUCTION_CONTENDERS: Record<
  string,
  (files: RegistryFileInput[]) => Contender
> = {
  bare: files => bareParse(files),
  kept: files => parseKept(files),
  load: files => loadOnly(files),
  'load+map': files => loadAndMap(files, benchMapOptions('/registry')),
  floor: files => floorAndMap(files, benchMapOptions('/registry')),
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
