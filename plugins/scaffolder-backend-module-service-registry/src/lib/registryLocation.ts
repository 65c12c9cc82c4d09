import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { realPath } from './config';

/** Where the registry repository is: a local git repository, or a hosted one. */
export type RegistryLocation =
  | {
      kind: 'local';
      /** Real path of the repository. */
      path: string;
      /** Its `file://` URL. */
      url: string;
    }
  | {
      kind: 'hosted';
      /** The URL as given. */
      url: string;
      /** The integration type: `github`, `gitlab`, ... */
      provider: string;
      host: string;
      /** Owner (GitHub) or group path (GitLab). */
      owner: string;
      repo: string;
      /**
       * Branch named by the URL, if any: the part after `tree/` (or `blob/`) up to the next `/`,
       * so a branch whose name holds `/` cannot be named (`tree/release/2027` is the branch
       * `release` and the folder `2027`, as Backstage's URL readers read it).
       */
      branch?: string;
      /** Folder of the registry inside the repository ('' for the root). */
      subPath: string;
    };

function isLocal(url: string): boolean {
  return url.startsWith('file://') || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url);
}

function parseHosted(url: string, provider: string) {
  const parsed = new URL(url);
  const parts = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  // an encoded `/` or `..` would make the registry's folder climb out of the repository
  const climbing = parts.find(
    part => part === '.' || part === '..' || /[/\\]/.test(part),
  );
  if (climbing !== undefined) {
    throw new InputError(
      `${url} names a path part "${climbing}" (written encoded): name the registry's folder inside the repository without "." or ".." parts and without encoded slashes.`,
    );
  }
  let repoParts = parts;
  let rest: string[] = [];
  if (provider === 'gitlab') {
    const dash = parts.indexOf('-');
    if (dash !== -1) {
      repoParts = parts.slice(0, dash);
      rest = parts.slice(dash + 1);
    }
  } else {
    repoParts = parts.slice(0, 2);
    rest = parts.slice(2);
  }
  if (repoParts.length < 2) {
    throw new InputError(
      `${url} does not name a repository: use https://<host>/<owner>/<repo>/tree/<branch> (GitHub) or https://<host>/<group>/<repo>/-/tree/<branch> (GitLab).`,
    );
  }
  const repo = repoParts[repoParts.length - 1].replace(/\.git$/, '');
  const owner = repoParts.slice(0, -1).join('/');
  let branch: string | undefined;
  let subPath = '';
  if (rest[0] === 'tree' || rest[0] === 'blob') {
    branch = rest[1];
    subPath = rest.slice(2).join('/');
  }
  return { host: parsed.host, owner, repo, branch, subPath };
}

/**
 * Classifies a registry URL. A local path or `file://` URL must be one of the configured local
 * repositories (`scaffolder.serviceRegistry.localRepositories`), so that templates cannot read or
 * push anywhere else on the backend's machine.
 */
export function resolveRegistryLocation(
  url: string,
  options: {
    integrations: ScmIntegrationRegistry;
    localRepositories: string[];
  },
): RegistryLocation {
  if (isLocal(url)) {
    const target = realPath(
      url.startsWith('file://') ? fileURLToPath(url) : path.resolve(url),
    );
    if (!options.localRepositories.includes(target)) {
      throw new InputError(
        `The local repository ${url} is not allowed: list it in scaffolder.serviceRegistry.localRepositories of the app-config (allowed: ${
          options.localRepositories.join(', ') || 'none'
        }).`,
      );
    }
    return { kind: 'local', path: target, url: pathToFileURL(target).href };
  }
  const written = new URL(url);
  if (written.username || written.password) {
    // a token in the URL would be logged and handed to later steps: the integration's is used
    written.username = '';
    written.password = '';
    throw new InputError(
      `The registry URL must not carry a user name or password (write ${written.href}): the credentials of the integration configured for ${written.host} are used.`,
    );
  }
  const integration = options.integrations.byUrl(url);
  if (!integration) {
    throw new InputError(
      `No integration is configured for ${url}: add its host under integrations in the app-config, or use a local repository.`,
    );
  }
  return {
    kind: 'hosted',
    url,
    provider: integration.type,
    ...parseHosted(url, integration.type),
  };
}
