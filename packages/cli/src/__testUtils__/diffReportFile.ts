import fs from 'node:fs';
import path from 'node:path';
import { runInProcess } from './runInProcess';

/**
 * Writes the JSON report of `diff` between the registries in the folders `base` and `head` of
 * `cwd` into `file` of `cwd`, as a registry's CI does (`diff base head --format json`), on a fixed
 * day; throws what the diff said on stderr, should it say anything.
 */
export async function writeDiffReport(
  cwd: string,
  base: string,
  head: string,
  file: string,
): Promise<void> {
  const run = await runInProcess(
    [
      'diff',
      path.join(cwd, base),
      path.join(cwd, head),
      '--format',
      'json',
      '--today',
      '2026-12-06',
    ],
    { cwd },
  );
  if (run.stderr) throw new Error(`diff said: ${run.stderr}`);
  fs.writeFileSync(path.join(cwd, file), run.stdout);
}
