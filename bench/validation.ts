/*
 * Benchmark of validation and diff at registry scale (10,000 services, about 20,000 edges).
 *
 *   ./portal exec node --require @backstage/cli/config/nodeTransform.cjs bench/validation.ts \
 *     [--projects 50] [--per-project 200] [--globals 100] [--runs 7] [--rules]
 *
 * Prints the median over the runs of: (a) a bare smol-toml parse of the files (the baseline),
 * (b) loadRegistry, (c) validateRegistry on the loaded registry, (d) diffRegistries between it
 * and a head with a few changes (a major bump, a port change, a removed service); each also as a
 * ratio to the bare parse. With --rules, also the median time of each validation rule (and of
 * building the graph) on its own.
 */
import { performance } from 'node:perf_hooks';
import { parse } from 'smol-toml';
import { loadRegistry } from '../plugins/service-registry-common/src/load/buildRegistry';
import type { RegistryFileInput } from '../plugins/service-registry-common/src/model/types';
import {
  createValidationContext,
  validateRegistry,
  VALIDATION_RULES,
} from '../plugins/service-registry-common/src/validation';
import { diffRegistries } from '../plugins/service-registry-common/src/diff';
import { generateRegistry } from './lib/generateRegistry';
import { flagArg, median, numberArg, registrySizeArgs } from './lib/args';

const options = registrySizeArgs();
const runs = numberArg('runs', 7);
const TODAY = '2026-01-15';

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
}

/** The head of the diff: a few edits of the kind a pull request makes. */
function withChanges(files: Map<string, string>): RegistryFileInput[] {
  const head = new Map(files);
  const catalog = head.get('services/catalog.toml')!;
  head.set(
    'services/catalog.toml',
    catalog
      .replace(
        '[service.global-5]\nname = "Global service 5"',
        '[service.global-5]\nname = "Global service 5 v2"',
      )
      .replace(
        /(\[service\.global-7\][^[]*?version = ")(\d+)/,
        (_, head_: string, major: string) => `${head_}${Number(major) + 1}`,
      )
      .replace('port = 8010', 'port = 9010'),
  );
  const project = head.get('projects/project-0/services.toml')!;
  const cut = project.indexOf(`[service.p0-svc-${options.perProject - 1}]`);
  head.set('projects/project-0/services.toml', project.slice(0, cut));
  return [...head].map(([path, text]) => ({ path, text }));
}

const files = generateRegistry(options);
const inputs: RegistryFileInput[] = [...files].map(([path, text]) => ({
  path,
  text,
}));
const headInputs = withChanges(files);

const samples = {
  parse: [] as number[],
  load: [] as number[],
  validate: [] as number[],
  diff: [] as number[],
};
let summary = '';
for (let run = 0; run < runs; run++) {
  samples.parse.push(time(() => inputs.map(f => parse(f.text)))[0]);
  const [loadMs, registry] = time(() => loadRegistry(inputs));
  samples.load.push(loadMs);
  const [validateMs, findings] = time(() =>
    validateRegistry(registry, { today: TODAY }),
  );
  samples.validate.push(validateMs);
  const head = loadRegistry(headInputs);
  const [diffMs, diff] = time(() =>
    diffRegistries(registry, head, { today: TODAY }),
  );
  samples.diff.push(diffMs);
  if (run === 0) {
    let edges = 0;
    for (const service of registry.services.values()) {
      edges +=
        service.dependencies.requires.length +
        service.dependencies.optional.length;
    }
    const byCode = new Map<string, number>();
    for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    summary = [
      `registry: ${registry.services.size} services, ${edges} dependency edges, ${files.size} files`,
      `findings: ${findings.length} (${[...byCode]
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')})`,
      `diff: ${diff.changed.length} changed, ${diff.removed.length} removed, ${
        diff.breakingChanges.length
      } breaking changes (${diff.breakingChanges
        .map(
          c => `${c.service}/${c.kind} affecting ${c.impact.counts.services}`,
        )
        .join(', ')})`,
    ].join('\n');
  }
}

const base = median(samples.parse);
const row = (label: string, values: number[]) =>
  `${label.padEnd(34)} ${median(values).toFixed(1).padStart(8)} ms  ${(
    median(values) / base
  )
    .toFixed(2)
    .padStart(6)}x`;
console.log(summary);
console.log(`median of ${runs} runs (ratio to the bare parse):`);
console.log(row('(a) bare smol-toml parse', samples.parse));
console.log(row('(b) loadRegistry', samples.load));
console.log(row('(c) validateRegistry', samples.validate));
console.log(row('(d) diffRegistries (base vs head)', samples.diff));

if (flagArg('rules')) {
  const registry = loadRegistry(inputs);
  const perRule = new Map<string, number[]>([['(graph and context)', []]]);
  for (let run = 0; run < runs; run++) {
    const [contextMs, ctx] = time(() =>
      createValidationContext(registry, TODAY),
    );
    perRule.get('(graph and context)')!.push(contextMs);
    for (const [name, rule] of Object.entries(VALIDATION_RULES)) {
      const list = perRule.get(name) ?? [];
      list.push(time(() => rule(ctx))[0]);
      perRule.set(name, list);
    }
  }
  console.log('validation by rule (median):');
  for (const [name, values] of perRule) console.log(row(`  ${name}`, values));
}
