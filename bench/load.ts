/*
 * Benchmark of loadRegistry (parse + key positions + checks) at registry scale.
 *
 *   ./portal exec yarn bench:load [--projects 50] [--per-project 200] [--globals 100] [--runs 7]
 *     [--breakdown]
 *
 * Prints the medians of interleaved runs of
 *   - a bare smol-toml parse of the same files (the baseline),
 *   - the same parse keeping every parsed table until all files are parsed (what any loader that
 *     keeps the records as written pays on top of the bare parse: the garbage collector copies
 *     the tables it keeps),
 *   - loadRegistry(files),
 *   - loadRegistry(files) + mapRegistryToEntities (target <= 2x the bare parse),
 * and their ratios to the bare parse. With --breakdown, also where the time of load + map goes:
 * parsing the files (parseTomlFile, as loadRegistry does), the rest of loadRegistry, the mapping,
 * and the garbage collector's pauses during each (medians over the runs).
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { parse } from 'smol-toml';
import {
  loadRegistry,
  parseTomlFile,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from '../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { generateRegistry } from './lib/generateRegistry';
import { benchMapOptions } from './lib/mapOptions';
import { flagArg, numberArg, registrySizeArgs, median } from './lib/args';

const options = registrySizeArgs();
const runs = numberArg('runs', 7);
const breakdown = flagArg('breakdown');

const mapOptions = benchMapOptions('/registry');

/** Garbage collector pauses, as they are reported (start and duration, ms). */
const pauses: Array<{ start: number; duration: number }> = [];

/** The total of the GC pauses that started within [from, to). */
function gcWithin(from: number, to: number): number {
  let total = 0;
  for (const p of pauses) {
    if (p.start >= from && p.start < to) total += p.duration;
  }
  return total;
}

/**
 * The breakdown of load + map: parse only (parseTomlFile of every file, what loadRegistry does
 * first), loadRegistry, mapRegistryToEntities, each with the GC pauses in it.
 */
async function printBreakdown(files: RegistryFileInput[]) {
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      pauses.push({ start: entry.startTime, duration: entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const phases = [
    'bare smol-toml parse',
    'parseTomlFile',
    'loadRegistry',
    'map',
  ];
  const spans: Array<Array<[number, number]>> = phases.map(() => []);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    for (const f of files) parse(f.text);
    spans[0].push([t, performance.now()]);
    t = performance.now();
    for (const f of files) parseTomlFile(f.path, f.text);
    spans[1].push([t, performance.now()]);
    t = performance.now();
    const registry = loadRegistry(files);
    const loaded = performance.now();
    spans[2].push([t, loaded]);
    mapRegistryToEntities(registry, mapOptions);
    spans[3].push([loaded, performance.now()]);
    // let the observer deliver the pauses of this run
    await new Promise(resolve => setImmediate(resolve));
  }
  await new Promise(resolve => setTimeout(resolve, 50));
  observer.disconnect();
  console.log(
    `breakdown (median of ${runs} runs; GC = pauses that started in the phase):`,
  );
  for (let k = 0; k < phases.length; k++) {
    const total = median(spans[k].map(([a, b]) => b - a));
    const gc = median(spans[k].map(([a, b]) => gcWithin(a, b)));
    console.log(
      `  ${phases[k].padEnd(34)} ${total
        .toFixed(1)
        .padStart(7)} ms, of which GC ${gc.toFixed(1).padStart(5)} ms`,
    );
  }
}

async function main() {
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
  const kept: number[] = [];
  const load: number[] = [];
  const loadMap: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    for (const f of files) parse(f.text);
    bare.push(performance.now() - t);
    t = performance.now();
    const tables: unknown[] = [];
    for (const f of files) tables.push(parse(f.text));
    kept.push(performance.now() - t);
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
  row('smol-toml parse, tables kept', kept);
  row('loadRegistry', load);
  row('loadRegistry + mapRegistryToEntities', loadMap);
  console.log(
    `target: loadRegistry + mapRegistryToEntities <= 2x bare parse: ${
      median(loadMap) / base <= 2 ? 'met' : 'not met'
    }`,
  );
  if (breakdown) await printBreakdown(files);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
