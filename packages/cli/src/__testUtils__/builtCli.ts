import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from './buildCli';

/**
 * For a test file that runs the built CLI: builds it once before the file's tests and gives them
 * a temporary folder (`tmp.root`, its real path, as git reports paths), removed after them.
 *
 * @param prefix - the temporary folder's name prefix, e.g. `cli-git-`
 */
export function useBuiltCli(prefix: string): { readonly root: string } {
  const folder = { root: '' };
  beforeAll(() => {
    buildCli();
    folder.root = fs.realpathSync(
      fs.mkdtempSync(path.join(os.tmpdir(), prefix)),
    );
  });
  afterAll(() => {
    if (folder.root) fs.rmSync(folder.root, { recursive: true, force: true });
  });
  return folder;
}
