/*
 * A real Backstage backend (bench/lib/benchBackend.ts) in a child process, for benchmarks that
 * need its own memory or a server under load: started on a free port, reachable with a static
 * token, killed when the benchmark exits.
 */
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The static token the benchmark backends accept. */
export const TOKEN = 'bench-static-token-0123456789';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function sleep(ms: number) {
  await new Promise(resolve => setTimeout(resolve, ms));
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  return kb / 1024;
}

/** What a backend child reports of its memory (`process.memoryUsage()`), in bytes. */
export interface ChildMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Ports the benchmark's backends must never use: the portal's own, maybe in use by people. */
const RESERVED_PORTS = new Set([3000, 7007]);

export class BenchBackend {
  private nextRequest = 0;
  /** With `v8TraceFile`: settles once the trace file is written and closed. */
  private traceClosed?: Promise<unknown>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly startedAt: number,
  ) {}

  /**
   * Starts a backend child (see benchBackend.ts).
   *
   * @param mode - none, yaml, provider, api or none-api
   * @param target - the registry folder, or the YAML file
   * @param options - `database`: `sqlite` (default) or `pg:<prefix>`; `ipc`: open an IPC channel
   *   so that {@link BenchBackend.memory} can ask the child for its heap (without it, the child
   *   collects garbage every 2 s so that its RSS settles); `processingInterval`: the catalog's, in
   *   seconds or `default` (Backstage's own; the default here is 5 s); `providerFrequency`: how
   *   often the registry provider runs, in seconds (default 2); `v8TraceFile`: run the child with
   *   V8's `--trace-gc` and `--trace-memory-reducer` and write what it prints to this file (see
   *   {@link summariseV8Trace})
   */
  static async start(
    mode: string,
    target: string,
    options: {
      database?: string;
      ipc?: boolean;
      processingInterval?: string;
      providerFrequency?: number;
      v8TraceFile?: string;
    } = {},
  ) {
    let port = await freePort();
    while (RESERVED_PORTS.has(port)) port = await freePort();
    const startedAt = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...(options.v8TraceFile
          ? ['--trace-gc', '--trace-memory-reducer']
          : []),
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(__dirname, 'benchBackend.ts'),
        mode,
        target,
        String(port),
        TOKEN,
        options.database ?? 'sqlite',
      ],
      {
        stdio: options.ipc
          ? ['ignore', 'pipe', 'pipe', 'ipc']
          : ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...(options.processingInterval
            ? { BENCH_PROCESSING_INTERVAL: options.processingInterval }
            : {}),
          ...(options.providerFrequency
            ? { BENCH_PROVIDER_FREQUENCY: String(options.providerFrequency) }
            : {}),
        },
      },
    );
    children.add(child);
    child.once('exit', () => children.delete(child));
    let output = '';
    const remember = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stderr!.on('data', remember);
    let traceClosed: Promise<unknown> | undefined;
    if (options.v8TraceFile) {
      const trace = fs.createWriteStream(options.v8TraceFile);
      traceClosed = new Promise(resolve => trace.once('close', resolve));
      child.stdout!.pipe(trace);
    }
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        remember(chunk);
        if (output.includes('READY')) resolve();
      });
      child.on('exit', (code, signal) =>
        reject(
          new Error(
            `backend (${mode}) exited with ${code ?? signal}:\n${output}`,
          ),
        ),
      );
    });
    const backend = new BenchBackend(child, port, startedAt);
    backend.traceClosed = traceClosed;
    return backend;
  }

  /**
   * The child's `process.memoryUsage()`, after two full garbage collections when `gc` is set
   * (needs `ipc` at start).
   */
  async memory(gc: boolean): Promise<ChildMemory> {
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const onMessage = (message: { type?: string; id?: number }) => {
        if (message?.type !== 'memory' || message.id !== id) return;
        this.child.off('message', onMessage);
        resolve(message as unknown as ChildMemory);
      };
      if (!this.child.connected) {
        reject(new Error('the backend has no IPC channel'));
        return;
      }
      this.child.on('message', onMessage);
      this.child.send({ type: 'memory', id, gc });
    });
  }

  /** A request to any path of the backend, with the static token. */
  async fetch(pathAndQuery: string, method = 'GET'): Promise<Response> {
    return fetch(`http://localhost:${this.port}${pathAndQuery}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  }

  async get(pathAndQuery: string) {
    const res = await fetch(
      `http://localhost:${this.port}/api/catalog${pathAndQuery}`,
      {
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    );
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return res.json();
  }

  /** Number of entities whose processing has finished (they are queryable). */
  async count(): Promise<number> {
    const body = await this.get(
      '/entities/by-query?limit=1&fields=metadata.name',
    );
    return body.totalItems;
  }

  async waitForCount(expected: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const n = await this.count().catch(() => 0);
      if (n >= expected) return performance.now();
      if (performance.now() > deadline) {
        throw new Error(
          `only ${n} of ${expected} entities after ${timeoutMs / 1000} s`,
        );
      }
      await sleep(500);
    }
  }

  async stop() {
    this.child.kill('SIGTERM');
    await new Promise(resolve => this.child.once('exit', resolve));
    await this.traceClosed;
  }
}

/** What a backend's V8 trace (see `v8TraceFile` of {@link BenchBackend.start}) tells. */
export interface V8TraceSummary {
  /**
   * When V8's memory reducer started a collection, in seconds since the child's start. The
   * memory reducer is what gives the pages of a heap that has shrunk back to the system: it starts
   * only once the allocation rate it measures has stayed low for a while, so a backend that keeps
   * allocating keeps its high-water RSS however little it holds.
   */
  reducerRuns: number[];
  /**
   * How many young-generation collections (scavenges) ran between `from` and `to`: with V8's
   * default young generation, one for every few MB the backend allocated.
   */
  scavenges: number;
}

/**
 * Reads a backend's V8 trace in one pass, keeping what its main isolate printed (the one that
 * printed the most; worker threads have their own).
 */
export function summariseV8Trace(
  traceFile: string,
  from: number,
  to: number,
): V8TraceSummary {
  const byIsolate = new Map<string, V8TraceSummary & { lines: number }>();
  const line =
    /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: (Memory reducer: started GC|Scavenge\b)?/gm;
  const text = fs.readFileSync(traceFile, 'utf8');
  for (const [, isolate, ms, event] of text.matchAll(line)) {
    let own = byIsolate.get(isolate);
    if (!own) {
      own = { lines: 0, reducerRuns: [], scavenges: 0 };
      byIsolate.set(isolate, own);
    }
    own.lines++;
    const seconds = Number(ms) / 1000;
    if (event === 'Scavenge' && seconds >= from && seconds <= to) {
      own.scavenges++;
    } else if (event?.startsWith('Memory reducer')) {
      own.reducerRuns.push(seconds);
    }
  }
  const main = [...byIsolate.values()].sort((a, b) => b.lines - a.lines)[0];
  return {
    reducerRuns: main?.reducerRuns ?? [],
    scavenges: main?.scavenges ?? 0,
  };
}
