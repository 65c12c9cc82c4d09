import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {
  PendingChange,
  RepositoryPendingChanges,
  UnreadPendingChange,
} from '@service-registry/plugin-service-registry-common';
import { listRemoteBranches } from '../git/listRemoteBranches';
import { runGit } from '../git/runGit';
import { RegistryCommits, RegistryFileTooLargeError } from './registryAtCommit';
import { RegistryThread } from '../thread/RegistryThread';

/** The refs the mirror keeps the default branch and the pending branches under. */
const DEFAULT_REF = 'refs/registry/default';
const PENDING_REFS = 'refs/registry/pending/';

/**
 * How long another reader of the same mirror (another backend on this host) is waited for: about
 * two minutes, in attempts spaced from 50 ms to a second. A read that runs longer makes the read
 * fail.
 */
const LOCK_RETRIES = {
  retries: 130,
  factor: 1.2,
  minTimeout: 50,
  maxTimeout: 1000,
};
/**
 * A lock not renewed for this long was left by a backend that stopped, and is taken over. The
 * holder renews its lock every half of it while it reads, so that only a dead backend's lock (or
 * one whose event loop stalls this long) goes stale: readers wait at most this long for it.
 */
const LOCK_STALE_MS = 10_000;

/**
 * Where {@link PendingChangesReader} reads the pending changes of a registry.
 *
 * @public
 */
export interface PendingChangesReaderOptions {
  /** The registry repository: an `https://` URL, or a local repository's absolute path. */
  repository: string;
  /** How answers name the repository (never with credentials). Default: `repository`. */
  displayName?: string;
  /** The registry's folder in the repository. Default: its root. */
  registryPath?: string;
  /** Branches whose name starts with it are pending changes. Default: `service-registry/`. */
  branchPrefix?: string;
  /** A directory the reader keeps its mirror of the repository in (created when missing). */
  workDir: string;
  /**
   * Variables added to git's environment for each read (credentials as a `http.extraHeader`,
   * see `runGit`); asked for again at each read, so that short-lived tokens stay fresh.
   */
  gitEnv?: () => Promise<Record<string, string>>;
  /** The page of a branch on the repository's host, if it has one. */
  branchUrl?: (branch: string) => string | undefined;
  /** The largest registry file read, in bytes. Default: 4 MiB. */
  maxFileBytes?: number;
  /**
   * The most branches listed (changes and unread ones), newest head commit first; older branches
   * are not compared. Default: 50.
   */
  maxBranches?: number;
}

/** One pending branch, as far as the reader got. */
type BranchResult =
  | { change: PendingChange }
  | { unread: UnreadPendingChange }
  | undefined;

/**
 * Reads the pending changes of a registry kept in git: the branches of its repository named with
 * a prefix (the scaffolder's templates push `service-registry/…` branches, for a pull request or
 * as the change itself), each compared from where it leaves the default branch (their merge base,
 * as a pull request's diff is) to its head, with the impact of its breaking changes and the
 * validation of its registry (see `summarizePendingChange`), computed on a worker thread so that
 * a large registry does not hold the backend's other requests. The repository is mirrored (bare)
 * in `workDir` and fetched at each read; a branch whose head and base did not move is not compared
 * again. Reads are one at a time: a read asked for while one runs for the same day gets that
 * one's answer, and readers of other processes that keep their mirror in the same `workDir`
 * (backends sharing a working directory) wait for each other (a lock file beside it,
 * `<workDir>.lock`), as git cannot fetch into one repository twice at once.
 *
 * @public
 */
export class PendingChangesReader {
  readonly #options: Required<
    Omit<PendingChangesReaderOptions, 'gitEnv' | 'branchUrl' | 'displayName'>
  > &
    Pick<PendingChangesReaderOptions, 'gitEnv' | 'branchUrl'> & {
      displayName: string;
    };
  readonly #commits: RegistryCommits;
  /** Compared branches by `base..head@today`. */
  #summaries = new Map<string, BranchResult>();
  #running:
    | { today: string; answer: Promise<RepositoryPendingChanges> }
    | undefined;

  constructor(options: PendingChangesReaderOptions) {
    this.#options = {
      displayName: options.displayName ?? options.repository,
      registryPath: (options.registryPath ?? '').replace(/^\/+|\/+$/g, ''),
      branchPrefix: options.branchPrefix ?? 'service-registry/',
      maxFileBytes: options.maxFileBytes ?? 4 * 1024 * 1024,
      maxBranches: options.maxBranches ?? 50,
      repository: options.repository,
      workDir: options.workDir,
      gitEnv: options.gitEnv,
      branchUrl: options.branchUrl,
    };
    this.#commits = new RegistryCommits(
      options.workDir,
      this.#options.registryPath,
      this.#options.maxFileBytes,
    );
  }

  /**
   * The pending changes now, with their findings counted on `today` (`YYYY-MM-DD`). Rejects when
   * the repository cannot be read or has no default branch.
   */
  read(today: string): Promise<RepositoryPendingChanges> {
    const running = this.#running;
    if (running?.today === today) return running.answer;
    // one read at a time: a read for another day waits for the one running
    const answer = (running?.answer.catch(() => undefined) ?? Promise.resolve())
      .then(() => this.#readLocked(today))
      .finally(() => {
        if (this.#running?.answer === answer) this.#running = undefined;
      });
    this.#running = { today, answer };
    return answer;
  }

  /** {@link PendingChangesReader.read}, with the mirror to itself among processes. */
  async #readLocked(today: string): Promise<RepositoryPendingChanges> {
    const workDir = this.#options.workDir;
    fs.mkdirSync(path.dirname(workDir), { recursive: true });
    const release = await lockfile.lock(workDir, {
      realpath: false,
      lockfilePath: `${workDir}.lock`,
      stale: LOCK_STALE_MS,
      retries: LOCK_RETRIES,
      // a lock taken over (this process stalled past LOCK_STALE_MS) is not worth stopping the
      // backend for, which is what the default does: at worst git refuses a fetch, and the read fails
      onCompromised: () => undefined,
    });
    try {
      return await this.#read(today);
    } finally {
      await release().catch(() => undefined);
    }
  }

  async #read(today: string): Promise<RepositoryPendingChanges> {
    const o = this.#options;
    const env = (await o.gitEnv?.()) ?? {};
    const remote = await listRemoteBranches(o.repository, { env });
    const defaultBranch = remote.defaultBranch;
    if (defaultBranch === undefined) {
      throw new Error(
        `${o.displayName} has no default branch (its HEAD names no branch)`,
      );
    }
    const pending = remote.branches.filter(
      b => b.startsWith(o.branchPrefix) && b !== defaultBranch,
    );
    await this.#fetch(defaultBranch, pending.length > 0, env);
    const results = new Map<string, BranchResult>();
    const thread = new RegistryThread();
    try {
      // the newest first, until maxBranches are listed: older branches are not compared
      for (const branch of await this.#newestFirst(pending)) {
        if (results.size >= o.maxBranches) break;
        const result = await this.#branch(branch, today, thread);
        if (result) results.set(branch, result);
      }
    } finally {
      await thread.close();
    }
    // keep the comparisons of the branches still pending, forget the others
    const kept = new Set(results.values());
    this.#summaries = new Map(
      [...this.#summaries].filter(([, r]) => kept.has(r)),
    );
    this.#commits.forgetUnused();
    const changes: PendingChange[] = [];
    const unread: UnreadPendingChange[] = [];
    for (const result of results.values()) {
      if (result && 'change' in result) changes.push(result.change);
      else if (result) unread.push(result.unread);
    }
    changes.sort(
      (a, b) =>
        b.date.localeCompare(a.date) || a.branch.localeCompare(b.branch),
    );
    return {
      repository: o.displayName,
      defaultBranch,
      branchPrefix: o.branchPrefix,
      changes,
      unread,
      readAt: new Date().toISOString(),
    };
  }

  /** The pending branches (as fetched into the mirror), newest head commit first. */
  async #newestFirst(pending: readonly string[]): Promise<string[]> {
    if (pending.length === 0) return [];
    const o = this.#options;
    const listed = new Set(pending);
    const refs = await runGit(
      [
        'for-each-ref',
        '--sort=-authordate',
        '--format=%(refname)',
        PENDING_REFS,
      ],
      { cwd: o.workDir },
    );
    return refs
      .split('\n')
      .map(ref => `${o.branchPrefix}${ref.slice(PENDING_REFS.length)}`)
      .filter(branch => listed.has(branch));
  }

  /** Brings the mirror's default branch and pending branches to the repository's. */
  async #fetch(
    defaultBranch: string,
    anyPending: boolean,
    env: Record<string, string>,
  ): Promise<void> {
    const o = this.#options;
    if (!fs.existsSync(path.join(o.workDir, 'HEAD'))) {
      fs.mkdirSync(o.workDir, { recursive: true });
      await runGit(['init', '--bare', '--quiet', o.workDir]);
    }
    const refspecs = [`+refs/heads/${defaultBranch}:${DEFAULT_REF}`];
    if (anyPending) {
      refspecs.push(`+refs/heads/${o.branchPrefix}*:${PENDING_REFS}*`);
    }
    await runGit(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--prune',
        '--no-write-fetch-head',
        '--',
        o.repository,
        ...refspecs,
      ],
      { cwd: o.workDir, env },
    );
  }

  /**
   * One pending branch compared (on the thread), or why it cannot be; undefined when it holds
   * nothing new.
   */
  async #branch(
    branch: string,
    today: string,
    thread: RegistryThread,
  ): Promise<BranchResult> {
    const o = this.#options;
    const dir = o.workDir;
    const ref = `${PENDING_REFS}${branch.slice(o.branchPrefix.length)}`;
    const head = await runGit(['rev-parse', '--verify', `${ref}^{commit}`], {
      cwd: dir,
    });
    let base: string;
    try {
      base = await runGit(['merge-base', DEFAULT_REF, head], { cwd: dir });
    } catch {
      return {
        unread: {
          branch,
          message: `${branch} shares no history with the default branch`,
        },
      };
    }
    // merged, or nothing committed on it yet
    if (base === head) return undefined;
    const key = `${base}..${head}@${today}`;
    const known = this.#summaries.get(key);
    if (known) return known;
    let result: BranchResult;
    try {
      const [author, date, subject] = (
        await runGit(['log', '-1', '--format=%an%x00%aI%x00%s', head], {
          cwd: dir,
        })
      ).split('\0');
      const summary = await thread.summarizePendingChange(
        await this.#commits.files(base),
        await this.#commits.files(head),
        { today },
      );
      const url = o.branchUrl?.(branch);
      result = {
        change: {
          branch,
          commit: head,
          base,
          subject: subject ?? '',
          author: author ?? '',
          date: date ?? '',
          ...(url ? { url } : {}),
          ...summary,
        },
      };
    } catch (error) {
      if (!(error instanceof RegistryFileTooLargeError)) throw error;
      result = { unread: { branch, message: error.message } };
    }
    this.#summaries.set(key, result);
    return result;
  }
}
