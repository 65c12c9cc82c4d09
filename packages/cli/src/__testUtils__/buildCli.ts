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

/** The newest modification time of the files under the given folders (0 for none). */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) visit(dir);
  return newest;
}

/** Whether `dist/` was built after the last change of the CLI's and its workspace deps' sources. */
function isBuildFresh(): boolean {
  const output = path.join(packageDir, 'dist/index.cjs.js');
  if (!fs.existsSync(output)) return false;
  const plugins = path.resolve(packageDir, '../../plugins');
  const sources = newestMtime([
    path.join(packageDir, 'src'),
    path.join(plugins, 'service-registry-common/src'),
    path.join(plugins, 'service-registry-node/src'),
  ]);
  return fs.statSync(output).mtimeMs > sources;
}

/**
 * Builds the CLI (`backstage-cli package build`) unless `dist/` is newer than every source, one
 * test file at a time: jest runs test files in parallel, two builds writing `dist/` at once would
 * break each other, and a rebuild while another test file runs the CLI would remove it under that
 * file's feet. The CLI the tests then start runs that bundle (`SERVICE_REGISTRY_CLI_RUN_BUNDLE`).
 */
export function buildCli(): void {
  // The executable runs the sources inside the monorepo unless told to run the bundle; the
  // processes the tests start inherit this.
  process.env.SERVICE_REGISTRY_CLI_RUN_BUNDLE = '1';
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
    if (isBuildFresh()) return;
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
