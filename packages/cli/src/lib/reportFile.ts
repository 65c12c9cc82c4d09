import fs from 'node:fs/promises';
import path from 'node:path';
import { ReadError } from './errors';
import { withReportMarker } from './reportMarker';

/**
 * The text of a file a command of the job wrote (relative to `cwd`); a missing file is a
 * {@link ReadError} that says how to write it (`writtenBy`: `service-registry diff … --format json`).
 */
export async function readWrittenFile(
  file: string,
  cwd: string,
  writtenBy: string,
): Promise<string> {
  try {
    return await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ReadError(
        `${file} does not exist: write the report first (${writtenBy} > ${file})`,
      );
    }
    throw error;
  }
}

/**
 * The text of the report file to post (relative to `cwd`), checked to be a comment the host
 * takes: it exists, is not empty (the command that writes it failed) and, with the report's
 * marker added, has at most `maxCharacters`.
 */
export async function readReportFile(
  file: string,
  cwd: string,
  limit: { maxCharacters: number; host: string; what: string },
): Promise<string> {
  const text = await readWrittenFile(
    file,
    cwd,
    'service-registry diff … --format markdown',
  );
  if (text.trim() === '') {
    throw new ReadError(
      `${file} is empty: ${limit.host} takes no empty ${limit.what} (did the command that writes it fail?)`,
    );
  }
  // the limit holds for the text as posted, with the report's marker
  if (withReportMarker(text).length > limit.maxCharacters) {
    throw new ReadError(
      `${file} has ${text.length} characters, more than a ${limit.host} ${limit.what} takes (${limit.maxCharacters})`,
    );
  }
  return text;
}
