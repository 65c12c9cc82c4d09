/*
 * Benchmark of loadRegistry (parse + key positions + checks) at registry scale.
 *
 *   ./portal exec node --require @backstage/cli/config/nodeTransform.cjs bench/load.ts \
 *     [--projects 50] [--per-project 200] [--globals 100] [--runs 7]
 *
 * Prints the medians of interleaved runs of
 *   - a bare smol-toml parse of the same files (the baseline),
 *   - loadRegistry(files),
 *   - loadRegistry(files) + mapRegistryToEntities (target <= 2x the bare parse),
 * and their ratios to the bare parse.
 */
import { performance } from 'node:perf_hooks';
import { parse } from 'smol-toml';
import {
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from '../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { generateRegistry } from './lib/generateRegistry';
import { numberArg, registrySizeArgs, median } from './lib/args';

const options = registrySizeArgs();
const runs = numberArg('runs', 7);

const mapOptions = {
  providerId: 'default',
  rootLocation: 'file:/registry',
  fileLocation: (file: string) => ({ location: `file:/registry/${file}` }),
  sharedSystem: 'shared',
  defaultOwner: 'unknown',
  ownerGroups: true,
};

function main() {
  const files: RegistryFileInput[] = [...generateRegistry(options)].map(
    ([path, text]) => ({ path, text }),
  );
  const registry = loadRegistry(files);
  const entities = mapRegistryToEntities(registry, mapOptions);
  const edges = [...registry.services.values()].reduce(
    (n, s) =>
      n + s.dependencies.requires.length + s.dependencies.optional.length,
    0,
  );
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  console.log(
    `registry: ${registry.services.size} services, ${
      registry.projects.size
    } projects, ${edges} edges, ${files.length} files, ${(bytes / 1e6).toFixed(
      1,
    )} MB; ${entities.length} entities; ${registry.findings.length} findings`,
  );

  // warm-up, so that every contender runs optimised code
  for (let i = 0; i < 2; i++) {
    for (const f of files) parse(f.text);
    mapRegistryToEntities(loadRegistry(files), mapOptions);
  }

  const bare: number[] = [];
  const load: number[] = [];
  const loadMap: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    for (const f of files) parse(f.text);
    bare.push(performance.now() - t);
    t = performance.now();
    loadRegistry(files);
    load.push(performance.now() - t);
    t = performance.now();
    mapRegistryToEntities(loadRegistry(files), mapOptions);
    loadMap.push(performance.now() - t);
  }
  const base = median(bare);
  const row = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(36)} ${median(values).toFixed(1).padStart(7)} ms  ${(
        median(values) / base
      )
        .toFixed(2)
        .padStart(5)}x  (min ${Math.min(...values).toFixed(1)}, max ${Math.max(
        ...values,
      ).toFixed(1)})`,
    );
  console.log(`median of ${runs} interleaved runs:`);
  row('bare smol-toml parse', bare);
  row('loadRegistry', load);
  row('loadRegistry + mapRegistryToEntities', loadMap);
  console.log(
    `target: loadRegistry + mapRegistryToEntities <= 2x bare parse: ${
      median(loadMap) / base <= 2 ? 'met' : 'not met'
    }`,
  );
}

main();
