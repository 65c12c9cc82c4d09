import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Config } from '@backstage/config';
import { PendingChangesResponse } from '@service-registry/plugin-service-registry-common';
import { PendingChangesReader } from '@service-registry/plugin-service-registry-node';
import { z } from 'zod';
import { repositoryAccess } from './repositoryAccess';

/** `serviceRegistry.pendingChanges` as the backend takes it (see config.d.ts). */
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

/** Where the pending changes come from: read again at most every `cacheSeconds`. */
export interface PendingChangesSource {
  /** The pending changes, with findings counted on `today`. */
  read(today: string): Promise<PendingChangesResponse>;
}

/**
 * The pending changes of `serviceRegistry.pendingChanges` (see config.d.ts), or undefined when it
 * is not configured. An `https://` repository is read with the credentials its integration gives
 * (a GitHub App's or a token for GitHub, the token for GitLab), asked for at each read; a local
 * repository's path is resolved against the working directory.
 *
 * @param config - the root config
 * @param options - the clock answers are timed with (default: the system clock)
 */
export function pendingChangesFromConfig(
  config: Config,
  options: { now?: () => number } = {},
): PendingChangesSource | undefined {
  const raw = config.getOptional('serviceRegistry.pendingChanges');
  if (raw === undefined) return undefined;
  const parsed = pendingChangesConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid serviceRegistry.pendingChanges: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'it'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const section = parsed.data;
  const configured = section.repository;
  const hosted = /^https:\/\//i.test(configured);
  if (!hosted && /^[a-z][a-z0-9+.-]*:/i.test(configured)) {
    throw new Error(
      `serviceRegistry.pendingChanges.repository must be an https:// URL or a local path, not ${configured}`,
    );
  }
  const repository = hosted ? configured : path.resolve(configured);
  if (hosted && new URL(repository).username) {
    throw new Error(
      'serviceRegistry.pendingChanges.repository must not hold credentials: they come from integrations',
    );
  }
  const workDir = path.join(
    config.getOptionalString('backend.workingDirectory') ?? os.tmpdir(),
    `service-registry-pending-${crypto
      .createHash('sha256')
      .update(repository)
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
    | { at: number; today: string; answer: PendingChangesResponse }
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
