import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RegistryDocument } from '@service-registry/plugin-service-registry-common';

/**
 * A generated document next to the copy of it in a folder.
 *
 * @public
 */
export interface DocumentOnDisk extends RegistryDocument {
  /** The file's path: the folder joined with the document's name. */
  path: string;
  /** The text of the file in the folder, or undefined when there is none. */
  current?: string;
}

/**
 * Reads, for each generated document, the file of the same name in `folder` (if any), so that
 * callers can tell which copies are missing or not current.
 *
 * @param folder - where the documents are kept, e.g. the registry's `docs/`
 * @param documents - the documents as generated (`renderRegistryDocs`)
 * @public
 */
export async function readDocumentsOnDisk(
  folder: string,
  documents: RegistryDocument[],
): Promise<DocumentOnDisk[]> {
  return Promise.all(
    documents.map(async doc => {
      const file = path.join(folder, doc.name);
      try {
        return { ...doc, path: file, current: await fs.readFile(file, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return { ...doc, path: file };
        }
        throw error;
      }
    }),
  );
}
