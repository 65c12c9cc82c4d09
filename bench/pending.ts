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
 * `RegistryThread` (as each read starts one) summarizing it on a worker thread, and what of that is
 * the thread's start (a new thread summarizing an empty change). For each it prints
 * the median over the rounds of the time until the summary is there and of the longest the event
 * loop was held meanwhile (the longest gap between two turns of a 5 ms interval timer), each also
 * as a ratio to the baseline's. The benchmark runs the sources, so the thread transforms the
 * common package's TypeScript as it starts (as under `backstage-cli package start`); a built
 * backend's thread loads its JavaScript.
 */
import { summarizePendingChange } from '../plugins/service-registry-common/src/api/summarizePendingChange';
import type { RegistryFileInput } from '../plugins/service-registry-common/src/model/types';
import { RegistryThread } from '../plugins/service-registry-node/src/thread/RegistryThread';
import { numberArg, registrySizeArgs } from './lib/args';
import {
  EventLoopMeasure,
  measureEventLoop,
  printEventLoopTable,
} from './lib/eventLoop';
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

/** What a read does: a new thread summarizes the change, then stops. */
async function onNewThread(
  baseFiles: RegistryFileInput[],
  headFiles: RegistryFileInput[],
): Promise<void> {
  const thread = new RegistryThread();
  try {
    await thread.summarizePendingChange(baseFiles, headFiles, { today: TODAY });
  } finally {
    await thread.close();
  }
}

async function main() {
  const summary = summarizePendingChange(base, head, { today: TODAY });
  console.log(
    `registry: ${files.size} files; the change: ${summary.changed.length} changed, ${summary.removed.length} removed, ${summary.breakingChanges.length} breaking changes, ${summary.newFindings.errors} new errors`,
  );
  const inline: EventLoopMeasure[] = [];
  const threaded: EventLoopMeasure[] = [];
  const started: EventLoopMeasure[] = [];
  for (let round = 0; round < rounds; round++) {
    inline.push(
      await measureEventLoop(async () =>
        summarizePendingChange(base, head, { today: TODAY }),
      ),
    );
    threaded.push(await measureEventLoop(() => onNewThread(base, head)));
    started.push(await measureEventLoop(() => onNewThread([], [])));
  }
  printEventLoopTable('summarized', [
    ['(baseline) on the backend thread', inline],
    ['(reader) on a new worker thread', threaded],
    ['  of which the thread start (an empty change)', started],
  ]);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
