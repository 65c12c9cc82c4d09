import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  RegistryFileInput,
  RegistryReadOptions,
} from '@service-registry/plugin-service-registry-common';
import {
  readRegistryDirectory,
  readRegistryFromUrl,
  registryDirectoryStamp,
  RegistryDirectoryStamp,
} from '@service-registry/plugin-service-registry-node';
import { directoryOfTarget } from '../lib/directoryOfTarget';
import { filesHash } from '../lib/entityHash';
import { FileLocation } from '../lib/mapRegistryToEntities';

/**
 * The result of reading a registry source: its files, or nothing to apply now (not modified
 * since `etag`, or, with `changing`, files that were being written while they were read).
 *
 * @public
 */
export type RegistryReadResult =
  | { notModified: true; changing?: boolean }
  | { notModified?: false; files: RegistryFileInput[]; etag?: string };

/**
 * Where a registry is read from: a local directory or a URL location.
 *
 * @public
 */
export interface RegistrySource {
  /** Location reference of the registry root, `file:…` or `url:…`. */
  readonly rootLocation: string;
  /** Reads every file; `etag` lets URL sources answer "not modified". */
  read(etag?: string): Promise<RegistryReadResult>;
  /** Where people can see a file of the registry. */
  fileLocation(file: string): FileLocation;
}

function isUrl(target: string) {
  return /^https?:\/\//i.test(target);
}

/** How long a changed directory must stay the same before it is read as the registry. */
const DEFAULT_SETTLE_MS = 300;

/**
 * How long before a read the files must have last changed for its stamp to be trusted: longer
 * than the coarsest timestamps of common file systems (2 s on FAT), so that a write made after
 * the read cannot share its timestamp with one made before it.
 */
const RACY_MARGIN_MS = 3000;

/** The files last taken from a directory: their digest, and the stamp taken before reading them. */
interface DirectoryRead {
  digest: string;
  stamp: RegistryDirectoryStamp;
  /** When the stamp was taken (ms since the epoch). */
  at: number;
}

/**
 * A registry in a local directory. A directory can be caught in the middle of a change (a `git
 * pull` or a sync rewriting files one by one, an editor truncating a file before writing it): a
 * file missing or empty for a moment would read as services removed, and a removal under the
 * guard's share would be applied and undone a run later, the entities deleted and re-created. So
 * when the files differ from the last read, they are read again after `settleMs` and taken only
 * if nothing changed in between; otherwise the run has nothing to apply and the next run reads
 * again. The files' digest is their ETag: a read given the digest of the same files answers "not
 * modified".
 *
 * A read looks at the files' stamp first (their paths, sizes and modification and change times;
 * `registryDirectoryStamp`): when it is the stamp taken before the files of that ETag were read,
 * and they had last changed well before then ({@link RACY_MARGIN_MS}, as git trusts its index),
 * the answer is "not modified" without reading them. A run with nothing to do, the usual one on
 * a frequent schedule, then costs a walk of the folders and a `stat` per file, instead of
 * reading and hashing every file.
 */
class DirectorySource implements RegistrySource {
  readonly rootLocation: string;
  private last?: DirectoryRead;
  constructor(
    private readonly dir: string,
    private readonly settleMs: number,
    private readonly options: RegistryReadOptions,
  ) {
    this.rootLocation = `file:${dir}`;
  }
  async read(etag?: string): Promise<RegistryReadResult> {
    const at = Date.now();
    const stamp = await registryDirectoryStamp(this.dir);
    const last = this.last;
    if (
      etag !== undefined &&
      last?.digest === etag &&
      last.stamp.key === stamp.key &&
      last.stamp.latestChangeMs < last.at - RACY_MARGIN_MS
    ) {
      return { notModified: true };
    }
    const files = await readRegistryDirectory(this.dir, this.options);
    const digest = filesHash(files);
    if (digest !== last?.digest && this.settleMs > 0) {
      await new Promise(resolve => setTimeout(resolve, this.settleMs));
      const again = await readRegistryDirectory(this.dir, this.options);
      if (filesHash(again) !== digest) {
        return { notModified: true, changing: true };
      }
    }
    this.last = { digest, stamp, at };
    // the digest is the directory's ETag: the provider need not hash the same files again
    if (etag === digest) return { notModified: true };
    return { files, etag: digest };
  }
  fileLocation(file: string): FileLocation {
    return { location: `file:${path.join(this.dir, ...file.split('/'))}` };
  }
}

class UrlSource implements RegistrySource {
  readonly rootLocation: string;
  constructor(
    private readonly url: string,
    private readonly reader: UrlReaderService,
    private readonly integrations: ScmIntegrationRegistry,
    private readonly options: RegistryReadOptions,
  ) {
    this.rootLocation = `url:${url}`;
  }
  async read(etag?: string): Promise<RegistryReadResult> {
    const result = await readRegistryFromUrl(this.reader, this.url, {
      ...this.options,
      etag,
    });
    if ('notModified' in result) return { notModified: true };
    return { files: result.files, etag: result.etag };
  }
  fileLocation(file: string): FileLocation {
    const base = folderBaseUrl(this.url, this.integrations);
    const url = this.integrations.resolveUrl({ url: file, base });
    return {
      location: `url:${url}`,
      // the host's own way of pointing at a line (`#L12`, Azure's `line=12`)
      viewUrl: line =>
        this.integrations.resolveUrl({ url: file, base, lineNumber: line }),
      editUrl: this.integrations.resolveEditUrl(url),
    };
  }
}

/**
 * The registry's folder URL that its files resolve against: a `/` after the folder, in the path
 * (before any query, as Bitbucket Server's `?at=<ref>` keeps), or in Azure DevOps' `path`
 * parameter; a GitHub or GitLab repository root (which the readers take as its default branch)
 * gets `tree/HEAD/`, so that a file's URL opens on the host.
 */
function folderBaseUrl(
  target: string,
  integrations: ScmIntegrationRegistry,
): string {
  const url = new URL(target);
  const type = integrations.byUrl(target)?.type;
  if (type === 'azure') {
    const folder = url.searchParams.get('path') ?? '/';
    if (!folder.endsWith('/')) url.searchParams.set('path', `${folder}/`);
    return url.toString();
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  const parts = url.pathname.split('/').filter(Boolean);
  if (type === 'github' && parts.length === 2) {
    url.pathname = `${url.pathname}tree/HEAD/`;
  } else if (type === 'gitlab' && !parts.includes('-') && parts.length >= 2) {
    url.pathname = `${url.pathname}-/tree/HEAD/`;
  }
  return url.toString();
}

/**
 * Creates the source for a configured target: a URL goes through Backstage's `UrlReaderService`
 * (so GitHub, GitLab and the other integrations work with their usual config), anything else is
 * a directory, relative to the backend's working directory.
 *
 * @public
 */
export function createRegistrySource(
  target: string,
  deps: {
    reader: UrlReaderService;
    integrations: ScmIntegrationRegistry;
    /**
     * Directories only: how long changed files must stay the same before they are taken
     * (default 300 ms; 0 takes every read as it is).
     */
    settleMs?: number;
    /** Files larger than this many bytes are not read (default: the readers' 16 MiB). */
    maxFileBytes?: number;
  },
): RegistrySource {
  const read: RegistryReadOptions =
    deps.maxFileBytes === undefined ? {} : { maxFileBytes: deps.maxFileBytes };
  if (isUrl(target)) {
    return new UrlSource(target, deps.reader, deps.integrations, read);
  }
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
  return new DirectorySource(directoryOfTarget(target), settleMs, read);
}
