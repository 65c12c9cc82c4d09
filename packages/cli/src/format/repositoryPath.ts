import path from 'node:path';
import { shownPath } from './shownPaths';

/**
 * Where a report for a CI platform (GitLab's Code Quality, GitHub's code scanning) puts a finding:
 * its file relative to the root of the git repository, with any credential the path holds
 * `(hidden)`; a finding without a file (about the registry as a whole) at the registry's folder.
 *
 * @param file - the finding's file, relative to the registry root (`''`: none)
 * @param root - the registry root relative to the repository root (`annotationRoot`)
 */
export function repositoryPath(file: string, root: string): string {
  return file ? shownPath(path.posix.join(root || '.', file)) : root || '.';
}
