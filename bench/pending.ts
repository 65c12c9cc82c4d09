/*
 * Benchmark of summarizing a pending change of a registry at scale (10,000 services, about 20,000
 * edges): what the backend's event loop goes through while the pending changes reader compares a
 * branch.
 *
 *   ./portal exec yarn bench:pending \
 *     [--projects 50] [--per-project 200] [--globals 100] [--rounds 5]
 *
 * Each round summarizes the same change (base: the synthetic registry; head: a few edits of the
 * kind a pull request makes) two ways, alternating: the baseline, `summarizePendingChange` on the
 * backend's own thread (as the reader did before its worker thread), and the reader's way, a new
 * `SummaryThread` (as each read starts one) summarizing it on a worker thread, and what of that is
 * the thread's start (a new thread summarizing an empty change). For each it prints
 * the median over the rounds of the time until the summary is there and of the longest the event
 * loop was held meanwhile (the longest gap between two turns of a 5 ms interval timer), each also
 * as a ratio to the baseline's. The benchmark runs the sources, so the thread transforms the
 * common package's TypeScript as it starts (as under `backstage-cli package start`); a built
 * backend's thread loads its JavaScript.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { summarizePendingChange } from '../plugins/service-registry-common/src/api/summarizePendingChange';
import type { RegistryFileInput } from '../plugins/service-registry-common/src/model/types';
import { SummaryThread } from '../plugins/service-registry-node/src/pending/SummaryThread';
import { median, numberArg, registrySizeArgs } from './lib/args';
import { generateRegistry } from './lib/generateRegistry';
import { withChanges } from './lib/withChanges';

const options = registrySizeArgs();
const rounds = numberArg('rounds', 5);
const TODAY = '2026-01-15';

const files = generateRegistry(options);
const base: RegistryFileInput[] = [...files].map(([path, text]) => ({
  path,
  text,
}));
const head = withChanges(files, options.perProject);

interface Measure {
  /** Until the summary is there, in ms. */
  total: number;
  /** The longest the event loop was held meanwhile, in ms. */
  held: number;
}

/** Times `summarize` and the longest the event loop was held while it runs. */
async function measure(summarize: () => Promise<unknown>): Promise<Measure> {
  const start = performance.now();
  let last = start;
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 5);
  try {
    await summarize();
    const total = performance.now() - start;
    // the timer's turn after a summary that held the loop to its end
    await sleep(20);
    return { total, held };
  } finally {
    clearInterval(timer);
  }
}

/** What a read does: a new thread summarizes the change, then stops. */
async function onNewThread(
  baseFiles: RegistryFileInput[],
  headFiles: RegistryFileInput[],
): Promise<void> {
  const thread = new SummaryThread();
  try {
    await thread.summarize(baseFiles, headFiles, { today: TODAY });
  } finally {
    await thread.close();
  }
}

async function main() {
  const summary = summarizePendingChange(base, head, { today: TODAY });
  console.log(
    `registry: ${files.size} files; the change: ${summary.changed.length} changed, ${summary.removed.length} removed, ${summary.breakingChanges.length} breaking changes, ${summary.newFindings.errors} new errors`,
  );
  const inline: Measure[] = [];
  const threaded: Measure[] = [];
  const started: Measure[] = [];
  for (let round = 0; round < rounds; round++) {
    inline.push(
      await measure(async () =>
        summarizePendingChange(base, head, { today: TODAY }),
      ),
    );
    threaded.push(await measure(() => onNewThread(base, head)));
    started.push(await measure(() => onNewThread([], [])));
  }
  const baseline = {
    total: median(inline.map(m => m.total)),
    held: median(inline.map(m => m.held)),
  };
  const row = (label: string, measures: Measure[]) => {
    const total = median(measures.map(m => m.total));
    const held = median(measures.map(m => m.held));
    return `${label.padEnd(44)} ${total.toFixed(0).padStart(6)} ms ${(
      total / baseline.total
    )
      .toFixed(2)
      .padStart(6)}x   ${held.toFixed(0).padStart(6)} ms ${(
      held / baseline.held
    )
      .toFixed(3)
      .padStart(7)}x`;
  };
  console.log(
    `median of ${rounds} rounds (ratio to the baseline):${' '.repeat(
      9,
    )}until summarized        longest event-loop hold`,
  );
  console.log(row('(baseline) on the backend thread', inline));
  console.log(row('(reader) on a new worker thread', threaded));
  console.log(row('  of which the thread start (an empty change)', started));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
