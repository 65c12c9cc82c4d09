import { ResourceLimits, Worker } from 'node:worker_threads';
import type {
  PendingChangeSummary,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';

/** What the thread is asked: one pending change to summarize. */
interface SummaryRequest {
  id: number;
  base: readonly RegistryFileInput[];
  head: readonly RegistryFileInput[];
  today: string;
}

/** What the thread answers: the summary, or why it could not make one. */
type SummaryReply =
  | { id: number; summary: PendingChangeSummary }
  | { id: number; error: string };

/**
 * The thread's code: `summarizePendingChange` of the common package (required from the path the
 * backend itself resolves it to), for each request posted to it.
 */
function threadSource(commonPackage: string): string {
  return `
const { parentPort } = require('node:worker_threads');
const { summarizePendingChange } = require(${JSON.stringify(commonPackage)});
parentPort.on('message', ({ id, base, head, today }) => {
  let reply;
  try {
    reply = { id, summary: summarizePendingChange(base, head, { today }) };
  } catch (error) {
    reply = { id, error: String((error && error.stack) || error) };
  }
  parentPort.postMessage(reply);
});
`;
}

/**
 * The options a thread starts with. A built backend runs JavaScript, and the thread inherits the
 * process's options (Node leaves out those a thread cannot take, such as V8's). A source checkout
 * runs the TypeScript of the workspace's packages: under `backstage-cli package start` the
 * process's options already transform it (and the thread inherits them), but a test runner that
 * transforms it only in its own module system (Jest) does not, so the thread is given the
 * transform Backstage's CLI runs the backend with, alone (options given are not filtered: a V8
 * option of the process would keep the thread from starting).
 */
function threadExecArgv(commonPackage: string): string[] | undefined {
  if (!/\.[cm]?tsx?$/.test(commonPackage)) return undefined;
  if (process.execArgv.some(arg => arg.includes('nodeTransform'))) {
    return undefined;
  }
  return [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
  ];
}

/**
 * Summarizes pending changes (`summarizePendingChange`) on a worker thread: loading, diffing and
 * validating two versions of a registry of thousands of services takes seconds of CPU, which on
 * the backend's own thread would hold every other request of the backend for as long. The thread
 * starts at the first summary asked for and stops at {@link SummaryThread.close} (the registries
 * it loaded go with it); a summary that fails, or a thread that dies, rejects what it was asked.
 */
export class SummaryThread {
  readonly #resourceLimits: ResourceLimits | undefined;
  #worker: Worker | undefined;
  #nextId = 0;
  /** The summaries asked for and not answered yet, by request id, with the thread asked. */
  readonly #waiting = new Map<
    number,
    {
      worker: Worker;
      resolve: (summary: PendingChangeSummary) => void;
      reject: (error: Error) => void;
    }
  >();

  /**
   * @param options - `resourceLimits` of the thread (default: Node's). A thread that runs out of
   *   memory stops and rejects what it was asked; the backend's own heap is not touched, and the
   *   next summary starts a new thread.
   */
  constructor(options: { resourceLimits?: ResourceLimits } = {}) {
    this.#resourceLimits = options.resourceLimits;
  }

  /** `summarizePendingChange(base, head, { today })`, computed on the thread. */
  async summarize(
    base: readonly RegistryFileInput[],
    head: readonly RegistryFileInput[],
    options: { today: string },
  ): Promise<PendingChangeSummary> {
    const worker = this.#start();
    const id = this.#nextId++;
    return await new Promise((resolve, reject) => {
      this.#waiting.set(id, { worker, resolve, reject });
      const request: SummaryRequest = { id, base, head, today: options.today };
      worker.postMessage(request);
    });
  }

  /** Stops the thread (a summary still running is rejected). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    this.#fail(
      worker,
      new Error('The pending changes were no longer summarized'),
    );
    await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const commonPackage = require.resolve(
      '@service-registry/plugin-service-registry-common',
    );
    const worker = new Worker(threadSource(commonPackage), {
      eval: true,
      execArgv: threadExecArgv(commonPackage),
      resourceLimits: this.#resourceLimits,
    });
    worker.on('message', (reply: SummaryReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if ('summary' in reply) waiting.resolve(reply.summary);
      else waiting.reject(new Error(reply.error));
    });
    const died = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      this.#fail(worker, error);
    };
    worker.on('error', died);
    worker.on('exit', code =>
      died(
        new Error(
          `The thread summarizing pending changes stopped (exit code ${code})`,
        ),
      ),
    );
    this.#worker = worker;
    return worker;
  }

  /** Rejects what `worker` was asked and has not answered. */
  #fail(worker: Worker, error: Error): void {
    for (const [id, waiting] of this.#waiting) {
      if (waiting.worker !== worker) continue;
      this.#waiting.delete(id);
      waiting.reject(error);
    }
  }
}
