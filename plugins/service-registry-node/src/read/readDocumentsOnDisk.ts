import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * A registry document's copy in a folder.
 *
 * @public
 */
export interface DocumentOnDisk {
  /** The document's name, e.g. `SERVICES.md`. */
  name: string;
  /** The file's path: the folder joined with the name. */
  path: string;
  /** The file's text, or undefined when there is none. */
  current?: string;
}

/**
 * Reads the files of the given names in `folder` (generated registry documents, say), so that
 * callers can tell which copies are missing or not current before or after generating them.
 *
 * @param folder - where the documents are kept, e.g. the registry's `docs/`
 * @param names - the documents' names (`REGISTRY_DOCUMENT_NAMES`)
 * @public
 */
export async function readDocumentsOnDisk(
  folder: string,
  names: readonly string[],
): Promise<DocumentOnDisk[]> {
  return Promise.all(
    names.map(async name => {
      const file = path.join(folder, name);
      try {
        return { name, path: file, current: await fs.readFile(file, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return { name, path: file };
        }
        throw error;
      }
    }),
  );
}
