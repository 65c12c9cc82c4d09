/*
 * Benchmark of the service-registry entity provider at registry scale, against Backstage itself.
 *
 *   ./portal exec yarn bench:ingestion [--projects 50] [--per-project 200] [--globals 100] [--skip-yaml]
 *     [--provider-frequency 2]
 *
 * One run prints, as ratios against the named baseline:
 *   (a) load + map time           vs a bare smol-toml parse of the same files      (target <= 2x)
 *   (b) time until all entities are queryable in the catalog
 *                                 vs the same entities as one YAML Location       (target <= 1.0x)
 *   (c) freshness: a one-line change visible after the provider's next run, and the share of
 *       entities rewritten                                                         (target <= 10 s, <= 1%)
 *       (the provider runs every `--provider-frequency` seconds, 2 by default; on a schedule longer
 *       than the 10 s of (c), the benchmark triggers its task when it writes the change, through
 *       the scheduler's `POST .../.backstage/scheduler/v1/tasks/<id>/trigger`)
 *   (d) backend RSS with the registry ingested vs the same backend without it     (target <= 150 MB)
 * Backends run as child processes (in-memory SQLite, catalog only) so that each one's memory is
 * its own; everything else runs in this process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import {
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from '../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { generateRegistry } from './lib/generateRegistry';
import { benchMapOptions } from './lib/mapOptions';
import { BenchBackend, rssMb, sleep } from './lib/BenchBackendProcess';
import { flagArg, median, numberArg, registrySizeArgs } from './lib/args';
import { bareParse, loadAndMap } from './lib/contenders';
import { durations, timeInSteadyState } from './lib/steadyState';

const options = registrySizeArgs();
const skipYaml = flagArg('skip-yaml');
const providerFrequency = numberArg('provider-frequency', 2);
/** The provider's scheduled task (`ServiceRegistryEntityProvider.taskId` of registry `default`). */
const PROVIDER_TASK = 'service-registry-provider:default:refresh';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-registry-'));
  const generated = generateRegistry(options);
  const files: RegistryFileInput[] = [];
  for (const [file, text] of generated) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    files.push({ path: file, text });
  }
  const registry = loadRegistry(files);
  const entities = mapRegistryToEntities(registry, benchMapOptions(dir)).map(
    m => m.entity,
  );
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
    )} MB; ${entities.length} entities (+1 status resource)`,
  );

  // (a) load + map vs bare parse, each in its own steady state (as bench:load measures it)
  const mapOptions = benchMapOptions(dir);
  const samples = timeInSteadyState(
    [bareParse(files, 'bare'), loadAndMap(files, mapOptions, 'ours')],
    { rounds: 5, perBlock: 4 },
  );
  const bare = durations(samples.get('bare')!);
  const ours = durations(samples.get('ours')!);
  const a = median(ours) / median(bare);
  console.log(
    `(a) load+map ${median(ours).toFixed(
      0,
    )} ms vs bare smol-toml parse ${median(bare).toFixed(0)} ms: ${a.toFixed(
      2,
    )}x (target <= 2x)`,
  );

  const expected = entities.length + 1;

  // (b) baseline: Backstage ingesting the same entities from a YAML Location
  let yamlSeconds: number | undefined;
  let yamlRss: number | undefined;
  if (!skipYaml) {
    const yamlFile = path.join(dir, 'entities.yaml');
    fs.writeFileSync(yamlFile, entities.map(e => stringify(e)).join('---\n'));
    const yaml = await BenchBackend.start('yaml', yamlFile);
    // the YAML path yields the entities plus its Location entities
    const yamlExpected = entities.length;
    const done = await yaml.waitForCount(yamlExpected, 900_000);
    yamlSeconds = (done - yaml.startedAt) / 1000;
    await sleep(15_000);
    yamlRss = rssMb(yaml.child.pid!);
    await yaml.stop();
    console.log(
      `    YAML Location: all ${yamlExpected} entities queryable after ${yamlSeconds.toFixed(
        1,
      )} s`,
    );
  }

  // memory baseline: the same backend without any registry
  const none = await BenchBackend.start('none', dir);
  await sleep(15_000);
  const noneRss = rssMb(none.child.pid!);
  await none.stop();

  // (b) ours
  const provider = await BenchBackend.start('provider', dir, {
    providerFrequency,
  });
  const done = await provider.waitForCount(expected, 900_000);
  const providerSeconds = (done - provider.startedAt) / 1000;
  console.log(
    `(b) provider: all ${expected} entities queryable after ${providerSeconds.toFixed(
      1,
    )} s` +
      (yamlSeconds
        ? ` vs YAML Location ${yamlSeconds.toFixed(1)} s: ${(
            providerSeconds / yamlSeconds
          ).toFixed(2)}x (target <= 1.0x)`
        : ''),
  );

  // (c) freshness: change one line, wait for the provider's next run (every 2 s) to show it
  const project = Math.min(7, options.projects - 1);
  const target = `projects/project-${project}/services.toml`;
  const before = fs.readFileSync(path.join(dir, target), 'utf8');
  const changedAt = performance.now();
  fs.writeFileSync(
    path.join(dir, target),
    before.replace(
      `description = "Synthetic service p${project}-svc-3"`,
      'description = "Changed by the benchmark"',
    ),
  );
  // a schedule longer than the target: the refresh is triggered, as a webhook would
  const triggered = providerFrequency > 10;
  if (triggered) {
    const res = await provider.fetch(
      `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
        PROVIDER_TASK,
      )}/trigger`,
      'POST',
    );
    if (!res.ok) {
      throw new Error(
        `triggering ${PROVIDER_TASK}: ${res.status} ${await res.text()}`,
      );
    }
  }
  let visibleAt = 0;
  for (;;) {
    const entity = await provider.get(
      `/entities/by-name/component/default/p${project}-svc-3`,
    );
    if (entity.metadata.description === 'Changed by the benchmark') {
      visibleAt = performance.now();
      break;
    }
    if (performance.now() - changedAt > 120_000)
      throw new Error('change not visible in 120 s');
    await sleep(100);
  }
  const status = await provider.get(
    '/entities/by-name/resource/default/service-registry-default',
  );
  const summary: string =
    status.metadata.annotations['service-registry.io/ingestion-summary'];
  const written = Number(/(\d+) written/.exec(summary)?.[1] ?? NaN);
  console.log(
    `(c) freshness: one-line change visible after ${(
      (visibleAt - changedAt) /
      1000
    ).toFixed(1)} s (${
      triggered ? 'refresh triggered' : `schedule every ${providerFrequency} s`
    }; target <= 10 s); ` +
      `${written} of ${expected} entities rewritten (${(
        (written / expected) *
        100
      ).toFixed(3)}%, target <= 1%)`,
  );

  // (d) memory with the registry ingested, settled
  await sleep(15_000);
  const providerRss = rssMb(provider.child.pid!);
  await provider.stop();
  console.log(
    `(d) backend RSS with the registry ${providerRss.toFixed(
      0,
    )} MB vs without ${noneRss.toFixed(0)} MB: +${(
      providerRss - noneRss
    ).toFixed(0)} MB (target <= 150 MB)`,
  );
  if (yamlRss !== undefined) {
    console.log(
      `    the same entities from the YAML Location: ${yamlRss.toFixed(
        0,
      )} MB; the suite's own share (provider - YAML) ${(
        providerRss - yamlRss
      ).toFixed(0)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
