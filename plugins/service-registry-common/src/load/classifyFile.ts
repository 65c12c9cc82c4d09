/**
 * What a registry file is, from its path (see the registry format's layout).
 *
 * @public
 */
export type RegistryFileKind =
  | { kind: 'catalog' }
  | { kind: 'patterns' }
  | { kind: 'versions' }
  | { kind: 'policy'; name: string }
  | {
      kind: 'project';
      project: string;
      file: 'services' | 'deployment' | 'monitoring';
    }
  | { kind: 'unknown' };

const PROJECT_FILE =
  /^projects\/([^/]+)\/(services|deployment|monitoring)\.toml$/;
const POLICY_FILE = /^policies\/([^/]+)\.toml$/;

/**
 * Whether a file name is read as a registry file: it ends in `.toml`, in any case. A name that
 * does not end in lower case is no file of the layout, and the loader says so (rather than a
 * reader skipping `catalog.TOML` without a word).
 *
 * @public
 */
export function isTomlFileName(name: string): boolean {
  return /\.toml$/i.test(name);
}

/**
 * Normalises a registry path: forward slashes, no leading `./` or `/`.
 *
 * @public
 */
export function normalizeRegistryPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

/**
 * Classifies a file by its path relative to the registry root.
 *
 * @public
 */
export function classifyRegistryFile(path: string): RegistryFileKind {
  switch (path) {
    case 'services/catalog.toml':
      return { kind: 'catalog' };
    case 'services/patterns.toml':
      return { kind: 'patterns' };
    case 'services/versions.toml':
      return { kind: 'versions' };
    default:
  }
  const project = PROJECT_FILE.exec(path);
  if (project) {
    return {
      kind: 'project',
      project: project[1],
      file: project[2] as 'services' | 'deployment' | 'monitoring',
    };
  }
  const policy = POLICY_FILE.exec(path);
  if (policy) return { kind: 'policy', name: policy[1] };
  return { kind: 'unknown' };
}

/**
 * The file of the layout that a path means when only the case of its `.toml` differs
 * (`projects/shop/services.TOML` for `projects/shop/services.toml`: a case-insensitive file
 * system shows no difference, a case-sensitive one keeps both names); undefined for a path of the
 * layout, or one that is no layout file in any case.
 *
 * @param path - the normalised path relative to the registry root
 * @public
 */
export function intendedRegistryPath(path: string): string | undefined {
  const lowerCase = path.replace(/\.toml$/i, '.toml');
  return lowerCase !== path &&
    classifyRegistryFile(lowerCase).kind !== 'unknown'
    ? lowerCase
    : undefined;
}

const LAYOUT_FOLDER = /^(?:services|projects|policies|projects\/[^/]+)$/;

/**
 * Whether a path names a folder of the registry layout: `services`, `projects`, `policies`, or a
 * project folder `projects/<project>`. A reader refuses a broken link there (reading on without
 * it would drop every service it holds), where a broken link of another name (`LICENSE`, a
 * script's `run`) is no registry content and is ignored.
 *
 * @param path - the normalised path relative to the registry root
 * @public
 */
export function isRegistryLayoutFolder(path: string): boolean {
  return LAYOUT_FOLDER.test(path);
}

const UNDER_PROJECT = /^projects\/([^/]+)\//;

/**
 * The project a file belongs to by its path (`projects/<project>/...`, any file name), or
 * undefined: findings about a file of a project name the project, even for a file outside the
 * layout or one that does not parse.
 *
 * @param path - the normalised path relative to the registry root
 */
export function projectOfPath(path: string): string | undefined {
  return UNDER_PROJECT.exec(path)?.[1];
}
