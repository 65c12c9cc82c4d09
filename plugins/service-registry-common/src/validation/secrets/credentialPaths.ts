import { pathInMessage } from '../../load/controlCharacterPattern';
import { fileStart } from '../../load/filePositions';
import { RegistryFinding } from '../../model/types';
import { detectSecret, redactSecrets } from './detectSecret';

/** The project folder of a path under `projects/<project>/`, layout or not. */
const PROJECT_FOLDER = /^projects\/([^/]+)\//;

/**
 * The start of a path up to the first folder or file whose name holds a credential of a
 * well-known form (see `redactSecrets`): `projects/https:__deploy:s3cret@git.example.com` of
 * `projects/https:__deploy:s3cret@git.example.com/services.toml` (or of its percent-encoded
 * form, `projects/https%3A%2F%2Fdeploy%3As3cret%40git.example.com/...`); undefined when the
 * path holds none (most paths: one look).
 *
 * @param path - a registry file's path, relative to the registry root
 */
export function credentialPathPart(path: string): string | undefined {
  if (redactSecrets(path) === path) return undefined;
  // a URL pasted with `mkdir -p` spans folders (`https:/user:password@host`): the first start of
  // the path that holds it
  let end = path.indexOf('/');
  while (end !== -1) {
    const part = path.slice(0, end);
    if (redactSecrets(part) !== part) return part;
    end = path.indexOf('/', end + 1);
  }
  return path;
}

/**
 * `security/secret-path` (error): a folder or file of the registry whose name holds a credential
 * (a URL with its password pasted as a project folder's name, a token as a file's name), which
 * every clone of the registry, every CI log and the catalog show. One finding per such folder or
 * file, at the first file under it (line 1, column 1), about the project it is in; the message
 * names the path with the credential replaced by `(hidden)` and says to rename it and revoke the
 * credential. Like every finding, its `file` is the path as it is (a reader that shows it
 * redacts it: `redactSecrets`).
 *
 * @param files - the registry's files, relative to its root
 */
export function credentialPathFindings(
  files: readonly string[],
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const reported = new Set<string>();
  for (const file of [...files].sort()) {
    const part = credentialPathPart(file);
    if (part === undefined || reported.has(part)) continue;
    reported.add(part);
    const what = part === file ? 'file' : 'folder';
    const kind = detectSecret('', part) ?? 'a credential';
    const project = PROJECT_FOLDER.exec(file)?.[1];
    const shown = pathInMessage(redactSecrets(part));
    findings.push({
      severity: 'error',
      code: 'security/secret-path',
      message: `The ${what} name ${shown} holds ${kind}: every clone of the registry, its CI logs and the catalog show it. Rename the ${what}${
        part === `projects/${project}`
          ? ` (a project's folder name is its id)`
          : ''
      }, and revoke the credential: git history keeps it.`,
      ...fileStart(file),
      ...(project === undefined ? {} : { project }),
    });
  }
  return findings;
}
