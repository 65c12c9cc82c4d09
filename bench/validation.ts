/*
 * Benchmark of validation and diff at registry scale (10,000 services, about 20,000 edges).
 *
 *   ./portal exec yarn bench:validation \
 *     [--projects 50] [--per-project 200] [--globals 100] [--rounds 5] [--per-block 4] [--rules]
 *
 * Prints the median over the runs (each contender in its own steady state, see
 * lib/steadyState.ts) of: (a) a bare smol-toml parse of the files (the baseline),
 * (b) loadRegistry, (c) validateRegistry on the loaded registry, (d) diffRegistries between it
 * and a head with a few changes (a major bump, a port change, a removed service), (e) the consumer
 * notices of that change (`planConsumerNotices` of the notifications module: deprecation stages
 * of head and the breaking changes told to consumers); each also as a ratio to the bare parse. With --rules, also the median time of each validation rule (and of
 * building the graph) on its own.
 */
import { loadRegistry } from '../plugins/service-registry-common/src/load/buildRegistry';
import {
  keepSourceFiles,
  sourceFilesOf,
} from '../plugins/service-registry-common/src/load/sourceFiles';
import type {
  LoadedRegistry,
  RegistryFileInput,
} from '../plugins/service-registry-common/src/model/types';
import {
  createValidationContext,
  validateRegistry,
  VALIDATION_RULES,
} from '../plugins/service-registry-common/src/validation';
import { diffRegistries } from '../plugins/service-registry-common/src/diff';
import { planConsumerNotices } from '../plugins/service-registry-backend-module-notifications/src/lib/planConsumerNotices';
import { generateRegistry } from './lib/generateRegistry';
import { withChanges } from './lib/withChanges';
import { flagArg, median, numberArg, registrySizeArgs } from './lib/args';
import { bareParse, loadOnly } from './lib/contenders';
import { retainedBytes } from './lib/retained';
import { durations, timeInSteadyState } from './lib/steadyState';

const options = registrySizeArgs();
const rounds = numberArg('rounds', 5);
const perBlock = numberArg('per-block', 4);
const TODAY = '2026-01-15';

const files = generateRegistry(options);
const inputs: RegistryFileInput[] = [...files].map(([path, text]) => ({
  path,
  text,
}));
const headInputs = withChanges(files, options.perProject);

const registry = loadRegistry(inputs);
const head = loadRegistry(headInputs);
const findings = validateRegistry(registry, { today: TODAY });
const diff = diffRegistries(registry, head, { today: TODAY });
let edges = 0;
for (const service of registry.services.values()) {
  edges +=
    service.dependencies.requires.length + service.dependencies.optional.length;
}
const byCode = new Map<string, number>();
for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
console.log(
  `registry: ${registry.services.size} services, ${edges} dependency edges, ${files.size} files`,
);
console.log(
  `findings: ${findings.length} (${[...byCode]
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')})`,
);
console.log(
  `diff: ${diff.changed.length} changed, ${diff.removed.length} removed, ${
    diff.breakingChanges.length
  } breaking changes (${diff.breakingChanges
    .map(c => `${c.service}/${c.kind} affecting ${c.impact.counts.services}`)
    .join(', ')})`,
);

const notices = planConsumerNotices({ head, base: registry, today: TODAY });
console.log(
  `consumer notices: ${notices.length} (${
    notices.filter(n => n.kind === 'breaking-change').length
  } of breaking changes), to ${notices.reduce(
    (sum, n) => sum + n.consumers.length,
    0,
  )} consuming services`,
);

/**
 * The same registry as another object: the dependency graph is built once per registry object
 * (dependencyGraphOf), and an ingestion validates a registry it has just loaded, so each timed run
 * builds its graph as production does. The copy keeps the files it was loaded from, so that the
 * scan of the values as written reads them, as for a registry `loadRegistry` returns.
 */
function fresh(loaded: LoadedRegistry): LoadedRegistry {
  const copy = { ...loaded };
  keepSourceFiles(copy, sourceFilesOf(loaded)!);
  return copy;
}

const baseline = bareParse(inputs, '(a) bare smol-toml parse');
const samples = timeInSteadyState(
  [
    baseline,
    loadOnly(inputs, '(b) loadRegistry'),
    {
      label: '(c) validateRegistry',
      run: () => validateRegistry(fresh(registry), { today: TODAY }),
    },
    {
      label: '(d) diffRegistries (base vs head)',
      run: () => diffRegistries(fresh(registry), fresh(head), { today: TODAY }),
    },
    {
      label: '(e) planConsumerNotices',
      run: () =>
        planConsumerNotices({
          head: fresh(head),
          base: fresh(registry),
          today: TODAY,
        }),
    },
  ],
  { rounds, perBlock },
);
const base = median(durations(samples.get(baseline.label)!));
const row = (label: string, spans: Array<[number, number]>) => {
  const value = median(durations(spans));
  return `${label.padEnd(34)} ${value.toFixed(1).padStart(8)} ms  ${(
    value / base
  )
    .toFixed(2)
    .padStart(6)}x`;
};
console.log(
  `median of ${rounds} rounds x ${perBlock} runs, each in its own steady state (ratio to the bare parse):`,
);
for (const [label, spans] of samples) console.log(row(label, spans));

if (flagArg('rules')) {
  const ctx = createValidationContext(registry, TODAY);
  const perRule = timeInSteadyState(
    [
      {
        label: '(graph and context)',
        run: () => createValidationContext(fresh(registry), TODAY),
      },
      // each run on a context of its own: `secretValues` and `nestingDepth` share one walk of
      // the values, kept for the context (validateRegistry pays it once; here each pays it)
      ...Object.entries(VALIDATION_RULES).map(([name, rule]) => ({
        label: name,
        run: () => rule({ ...ctx }),
      })),
    ],
    { rounds, perBlock },
  );
  console.log('validation by rule (median):');
  for (const [name, spans] of perRule) console.log(row(`  ${name}`, spans));
}

const loadedHeap = retainedBytes(loadOnly(inputs));
const validatedHeap = retainedBytes({
  label: 'loadRegistry + validateRegistry',
  run: () => {
    const loaded = loadRegistry(inputs);
    return [loaded, validateRegistry(loaded, { today: TODAY })];
  },
});
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `heap kept: the loaded registry ${megabytes(
    loadedHeap,
  )}; validated, with its findings ${megabytes(
    validatedHeap,
  )} (validation adds ${megabytes(validatedHeap - loadedHeap)})`,
);
