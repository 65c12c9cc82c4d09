import { ResourceLimits, Worker } from 'node:worker_threads';
import type {
  PendingChangeSummary,
  RegistryChangeReview,
  RegistryFileInput,
  ValidateOptions,
} from '@service-registry/plugin-service-registry-common';

/**
 * The functions of the common package the thread computes, by name, with their arguments and
 * result: pure functions of plain data, so that both travel between threads as they are.
 */
interface ThreadFunctions {
  summarizePendingChange: {
    args: [
      base: readonly RegistryFileInput[],
      head: readonly RegistryFileInput[],
      options: { today: string },
    ];
    result: PendingChangeSummary;
  };
  reviewRegistryChange: {
    args: [
      base: readonly RegistryFileInput[],
      head: readonly RegistryFileInput[],
      options: ValidateOptions,
    ];
    result: RegistryChangeReview;
  };
}

type ThreadFunction = keyof ThreadFunctions;

/** The names the thread answers to; nothing else of the common package is called. */
const THREAD_FUNCTIONS: readonly ThreadFunction[] = [
  'summarizePendingChange',
  'reviewRegistryChange',
];

/** What the thread is asked: one call. */
interface ThreadRequest {
  id: number;
  name: ThreadFunction;
  args: unknown[];
}

/** What the thread answers: the call's result, or the error it failed with. */
type ThreadReply =
  | { id: number; value: unknown }
  | { id: number; error: { name: string; message: string; stack?: string } };

/**
 * The thread's code: the functions of the common package (required from the path the backend
 * itself resolves it to) named in {@link THREAD_FUNCTIONS}, for each request posted to it.
 */
function threadSource(commonPackage: string): string {
  return `
const { parentPort } = require('node:worker_threads');
const common = require(${JSON.stringify(commonPackage)});
const allowed = new Set(${JSON.stringify(THREAD_FUNCTIONS)});
parentPort.on('message', ({ id, name, args }) => {
  let reply;
  try {
    if (!allowed.has(name)) throw new Error('No such function: ' + name);
    reply = { id, value: common[name](...args) };
  } catch (error) {
    reply = error instanceof Error
      ? { id, error: { name: error.name, message: error.message, stack: error.stack } }
      : { id, error: { name: 'Error', message: String(error) } };
  }
  parentPort.postMessage(reply);
});
`;
}

/**
 * The error a call failed with on the thread, as an `Error` of this thread: its name and message
 * as they were (a step's log shows the message alone), and the thread's stack.
 */
function threadError(error: {
  name: string;
  message: string;
  stack?: string;
}): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
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
 * Computes what takes a registry of thousands of services seconds of CPU (loading, validating
 * and diffing two versions of it) on a worker thread: on the backend's own thread it would hold
 * every other request of the backend for as long. The thread starts at the first call and stops
 * at {@link RegistryThread.close}, or, with `stopWhenIdle`, as soon as it has answered every call
 * it was asked (the registries it loaded go with it). Calls made while it computes wait their
 * turn on the same thread, so one `RegistryThread` holds at most one computation's memory at a
 * time. A call that fails, or a thread that dies, rejects what it was asked, and the next call
 * starts a new thread.
 *
 * @public
 */
export class RegistryThread {
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #stopWhenIdle: boolean;
  #worker: Worker | undefined;
  #nextId = 0;
  /** The calls not answered yet, by request id, with the thread asked. */
  readonly #waiting = new Map<
    number,
    {
      worker: Worker;
      resolve: (value: unknown) => void;
      reject: (error: Error) => void;
    }
  >();

  /**
   * @param options - `resourceLimits` of the thread (default: Node's): a thread that runs out of
   *   memory stops and rejects what it was asked, and the backend's own heap is not touched.
   *   `stopWhenIdle`: stop the thread once it has answered every call (default false: it runs
   *   until {@link RegistryThread.close}), for an owner that has no moment to close it at.
   */
  constructor(
    options: { resourceLimits?: ResourceLimits; stopWhenIdle?: boolean } = {},
  ) {
    this.#resourceLimits = options.resourceLimits;
    this.#stopWhenIdle = options.stopWhenIdle ?? false;
  }

  /** The running thread's id (`threadId` of `node:worker_threads`), undefined when none runs. */
  get threadId(): number | undefined {
    return this.#worker?.threadId;
  }

  /**
   * `summarizePendingChange(base, head, options)` of the common package, computed on the thread.
   */
  summarizePendingChange(
    base: readonly RegistryFileInput[],
    head: readonly RegistryFileInput[],
    options: { today: string },
  ): Promise<PendingChangeSummary> {
    return this.#call('summarizePendingChange', [base, head, options]);
  }

  /**
   * `reviewRegistryChange(base, head, options)` of the common package, computed on the thread.
   */
  reviewRegistryChange(
    base: readonly RegistryFileInput[],
    head: readonly RegistryFileInput[],
    options: ValidateOptions = {},
  ): Promise<RegistryChangeReview> {
    return this.#call('reviewRegistryChange', [base, head, options]);
  }

  /** Stops the thread (a call still running is rejected). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    this.#fail(
      worker,
      new Error('The registry thread was closed before it answered'),
    );
    await worker.terminate();
  }

  async #call<K extends ThreadFunction>(
    name: K,
    args: ThreadFunctions[K]['args'],
  ): Promise<ThreadFunctions[K]['result']> {
    const worker = this.#start();
    const id = this.#nextId++;
    const value = await new Promise((resolve, reject) => {
      this.#waiting.set(id, { worker, resolve, reject });
      const request: ThreadRequest = { id, name, args };
      worker.postMessage(request);
    });
    return value as ThreadFunctions[K]['result'];
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
    worker.on('message', (reply: ThreadReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(threadError(reply.error));
      else waiting.resolve(reply.value);
      if (this.#stopWhenIdle && this.#waiting.size === 0) {
        // the next call starts a new thread
        if (this.#worker === worker) this.#worker = undefined;
        worker.terminate().catch(() => {});
      }
    });
    const died = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      this.#fail(worker, error);
    };
    worker.on('error', died);
    worker.on('exit', code =>
      died(new Error(`The registry thread stopped (exit code ${code})`)),
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
