/*
 * Benchmark (d): the memory the service-registry suite adds to a Backstage backend at registry
 * scale.
 *
 *   ./portal exec yarn bench:memory [--db pg|sqlite|both] [--settle 20] [--yaml] [--api]
 *     [--processing-interval default|<seconds>] [--provider-frequency 2] [--timeline]
 *     [--v8-trace <folder>]
 *     [--projects 50] [--per-project 200] [--globals 100]
 *
 * For each kind of catalog database (PostgreSQL by default; `--db both` also in-memory SQLite,
 * where the catalog's rows live inside the backend process), backends run as child processes one
 * after the other, each on a fresh database (PostgreSQL: a fresh database name prefix, dropped
 * afterwards):
 *   none      the catalog without the registry: the baseline
 *   provider  the catalog with the suite's entity provider ingesting the registry
 *   yaml      (--yaml) the catalog ingesting the same entities from one YAML Location: what
 *             holding these entities costs the catalog itself, without the suite
 *   api       (--api) provider + the service-registry backend plugin (and the permission
 *             backend), with the graph, findings and one service requested once; its baseline
 *             is none-api (the catalog and the permission backend)
 * Each backend is measured once it is ready (the baselines) or once all entities are queryable,
 * over a settle period: RSS every 2 s of it (its median: a single sample lands anywhere on the
 * heap's saw-tooth between collections), and at its end RSS and V8 heapUsed as they are, then
 * again after two forced full
 * garbage collections (the children run with --expose-gc; the last one V8's last-resort
 * collection, which also gives free heap pages back). (d) is provider - none. With --timeline,
 * the samples taken every 2 s from the start to the end of the settle period are printed too
 * (peak and series). The catalog re-processes its entities at Backstage's default interval (100
 * to 150 s); `--processing-interval 5` is the ingestion benchmark's setting, where the catalog
 * re-processes all of them continuously. The provider reads the registry every 2 s (as in the
 * ingestion benchmark, for freshness), or every `--provider-frequency` seconds (the provider's
 * default schedule is every 300 s). With --v8-trace, each child runs with V8's `--trace-gc` and
 * `--trace-memory-reducer`, writes that trace to `<folder>/<database>-<backend>.log`, and the
 * report says when V8's memory reducer started a collection and how many young-generation
 * collections the settle period saw: RSS falls from the high-water of the catalog's first
 * processing only when the memory reducer runs, and it runs only after the backend's allocation
 * has stayed low for a while.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { stringify } from 'yaml';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { mapRegistryToEntities } from '../plugins/catalog-backend-module-service-registry/src/lib/mapRegistryToEntities';
import { generateRegistry } from './lib/generateRegistry';
import { benchMapOptions } from './lib/mapOptions';
import {
  BenchBackend,
  ChildMemory,
  sleep,
  summariseV8Trace,
  V8TraceSummary,
} from './lib/BenchBackendProcess';
import {
  flagArg,
  median,
  numberArg,
  registrySizeArgs,
  stringArg,
} from './lib/args';

const options = registrySizeArgs();
const settleSeconds = numberArg('settle', 20);
const withYaml = flagArg('yaml');
const withApi = flagArg('api');
const withTimeline = flagArg('timeline');
const v8TraceDir = stringArg('v8-trace', '');
const processingInterval = stringArg('processing-interval', 'default');
const providerFrequency = numberArg('provider-frequency', 2);
const dbArg = stringArg('db', 'pg');
const databases = dbArg === 'both' ? ['pg', 'sqlite'] : [dbArg];

const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  ...(process.env.PGPASSWORD ? { password: process.env.PGPASSWORD } : {}),
};

/** Drops the databases a backend created under a prefix. */
async function dropDatabases(prefix: string) {
  const knex = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    const rows: Array<{ datname: string }> = await knex('pg_database')
      .where('datname', 'like', `${prefix}%`)
      .select('datname');
    for (const { datname } of rows) {
      await knex.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await knex.destroy();
  }
}

interface Measured {
  database: string;
  backend: string;
  settled: ChildMemory;
  collected: ChildMemory;
  seconds?: number;
  /** With --timeline: [seconds since start, RSS, heapUsed] every 2 s. */
  timeline?: Array<[number, number, number]>;
  /** RSS and heapUsed every 2 s of the settle period. */
  settling: Array<{ rss: number; heapUsed: number }>;
  /** The settle period, in seconds since the backend's start. */
  settle: [number, number];
  /** With --v8-trace: the child's trace file, and what it tells of the settle period. */
  v8Trace?: V8TraceSummary & { file: string };
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const medianRss = (m: Measured) => median(m.settling.map(x => x.rss));
const maxRss = (m: Measured) => Math.max(...m.settling.map(x => x.rss));
const signed = (value: number) =>
  `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(0)}`;

async function measure(
  database: string,
  mode: string,
  target: string,
  expected: number | undefined,
  afterReady?: (backend: BenchBackend) => Promise<void>,
): Promise<Measured> {
  const prefix = `bench_${process.pid}_${mode.replace('-', '_')}_`;
  const v8TraceFile = v8TraceDir
    ? path.join(v8TraceDir, `${database}-${mode}.log`)
    : undefined;
  const backend = await BenchBackend.start(mode, target, {
    database: database === 'pg' ? `pg:${prefix}` : 'sqlite',
    ipc: true,
    processingInterval,
    providerFrequency,
    v8TraceFile,
  });
  let measured: Measured;
  // RSS and heapUsed every 2 s from the start: the settle period's samples are compared, the
  // whole series printed with --timeline. The heap saw-tooths between collections (the catalog's
  // processing allocates continuously), so one sample lands anywhere between the live heap and
  // the next collection's limit.
  const timeline: Array<[number, number, number]> = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const m = await backend.memory(false).catch(() => undefined);
      if (m) {
        timeline.push([
          (performance.now() - backend.startedAt) / 1000,
          m.rss,
          m.heapUsed,
        ]);
      }
      await sleep(2000);
    }
  })();
  try {
    let seconds: number | undefined;
    if (expected !== undefined) {
      const done = await backend.waitForCount(expected, 1_800_000);
      seconds = (done - backend.startedAt) / 1000;
    }
    if (afterReady) await afterReady(backend);
    const settleStart = (performance.now() - backend.startedAt) / 1000;
    await sleep(settleSeconds * 1000);
    sampling = false;
    await sampler;
    const settle: [number, number] = [
      settleStart,
      (performance.now() - backend.startedAt) / 1000,
    ];
    const settled = await backend.memory(false);
    const collected = await backend.memory(true);
    const settling = timeline
      .filter(([t]) => t >= settleStart)
      .map(([, rss, heapUsed]) => ({ rss, heapUsed }));
    settling.push({ rss: settled.rss, heapUsed: settled.heapUsed });
    measured = {
      database,
      backend: mode,
      settled,
      collected,
      seconds,
      settling,
      settle,
      ...(withTimeline ? { timeline } : {}),
    };
  } finally {
    sampling = false;
    await backend.stop();
    if (database === 'pg') await dropDatabases(prefix);
  }
  // the trace is complete once the child has stopped
  if (v8TraceFile) {
    measured.v8Trace = {
      file: v8TraceFile,
      ...summariseV8Trace(v8TraceFile, ...measured.settle),
    };
  }
  return measured;
}

async function main() {
  if (v8TraceDir) fs.mkdirSync(v8TraceDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-registry-'));
  const files = [];
  for (const [file, text] of generateRegistry(options)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    files.push({ path: file, text });
  }
  const registry = loadRegistry(files);
  const entities = mapRegistryToEntities(registry, benchMapOptions(dir)).map(
    m => m.entity,
  );
  const yamlFile = path.join(dir, 'entities.yaml');
  if (withYaml) {
    fs.writeFileSync(yamlFile, entities.map(e => stringify(e)).join('---\n'));
  }
  console.log(
    `registry: ${registry.services.size} services, ${files.length} files; ${
      entities.length
    } entities (+1 status resource); settle ${settleSeconds} s; catalog processing interval ${
      processingInterval === 'default'
        ? "Backstage's default"
        : `${processingInterval} s`
    }; provider every ${providerFrequency} s; databases: ${databases.join(
      ', ',
    )}`,
  );

  const results: Measured[] = [];
  const report = (m: Measured) => {
    results.push(m);
    console.log(
      `  ${m.database.padEnd(6)} ${m.backend.padEnd(8)} RSS ${mb(m.settled.rss)
        .toFixed(0)
        .padStart(5)} MB settled, ${mb(m.collected.rss)
        .toFixed(0)
        .padStart(5)} MB after GC; heapUsed ${mb(m.settled.heapUsed)
        .toFixed(0)
        .padStart(4)} MB settled, ${mb(m.collected.heapUsed)
        .toFixed(0)
        .padStart(4)} MB after GC${
        m.seconds !== undefined
          ? `; all entities queryable after ${m.seconds.toFixed(1)} s`
          : ''
      }`,
    );
    console.log(
      `           over the settle period (${
        m.settling.length
      } samples, every 2 s): RSS median ${mb(medianRss(m)).toFixed(
        0,
      )} MB, max ${mb(maxRss(m)).toFixed(0)} MB`,
    );
    if (m.v8Trace) {
      const { file, reducerRuns, scavenges } = m.v8Trace;
      const [from, to] = m.settle;
      console.log(
        `           V8 (${file}): the memory reducer started ${
          reducerRuns.length
        } collection(s)${
          reducerRuns.length
            ? ` at ${reducerRuns.map(t => `${t.toFixed(0)} s`).join(', ')}`
            : ''
        }; settle period ${from.toFixed(0)}-${to.toFixed(
          0,
        )} s, ${scavenges} young-generation collections in it (${(
          (scavenges / Math.max(1, to - from)) *
          10
        ).toFixed(1)} per 10 s)`,
      );
    }
    if (m.timeline?.length) {
      const peak = m.timeline.reduce((a, b) => (b[1] > a[1] ? b : a));
      const peakHeap = m.timeline.reduce((a, b) => (b[2] > a[2] ? b : a));
      console.log(
        `           peak RSS ${mb(peak[1]).toFixed(0)} MB at ${peak[0].toFixed(
          0,
        )} s, peak heapUsed ${mb(peakHeap[2]).toFixed(
          0,
        )} MB at ${peakHeap[0].toFixed(
          0,
        )} s; every 2 s (s: RSS/heapUsed MB): ${m.timeline
          .map(
            ([t, rss, heap]) =>
              `${t.toFixed(0)}: ${mb(rss).toFixed(0)}/${mb(heap).toFixed(0)}`,
          )
          .join(', ')}`,
      );
    }
  };

  for (const database of databases) {
    report(await measure(database, 'none', dir, undefined));
    report(await measure(database, 'provider', dir, entities.length + 1));
    if (withYaml) {
      report(await measure(database, 'yaml', yamlFile, entities.length));
    }
    if (withApi) {
      report(await measure(database, 'none-api', dir, undefined));
      report(
        await measure(
          database,
          'api',
          dir,
          entities.length + 1,
          async backend => {
            for (const url of [
              '/api/service-registry/graph',
              '/api/service-registry/findings',
              '/api/service-registry/services/global-1',
            ]) {
              const res = await backend.fetch(url);
              if (!res.ok) throw new Error(`${url}: ${res.status}`);
              await res.arrayBuffer();
            }
          },
        ),
      );
    }
  }

  console.log('(d) memory the suite adds to the backend (target <= 150 MB):');
  const find = (database: string, backend: string) =>
    results.find(r => r.database === database && r.backend === backend);
  const delta = (label: string, a?: Measured, b?: Measured) => {
    if (!a || !b) return;
    const rssSettled = mb(a.settled.rss - b.settled.rss);
    const rssMedian = mb(medianRss(a) - medianRss(b));
    const rssCollected = mb(a.collected.rss - b.collected.rss);
    const heapCollected = mb(a.collected.heapUsed - b.collected.heapUsed);
    const met = (value: number) => (value <= 150 ? 'met' : 'not met');
    console.log(
      `  ${label}: RSS ${signed(rssMedian)} MB median over the settle (${met(
        rssMedian,
      )}), ${signed(rssSettled)} MB at its end (${met(rssSettled)}), ${signed(
        rssCollected,
      )} MB after GC (${met(rssCollected)}); heapUsed ${signed(
        heapCollected,
      )} MB after GC`,
    );
  };
  for (const database of databases) {
    const name = database === 'pg' ? 'PostgreSQL' : 'in-memory SQLite';
    delta(
      `${name}, provider vs none`,
      find(database, 'provider'),
      find(database, 'none'),
    );
    delta(
      `${name}, YAML Location vs none (the catalog's own cost of these entities)`,
      find(database, 'yaml'),
      find(database, 'none'),
    );
    delta(
      `${name}, provider vs YAML Location (the suite beyond the catalog's own cost)`,
      find(database, 'provider'),
      find(database, 'yaml'),
    );
    delta(
      `${name}, provider + backend plugin vs none-api`,
      find(database, 'api'),
      find(database, 'none-api'),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
