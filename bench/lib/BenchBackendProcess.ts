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

export class BenchBackend {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly startedAt: number,
  ) {}

  static async start(mode: string, target: string) {
    const port = await freePort();
    const startedAt = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(__dirname, 'benchBackend.ts'),
        mode,
        target,
        String(port),
        TOKEN,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'warn' },
      },
    );
    children.add(child);
    child.once('exit', () => children.delete(child));
    let output = '';
    const remember = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stderr!.on('data', remember);
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
    return new BenchBackend(child, port, startedAt);
  }

  /** A request to any path of the backend, with the static token. */
  async fetch(pathAndQuery: string): Promise<Response> {
    return fetch(`http://localhost:${this.port}${pathAndQuery}`, {
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
  }
}
