import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Config } from '@backstage/config';
import { RepositoryPendingChanges } from '@service-registry/plugin-service-registry-common';
import {
  configuredRegistryIds,
  PendingChangesReader,
} from '@service-registry/plugin-service-registry-node';
import { z } from 'zod';
import { repositoryAccess } from './repositoryAccess';

/** One registry's `serviceRegistry.pendingChanges` section as the backend takes it (see config.d.ts). */
const pendingChangesConfig = z
  .object({
    repository: z.string().min(1),
    path: z
      .string()
      .refine(
        p => !p.split('/').some(segment => segment === '..'),
        'path must stay inside the repository (no ".." segment)',
      )
      .optional(),
    branchPrefix: z
      .string()
      .regex(
        /^(?!.*\.\.)[A-Za-z0-9._/-]*$/,
        'branchPrefix may hold letters, digits, ".", "_", "-" and "/" only',
      )
      .optional(),
    cacheSeconds: z.number().min(0).optional(),
    maxBranches: z.number().int().min(1).max(500).optional(),
  })
  .strict();

/** Where one registry's pending changes come from: read again at most every `cacheSeconds`. */
export interface PendingChangesSource {
  /** The pending changes, with findings counted on `today`. */
  read(today: string): Promise<RepositoryPendingChanges>;
}

/** The pending changes configured for each registry (`serviceRegistry.pendingChanges`). */
export interface PendingChangesSources {
  /**
   * How the section is written: `single` for one registry (`repository` directly under it; the
   * registry the backend answers when a request names none), `keyed` for several, by registry id.
   */
  readonly form: 'single' | 'keyed';
  /**
   * The pending changes of registry `id`, or undefined when none are configured for it.
   *
   * @param id - the registry asked for
   * @param defaultId - the registry the backend answers when a request names none
   */
  of(id: string, defaultId: string): PendingChangesSource | undefined;
}

/** Registry ids as the catalog provider takes them (and the API's `registry=`). */
const REGISTRY_ID = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * The pending changes of `serviceRegistry.pendingChanges` (see config.d.ts), or undefined when it
 * is not configured: one section for the backend's registry (`repository` directly under it), or
 * one per registry, keyed by the ids of `catalog.providers.serviceRegistry`. An `https://`
 * repository is read with the credentials its integration gives (a GitHub App's or a token for
 * GitHub, the token for GitLab), asked for at each read; a local repository's path is resolved
 * against the working directory. Each registry's repository is mirrored in its own folder under
 * `backend.workingDirectory`.
 *
 * @param config - the root config
 * @param options - the clock answers are timed with (default: the system clock)
 */
export function pendingChangesFromConfig(
  config: Config,
  options: { now?: () => number } = {},
): PendingChangesSources | undefined {
  const raw = config.getOptional('serviceRegistry.pendingChanges');
  if (raw === undefined) return undefined;
  const key = 'serviceRegistry.pendingChanges';
  if (typeof raw === 'object' && raw !== null && 'repository' in raw) {
    const single = sourceOf(config, key, raw, undefined, options);
    return {
      form: 'single',
      of: (id, defaultId) => (id === defaultId ? single : undefined),
    };
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    Object.keys(raw).length === 0
  ) {
    throw new Error(
      `Invalid ${key}: give the registry repository as ${key}.repository, or one section per registry keyed by its id (${key}.<id>.repository)`,
    );
  }
  const configured = configuredRegistryIds(config);
  const sources = new Map<string, PendingChangesSource>();
  for (const [id, section] of Object.entries(raw)) {
    if (!REGISTRY_ID.test(id)) {
      throw new Error(
        `Invalid ${key}.${id}: a registry id holds letters, digits, "-" and "_" only (at most 63)`,
      );
    }
    if (configured.length > 0 && !configured.includes(id)) {
      throw new Error(
        `Invalid ${key}.${id}: no registry "${id}" is configured under catalog.providers.serviceRegistry (there are: ${configured.join(
          ', ',
        )})`,
      );
    }
    sources.set(id, sourceOf(config, `${key}.${id}`, section, id, options));
  }
  return { form: 'keyed', of: id => sources.get(id) };
}

/** The pending changes of one section, `key` in the config. */
function sourceOf(
  config: Config,
  key: string,
  raw: unknown,
  registryId: string | undefined,
  options: { now?: () => number },
): PendingChangesSource {
  const parsed = pendingChangesConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid ${key}: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'it'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const section = parsed.data;
  const configured = section.repository;
  const hosted = /^https:\/\//i.test(configured);
  if (!hosted && /^[a-z][a-z0-9+.-]*:/i.test(configured)) {
    throw new Error(
      `${key}.repository must be an https:// URL or a local path, not ${configured}`,
    );
  }
  const repository = hosted ? configured : path.resolve(configured);
  if (hosted && new URL(repository).username) {
    throw new Error(
      `${key}.repository must not hold credentials: they come from integrations`,
    );
  }
  // one mirror per registry: two registries of one repository never fetch into the same folder
  const workDir = path.join(
    config.getOptionalString('backend.workingDirectory') ?? os.tmpdir(),
    `service-registry-pending-${crypto
      .createHash('sha256')
      .update(
        registryId === undefined ? repository : `${registryId}\n${repository}`,
      )
      .digest('hex')
      .slice(0, 16)}`,
  );
  const reader = new PendingChangesReader({
    repository,
    displayName: hosted ? configured : path.basename(repository),
    registryPath: section.path,
    branchPrefix: section.branchPrefix,
    maxBranches: section.maxBranches,
    workDir,
    ...repositoryAccess(config, repository),
  });
  const cacheMs = (section.cacheSeconds ?? 60) * 1000;
  const now = options.now ?? Date.now;
  let cached:
    | { at: number; today: string; answer: RepositoryPendingChanges }
    | undefined;
  return {
    async read(today) {
      if (cached && cached.today === today && now() - cached.at < cacheMs) {
        return cached.answer;
      }
      const answer = await reader.read(today);
      cached = { at: now(), today, answer };
      return answer;
    },
  };
}
