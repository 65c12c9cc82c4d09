/*
 * Benchmark of loadRegistry (parse + key positions + checks) at registry scale.
 *
 *   ./portal exec yarn bench:load [--projects 50] [--per-project 200] [--globals 100]
 *     [--rounds 5] [--per-block 4] [--breakdown] [--retained]
 *
 * Prints the medians of
 *   - a bare smol-toml parse of the same files (the baseline),
 *   - the same parse keeping every parsed table until all files are parsed (what any loader that
 *     keeps the records as written pays on top of the bare parse: the garbage collector copies
 *     the tables it keeps),
 *   - loadRegistry(files),
 *   - loadRegistry(files) + mapRegistryToEntities (target <= 2x the bare parse),
 *   - the floor of that target (lib/floorLoad.ts): smol-toml parses the files and only the
 *     objects the mapping reads are built, without any check or position, then mapped (the
 *     benchmark first checks that it maps to exactly the same entities),
 * and their ratios to the bare parse, each timed in its own steady state (see
 * lib/steadyState.ts: blocks of consecutive runs, alternating between contenders). With
 * --breakdown, also where the time goes: parsing the files (parseTomlFile, as loadRegistry does),
 * loadRegistry, and the mapping of a loaded registry, with the garbage collector's pauses in each.
 * With --retained, also the heap that one result of each contender keeps alive.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import {
  loadRegistry,
  parseTomlFile,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import {
  MappedEntity,
  mapRegistryToEntities,
} from '../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { generateRegistry } from './lib/generateRegistry';
import { benchMapOptions } from './lib/mapOptions';
import { flagArg, numberArg, registrySizeArgs, median } from './lib/args';
import {
  bareParse,
  floorAndMap,
  loadAndMap,
  loadOnly,
  parseKept,
} from './lib/contenders';
import { retainedBytes } from './lib/retained';
import { durations, timeInSteadyState } from './lib/steadyState';

const options = registrySizeArgs();
const rounds = numberArg('rounds', 5);
const perBlock = numberArg('per-block', 4);
const runs = rounds * perBlock;
const breakdown = flagArg('breakdown');
const retained = flagArg('retained');

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
 * The breakdown of load + map: parse only (parseTomlFile of every file, keeping the results as
 * loadRegistry does), loadRegistry, and mapRegistryToEntities of a registry loaded beforehand,
 * each with the GC pauses that started during its runs.
 */
async function printBreakdown(files: RegistryFileInput[]) {
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      pauses.push({ start: entry.startTime, duration: entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const loaded = loadRegistry(files);
  const samples = timeInSteadyState(
    [
      bareParse(files),
      {
        label: 'parseTomlFile, results kept',
        run: () => files.map(f => parseTomlFile(f.path, f.text)),
      },
      loadOnly(files),
      {
        label: 'mapRegistryToEntities',
        run: () => mapRegistryToEntities(loaded, mapOptions),
      },
    ],
    { rounds, perBlock },
  );
  // let the observer deliver the last pauses
  await new Promise(resolve => setTimeout(resolve, 50));
  observer.disconnect();
  console.log(
    `breakdown (median of ${runs} runs; GC = pauses that started in the run):`,
  );
  for (const [label, spans] of samples) {
    const total = median(durations(spans));
    const gc = median(spans.map(([a, b]) => gcWithin(a, b)));
    console.log(
      `  ${label.padEnd(34)} ${total
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

  // the floor must hand the mapping the same work as the real load
  const floor = floorAndMap(files, mapOptions);
  const floorEntities = JSON.stringify(
    (floor.run() as MappedEntity[]).map(m => m.entity),
  );
  if (floorEntities !== JSON.stringify(entities.map(m => m.entity))) {
    throw new Error(
      'lib/floorLoad.ts maps to other entities than loadRegistry: the floor would not be comparable',
    );
  }

  const baseline = bareParse(files);
  const target = loadAndMap(files, mapOptions);
  const others = [parseKept(files), loadOnly(files), target, floor];
  const contenders = [baseline, ...others];
  // warm-up, so that every contender runs optimised code
  for (let i = 0; i < 2; i++)
    for (const contender of contenders) contender.run();

  const samples = timeInSteadyState(contenders, { rounds, perBlock });
  const bare = durations(samples.get(baseline.label)!);
  const loadMap = durations(samples.get(target.label)!);
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
  console.log(
    `median of ${rounds} rounds x ${perBlock} runs, each contender in its own steady state:`,
  );
  for (const [label, spans] of samples) row(label, durations(spans));
  console.log(
    `target: ${target.label} <= 2x bare parse: ${
      median(loadMap) / base <= 2 ? 'met' : 'not met'
    }`,
  );
  if (breakdown) await printBreakdown(files);
  if (retained) {
    console.log('heap kept alive by one result:');
    for (const contender of others) {
      const mb = retainedBytes(contender) / 1e6;
      console.log(
        `  ${contender.label.padEnd(36)} ${mb.toFixed(1).padStart(5)} MB`,
      );
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
