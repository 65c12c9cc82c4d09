import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReadError } from './errors';
import { gitRefusal, gitText } from './git';

function isInside(relative: string): boolean {
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The folder GitHub annotations and GitLab's Code Quality report name the registry's files from:
 * the registry root relative to the root of the git repository it is in (GitHub matches `file=`,
 * and GitLab a report's paths, against the repository's files, whatever folder the CLI ran in),
 * else relative to the working directory. `''` is the
 * repository root itself; the separators are `/`.
 *
 * @param dir - the registry root as given on the command line
 * @param cwd - the working directory
 */
export async function annotationRoot(
  dir: string,
  cwd: string,
): Promise<string> {
  const registry = path.resolve(cwd, dir);
  let relative = path.relative(cwd, registry);
  try {
    const top = await gitText(registry, ['rev-parse', '--show-toplevel']);
    const fromTop = path.relative(
      await fs.realpath(top),
      await fs.realpath(registry),
    );
    if (isInside(fromTop)) relative = fromTop;
  } catch (error) {
    // not in a git repository (or no git): relative to the working directory; but a repository
    // git refuses to read would give paths that annotate nothing
    const refusal = gitRefusal(error);
    if (refusal) {
      throw new ReadError(
        `git refuses to read the repository ${dir} is in, whose root the github and gitlab formats' file paths are relative to: ${refusal}`,
      );
    }
  }
  return relative.split(path.sep).join('/');
}
