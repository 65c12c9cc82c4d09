import { RegistryFileInput } from '@service-registry/plugin-service-registry-common';
import { decodeRegistryFile } from '../read/decodeRegistryFile';
import { runGit, runGitForBytes } from '../git/runGit';

/** A file of a commit's registry folder that is larger than the reader takes. */
export class RegistryFileTooLargeError extends Error {}

/** Reads the registry folder of commits of one repository, keeping the files' bytes by blob. */
export class RegistryCommits {
  readonly #gitDir: string;
  readonly #registryPath: string;
  readonly #maxFileBytes: number;
  /** File bytes by blob id: the files most commits share are read once. */
  #blobs = new Map<string, Buffer>();
  #used = new Set<string>();

  /**
   * @param gitDir - the (bare) repository holding the commits
   * @param registryPath - the registry's folder in the repository (`''` for its root)
   * @param maxFileBytes - the largest file read
   */
  constructor(gitDir: string, registryPath: string, maxFileBytes: number) {
    this.#gitDir = gitDir;
    this.#registryPath = registryPath;
    this.#maxFileBytes = maxFileBytes;
  }

  /**
   * The registry files of a commit: its `.toml` files under the registry folder. A commit
   * without that folder holds none. Throws {@link RegistryFileTooLargeError} for a
   * file past the limit.
   */
  async files(commit: string): Promise<RegistryFileInput[]> {
    const treeish = this.#registryPath
      ? `${commit}:${this.#registryPath}`
      : `${commit}^{tree}`;
    let listing: string;
    try {
      listing = await runGit(['ls-tree', '-r', '-z', '-l', treeish], {
        cwd: this.#gitDir,
      });
    } catch {
      // the folder is not in this commit (yet): nothing of the registry is
      await runGit(['cat-file', '-e', `${commit}^{commit}`], {
        cwd: this.#gitDir,
      });
      return [];
    }
    const files: RegistryFileInput[] = [];
    for (const entry of listing.split('\0')) {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const m = /^\d+ blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
      if (!m || !m[3].toLowerCase().endsWith('.toml')) continue;
      const [, blob, size, path] = m;
      if (Number(size) > this.#maxFileBytes) {
        throw new RegistryFileTooLargeError(
          `${path} is ${size} bytes, more than the ${
            this.#maxFileBytes
          } bytes a registry file may have`,
        );
      }
      files.push(decodeRegistryFile(path, await this.#blob(blob)));
    }
    return files;
  }

  async #blob(id: string): Promise<Buffer> {
    this.#used.add(id);
    const known = this.#blobs.get(id);
    if (known) return known;
    const bytes = await runGitForBytes(['cat-file', 'blob', id], {
      cwd: this.#gitDir,
    });
    this.#blobs.set(id, bytes);
    return bytes;
  }

  /** Forgets the files that no commit read since the last call read. */
  forgetUnused(): void {
    for (const id of this.#blobs.keys()) {
      if (!this.#used.has(id)) this.#blobs.delete(id);
    }
    this.#used = new Set();
  }
}
