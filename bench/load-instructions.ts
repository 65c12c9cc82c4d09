/*
 * Target (a) of bench:load counted in instructions instead of milliseconds.
 *
 *   ./portal exec yarn bench:load-instructions [--projects 50] [--per-project 200] [--globals 100]
 *     [--from 2] [--to 10] [--only load+map]
 *
 * This machine's CPU speed drifts by up to 2x within minutes, so timed comparisons of the load
 * path need many processes to tell a 10% change from noise. Valgrind's callgrind counts the
 * instructions a process executes: each contender of bench:load runs in its own node process
 * under callgrind, once `--from` times and once `--to` times, and the difference divided by
 * `--to - --from` is the count of one run (start-up, generating the registry and the first,
 * unoptimised runs cancel out). `--only` counts some contenders (and the bare parse) instead of
 * all five; about 8 minutes for all on a 2-core machine.
 *
 * Node runs in V8's predictable mode with fixed seeds (`--single-threaded --predictable
 * --hash-seed=1 --random-seed=1`). Without `--predictable` the counts still followed the
 * machine's load (V8 schedules collections by time as well): load + map counted 1,297 M and
 * 1,350 M instructions per run for the same code, alone and beside other processes. With it,
 * the same code counts the same instructions whatever the machine does (checked beside other
 * processes). That does not make every difference between two versions the cost of their code:
 * where the collections fall follows what the code allocates, so a small change in allocation
 * moves them. Two changes to the mapping, counted alone and together, gave +33 M, +14 M and
 * -34 M instructions per run (on 1,438 M): read differences under about 5% as noise. Predictable
 * mode also moves the collector's schedule away from the default one, so the ratios are not those
 * of a default node (load + map 2.33x with it, 2.09-2.17x without); compare versions under the
 * same mode.
 *
 * Instructions are not time: a run that keeps more memory also waits more on it, so the timed
 * ratios of bench:load are higher than these. It is a diagnostic for comparing versions of the
 * load path, not the measure of target (a).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { numberArg, registrySizeArgs, stringArg } from './lib/args';
import { INSTRUCTION_CONTENDERS } from './lib/instructionsChild';

const run = promisify(execFile);
const from = numberArg('from', 2);
const to = numberArg('to', 10);
const size = registrySizeArgs();
/** Contenders to count besides the bare parse (comma-separated keys), or all. */
const only = stringArg('only', '');

/** The instructions callgrind counted for one process of the child running `runs` times. */
async function countInstructions(key: string, runs: number): Promise<number> {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      '--predictable',
      '--hash-seed=1',
      '--random-seed=1',
      '--min-semi-space-size=16',
      '--max-semi-space-size=16',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      require.resolve('./lib/instructionsChild'),
      key,
      String(runs),
      '--projects',
      String(size.projects),
      '--per-project',
      String(size.perProject),
      '--globals',
      String(size.globals),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
  if (!collected) {
    throw new Error(`callgrind printed no count for ${key}:\n${stderr}`);
  }
  return Number(collected[1]);
}

async function main() {
  try {
    await run('valgrind', ['--version']);
  } catch {
    throw new Error(
      'valgrind is not installed (Debian: apt-get install valgrind); this benchmark counts instructions with its callgrind tool',
    );
  }
  if (!(to > from && from >= 0)) throw new Error('need 0 <= --from < --to');
  const keys = Object.keys(INSTRUCTION_CONTENDERS).filter(
    key => !only || key === 'bare' || only.split(',').includes(key),
  );
  if (keys.length < 2) {
    throw new Error(
      `--only takes contenders among ${Object.keys(INSTRUCTION_CONTENDERS).join(
        ', ',
      )}`,
    );
  }
  const perRun = new Map<string, number>();
  // two contenders (four processes) at a time: in predictable mode the counts do not depend
  // on the machine's load
  for (let i = 0; i < keys.length; i += 2) {
    await Promise.all(
      keys.slice(i, i + 2).map(async key => {
        const [low, high] = await Promise.all([
          countInstructions(key, from),
          countInstructions(key, to),
        ]);
        perRun.set(key, (high - low) / (to - from));
      }),
    );
  }
  const base = perRun.get('bare')!;
  console.log(
    `instructions per run (callgrind; runs ${
      from + 1
    } to ${to} of each process):`,
  );
  for (const key of keys) {
    const count = perRun.get(key)!;
    console.log(
      `${key.padEnd(10)} ${(count / 1e6).toFixed(0).padStart(6)} M  ${(
        count / base
      )
        .toFixed(2)
        .padStart(5)}x`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
