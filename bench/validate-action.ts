/*
 * Benchmark of the scaffolder's `service-registry:validate` on a registry at scale (10,000
 * services, about 20,000 edges): what the backend's event loop goes through while a template run
 * validates its change.
 *
 *   ./portal exec yarn bench:validate-action \
 *     [--projects 50] [--per-project 200] [--globals 100] [--rounds 5]
 *
 * The registry and a change of it (a few edits of the kind a pull request makes) are written to a
 * task workspace as service-registry:registry:fetch leaves it (the registry, and its copy before
 * the edit). Each round then, alternating: the baseline, the action's review
 * (`reviewRegistryChange` of the files read from the workspace) on the backend's own thread, as
 * the action made it before its worker thread; and the action itself (reading the files, the
 * review on its worker thread, started anew as the previous round left it idle, the report). For each it prints the median over the rounds of
 * the time until validated and of the longest the event loop was held meanwhile (the longest gap
 * between two turns of a 5 ms interval timer), each also as a ratio to the baseline's. The
 * benchmark runs the sources, so the thread transforms the common package's TypeScript as it
 * starts (as under `backstage-cli package start`); a built backend's thread loads its JavaScript.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reviewRegistryChange } from '../plugins/service-registry-common/src/diff/reviewRegistryChange';
import { readRegistryDirectory } from '../plugins/service-registry-node/src/read/readRegistryDirectory';
import { createServiceRegistryValidateAction } from '../plugins/scaffolder-backend-module-service-registry/src/actions/validate';
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
const REVIEW_OPTIONS = { today: TODAY, catalog: { sharedSystem: 'shared' } };

/** Writes registry files under a folder. */
async function writeFiles(
  dir: string,
  files: Iterable<{ path: string; text: string }>,
): Promise<void> {
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(dir, file.path)), {
      recursive: true,
    });
    await fs.writeFile(path.join(dir, file.path), file.text);
  }
}

async function main() {
  const files = generateRegistry(options);
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'sr-bench-'));
  try {
    const registryDir = path.join(workspace, 'registry');
    const baseDir = path.join(workspace, '.service-registry/base');
    await writeFiles(
      baseDir,
      [...files].map(([file, text]) => ({ path: file, text })),
    );
    await writeFiles(registryDir, withChanges(files, options.perProject));
    const action = createServiceRegistryValidateAction();

    /** The action's review on this thread, of the files it reads. */
    const inlineReview = async () =>
      reviewRegistryChange(
        await readRegistryDirectory(baseDir),
        await readRegistryDirectory(registryDir),
        REVIEW_OPTIONS,
      );
    /** The action as a template step runs it. */
    const runAction = async () => {
      const outputs: Record<string, unknown> = {};
      const quiet = () => {};
      // the fields of the context the action reads
      const ctx = {
        input: { today: TODAY, failOn: 'never' },
        workspacePath: workspace,
        logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
        output: (name: string, value: unknown) => {
          outputs[name] = value;
        },
      };
      await action.handler(ctx as any);
      return outputs;
    };

    const outputs = await runAction();
    console.log(
      `registry: ${files.size} files; the change: ${
        (outputs.changed as string[]).length
      } changed, ${(outputs.removed as string[]).length} removed, ${
        outputs.breakingChanges
      } breaking changes, ${outputs.errors} new errors`,
    );
    const inline: EventLoopMeasure[] = [];
    const threaded: EventLoopMeasure[] = [];
    for (let round = 0; round < rounds; round++) {
      inline.push(await measureEventLoop(inlineReview));
      threaded.push(await measureEventLoop(runAction));
    }
    printEventLoopTable('validated', [
      ['(baseline) the review on the backend thread', inline],
      ['(action) service-registry:validate', threaded],
    ]);
  } finally {
    await fs.rm(workspace, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
