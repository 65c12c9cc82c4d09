import { z } from 'zod';
import { ReadError } from './errors';
import { readWrittenFile } from './reportFile';

/**
 * The part of the JSON report of `diff` in `file` (relative to `cwd`) that `schema` describes; a
 * file that is missing, not JSON or not that report is a {@link ReadError} that says what is
 * wrong and how to write it.
 *
 * @param schema - what the command reads of the report, with `command: 'diff'`
 */
export async function readDiffReport<T extends z.ZodTypeAny>(
  file: string,
  cwd: string,
  schema: T,
): Promise<z.infer<T>> {
  const text = await readWrittenFile(
    file,
    cwd,
    'service-registry diff … --format json',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReadError(
      `${file} is not JSON (${
        (error as Error).message
      }): write it with service-registry diff … --format json`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReadError(
      `${file} is not the JSON report of service-registry diff: ${
        issue.path.join('.') || 'the document'
      }: ${issue.message}`,
    );
  }
  return parsed.data;
}
