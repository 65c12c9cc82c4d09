import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The CLI package directory. */
export const packageDir = path.resolve(__dirname, '../..');

/** The CLI's executable. */
export const bin = path.join(packageDir, 'bin/service-registry');

const sleep = (ms: number) =>
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the CLI (`backstage-cli package build`), one test file at a time: jest runs test files in
 * parallel and two builds writing `dist/` at once would break each other.
 */
export function buildCli(): void {
  const lock = path.join(
    os.tmpdir(),
    `service-registry-cli-build-${Buffer.from(packageDir)
      .toString('hex')
      .slice(-32)}.lock`,
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        // A crashed run left the lock behind: take it over.
        fs.rmSync(lock, { recursive: true, force: true });
      } else {
        sleep(200);
      }
    }
  }
  try {
    execFileSync(
      process.execPath,
      [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'build'],
      { cwd: packageDir, stdio: 'ignore' },
    );
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(packageDir, 'dist/index.cjs.js'))) {
    throw new Error('the CLI did not build');
  }
}
