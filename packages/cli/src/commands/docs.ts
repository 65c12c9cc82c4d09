import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  FILE_TOO_LARGE_CODE,
  isUnreadFileFinding,
  loadRegistry,
  RegistryFinding,
  renderRegistryDocs,
} from '@service-registry/plugin-service-registry-common';
import { readDocumentsOnDisk } from '@service-registry/plugin-service-registry-node';
import { formatFindingsText } from '../format/text';
import { EXIT, ReadError, UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import { readDirectorySource } from '../lib/readSource';
import { checkRegistryRoot } from '../lib/registryRootNote';

/**
 * A word for a POSIX shell: as it is when it holds only characters no shell reads specially,
 * else in single quotes (a quote inside written `'\''`).
 */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Whether two texts are the same once CRLF line endings are read as LF. */
function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}

/**
 * Why `docs` writes nothing, from the findings of the files that contributed nothing: those that
 * do not parse and those above the size limit.
 */
function notLoadedSummary(broken: RegistryFinding[]): string {
  const tooLarge = broken.filter(f => f.code === FILE_TOO_LARGE_CODE).length;
  const unparsed = broken.length - tooLarge;
  const one = (n: number) => n === 1;
  if (tooLarge === 0) {
    return `${unparsed} file${
      one(unparsed) ? ' does' : 's do'
    } not parse; fix ${
      one(unparsed) ? 'it' : 'them'
    } first, the documents would leave out their services.`;
  }
  if (unparsed === 0) {
    return `${tooLarge} file${
      one(tooLarge) ? ' is' : 's are'
    } above the size limit for a registry file and not read; shrink or split ${
      one(tooLarge) ? 'it' : 'them'
    }, or raise the limit with --max-file-bytes, first: the documents would leave out ${
      one(tooLarge) ? 'its' : 'their'
    } services.`;
  }
  return `${broken.length} files are not loaded: ${unparsed} ${
    one(unparsed) ? 'does' : 'do'
  } not parse, ${tooLarge} ${
    one(tooLarge) ? 'is' : 'are'
  } above the size limit for a registry file; fix them first, the documents would leave out their services.`;
}

/**
 * Refuses a document path that is a symbolic link: writing (or reading) through it would reach
 * whatever it points at, outside the registry too (a link committed in a pull request, in a job
 * that regenerates the documents).
 *
 * @param shown - the document's path as shown (`docs/SERVICES.md`)
 * @param resolved - its absolute path
 */
async function refuseLinkedDocument(
  shown: string,
  resolved: string,
): Promise<void> {
  const stat = await fs.lstat(resolved).catch(() => undefined);
  if (!stat?.isSymbolicLink()) return;
  const target = await fs.readlink(resolved).catch(() => '?');
  throw new ReadError(
    `${shown} is a symbolic link (to ${target}): docs neither writes nor reads a document through a link. Replace it with a regular file, or remove it and run service-registry docs.`,
  );
}

/** Options of `service-registry docs`. */
export interface DocsCommandOptions {
  /** The registry's root directory. */
  dir: string;
  /** Where the documents go; default `<dir>/docs`. */
  out?: string;
  /** Only compare the documents with the ones on disk; write nothing. */
  check: boolean;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
  maxFileBytes?: number;
}

/**
 * Writes the registry's generated documentation (`SERVICES.md`, `TOPOLOGY.md`, `RUNBOOK.md`), or
 * with `check` tells whether the copy on disk is current (for the registry's CI). A registry with files that
 * do not parse, or that are above the size limit, gets no documents: they would leave those
 * files' services out. A document that is a symbolic link is refused (exit 2), neither written
 * nor read through.
 */
export async function docsCommand(
  options: DocsCommandOptions,
  io: CliIO,
): Promise<number> {
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  const broken = registry.findings.filter(isUnreadFileFinding);
  if (broken.length > 0) {
    io.stderr(
      formatFindingsText(broken, {
        root: source.displayRoot,
        color: io.stderrColor ?? false,
      }),
    );
    io.stderr(`service-registry docs: ${notLoadedSummary(broken)}\n`);
    return EXIT.failed;
  }
  const out = options.out ?? path.join(options.dir, 'docs');
  const documents = renderRegistryDocs(registry);
  for (const doc of documents) {
    await refuseLinkedDocument(
      path.join(out, doc.name),
      path.resolve(io.cwd, out, doc.name),
    );
  }
  if (options.check) {
    const onDisk = await readDocumentsOnDisk(
      path.resolve(io.cwd, out),
      documents.map(doc => doc.name),
    );
    const stale = documents.flatMap((doc, i) => {
      const current = onDisk[i].current;
      const file = path.join(out, doc.name);
      if (current === undefined) return [`${file} is missing.`];
      // a checkout with core.autocrlf (Windows) has the same text with CRLF line endings
      return sameText(current, doc.content)
        ? []
        : [`${file} is not the documentation of this registry.`];
    });
    if (stale.length > 0) {
      for (const line of stale) io.stderr(`${line}\n`);
      io.stderr(
        `Run service-registry docs${
          options.dir === '.' ? '' : ` ${shellWord(options.dir)}`
        }${
          options.out ? ` --out ${shellWord(options.out)}` : ''
        } and commit the result.\n`,
      );
      return EXIT.failed;
    }
    io.stdout(
      `✔ ${documents
        .map(d => path.join(out, d.name))
        .join(', ')} are up to date\n`,
    );
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, out);
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new UsageError(
      `${out} is a file, not a folder: give --out a folder for the documents`,
    );
  }
  await fs.mkdir(target, { recursive: true });
  for (const doc of documents) {
    await fs.writeFile(path.resolve(io.cwd, out, doc.name), doc.content);
  }
  io.stdout(`wrote ${documents.map(d => path.join(out, d.name)).join(', ')}\n`);
  return EXIT.ok;
}
