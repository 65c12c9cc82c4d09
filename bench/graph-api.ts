/*
 * Load benchmark of the service-registry backend's graph endpoint at registry scale.
 *
 *   ./portal exec yarn bench:graph-api [--projects 50] [--per-project 200] [--globals 100]
 *                                      [--clients 20] [--seconds 15]
 *
 * A real backend (catalog + the service-registry provider + the service-registry backend plugin,
 * in-memory SQLite) runs in a child process on the generated registry. Once the snapshot is
 * published, `--clients` concurrent clients request `GET /api/service-registry/graph` (the whole
 * graph, every node and edge) for `--seconds`; then the same load runs against what the service
 * topology card asks on a service page (`GET /api/service-registry/graph?service=&depth=`: the
 * neighbourhood of a project service at the card's default depth, and of the global service the
 * other globals depend on through a chain, at the largest depth), and against a small authenticated catalog read
 * (`GET /api/catalog/entities/by-name/...`) as the baseline.
 * Prints p50/p95/p99 latency, throughput and response size of each, and the ratios. Target:
 * graph p99 < 100 ms.
 * The clients use keep-alive connections and ask for gzip, as browsers do, and do not decompress.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateRegistry } from './lib/generateRegistry';
import { BenchBackend, sleep, TOKEN } from './lib/BenchBackendProcess';
import { numberArg, registrySizeArgs } from './lib/args';

const options = registrySizeArgs();
const clients = numberArg('clients', 20);
const seconds = numberArg('seconds', 15);

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/**
 * One request with a raw HTTP client (keep-alive, `Accept-Encoding: gzip`, body read but not
 * decompressed), like load generators such as autocannon: the time measured is the server's, not
 * the client's decompression on the same machine.
 */
function timedRequest(agent: http.Agent, port: number, url: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: url,
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'accept-encoding': 'gzip',
        },
      },
      res => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

async function load(backend: BenchBackend, url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let bytes = 0;
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await timedRequest(agent, backend.port, url);
        latencies.push(performance.now() - t);
        bytes = res.bytes;
        if (res.status !== 200) failures++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    bytes,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** The topology card's request on a project service's page, at its default depth. */
const CARD_URL = '/api/service-registry/graph?service=p0-svc-0&depth=2';
/** The same for `global-0` (the end of the globals' chain of dependencies), at the largest depth. */
const BUSIEST_URL = '/api/service-registry/graph?service=global-0&depth=5';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graph-'));
  const files = generateRegistry(options);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const expected = options.projects * options.perProject + options.globals;
  const backend = await BenchBackend.start('api', dir);
  try {
    const deadline = performance.now() + 300_000;
    for (;;) {
      const res = await backend.fetch('/api/service-registry/registries');
      const body = res.ok ? await res.json() : undefined;
      if (body?.items?.[0]?.services === expected) break;
      if (performance.now() > deadline)
        throw new Error('no snapshot after 300 s');
      await sleep(500);
    }
    // warm up both paths
    for (let i = 0; i < 20; i++) {
      await (await backend.fetch('/api/service-registry/graph')).arrayBuffer();
      await (await backend.fetch(CARD_URL)).arrayBuffer();
      await (await backend.fetch(BUSIEST_URL)).arrayBuffer();
      await (
        await backend.fetch(
          '/api/catalog/entities/by-name/component/default/p0-svc-0',
        )
      ).arrayBuffer();
    }
    const graph = await load(backend, '/api/service-registry/graph');
    const card = await load(backend, CARD_URL);
    const busiest = await load(backend, BUSIEST_URL);
    const baseline = await load(
      backend,
      '/api/catalog/entities/by-name/component/default/p0-svc-0',
    );
    const line = (name: string, r: typeof graph) =>
      `${name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95
        .toFixed(1)
        .padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.rps
        .toFixed(0)
        .padStart(5)} req/s  ${(r.bytes / 1e6).toFixed(
        2,
      )} MB/response on the wire  ${r.failures} failed`;
    console.log(
      `${expected} services, ${clients} concurrent clients, ${seconds} s each:`,
    );
    console.log(line('GET /api/service-registry/graph', graph));
    console.log(line('card: ?service=p0-svc-0&depth=2', card));
    console.log(line('card: ?service=global-0&depth=5', busiest));
    console.log(line('baseline: GET catalog entity by name', baseline));
    console.log(
      `graph p99 ${graph.p99.toFixed(1)} ms (target < 100 ms): ${
        graph.p99 < 100 ? 'met' : 'NOT met'
      }; ${(graph.p99 / baseline.p99).toFixed(2)}x the baseline's p99`,
    );
    console.log(
      `the card's requests: p99 ${(card.p99 / baseline.p99).toFixed(2)}x and ${(
        busiest.p99 / baseline.p99
      ).toFixed(2)}x the baseline's; ${(graph.bytes / card.bytes).toFixed(
        0,
      )}x fewer bytes than the whole graph for the project service`,
    );
  } finally {
    await backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
