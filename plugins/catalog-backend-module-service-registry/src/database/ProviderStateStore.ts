import { createHash } from 'node:crypto';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUnderLock } from '@service-registry/plugin-service-registry-node';
import { batchesByCost } from '@service-registry/plugin-service-registry-common';
import { Knex } from 'knex';

const MIGRATIONS_TABLE = 'service_registry_provider_knex_migrations';

/**
 * Outcome of a provider run, as stored and shown.
 *
 * @public
 */
export interface ProviderRunStatus {
  /** `ok`: applied; `degraded`: applied with files kept at their last good version; `blocked`: nothing applied. */
  state: 'ok' | 'degraded' | 'blocked';
  /** One line a person can act on. */
  summary: string;
  /** Findings of the run (file, line, column, message), errors first. */
  findings: Array<{
    severity: string;
    code: string;
    message: string;
    file: string;
    line: number;
    column: number;
    service?: string;
    project?: string;
  }>;
  /** Hash of the source files the run read. */
  sourceHash?: string;
  /** ISO time of the run. */
  updatedAt: string;
}

/**
 * The key of a registry file's row: SHA-256 of its path (UTF-8, hex). A path has no length limit
 * (any depth of folders), so the path itself is kept in a text column, which MySQL cannot put in
 * a primary key.
 */
function pathHash(path: string): string {
  return createHash('sha256').update(path, 'utf8').digest('hex');
}

/** Files one insert statement carries at most. */
const FILES_PER_INSERT = 200;
/**
 * Bytes of file texts one insert statement carries at most (a larger file goes alone): MySQL
 * refuses a statement larger than its `max_allowed_packet`, 16 MiB by default on MariaDB.
 */
const BYTES_PER_INSERT = 4 * 1024 * 1024;

/**
 * Splits the files' rows into insert statements of at most {@link FILES_PER_INSERT} files and
 * {@link BYTES_PER_INSERT} bytes of text (a file larger than that alone).
 */
function insertBatches<T extends { path: string; content: string }>(
  rows: T[],
): T[][] {
  return batchesByCost(
    rows,
    row =>
      Buffer.byteLength(row.content, 'utf8') +
      Buffer.byteLength(row.path, 'utf8'),
    { limit: BYTES_PER_INSERT, maxCount: FILES_PER_INSERT },
  );
}

/**
 * The provider's memory between runs, kept in the catalog's database so that every backend
 * instance (and a restarted one) sees the same last good state.
 *
 * @public
 */
export class ProviderStateStore {
  /**
   * A store on the catalog's database, with its tables migrated first (under a lock, so that
   * backends starting together migrate once) unless `skipMigrations` is set.
   *
   * @param knex - the catalog's database
   * @param options - `skipMigrations` when the tables are migrated elsewhere; `migrationAttempts`,
   *   how often to try taking the migration lock
   */
  static async create(
    knex: Knex,
    options?: { skipMigrations?: boolean; migrationAttempts?: number },
  ) {
    if (!options?.skipMigrations) {
      await migrateUnderLock(knex, {
        directory: resolvePackagePath(
          '@service-registry/plugin-catalog-backend-module-service-registry',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
        tables: "the service registry's catalog tables",
        attempts: options?.migrationAttempts,
      });
    }
    return new ProviderStateStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** Last good content of the given files (all files when `paths` is omitted). */
  async getFiles(
    providerId: string,
    paths?: string[],
  ): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (paths?.length === 0) return result;
    const query = this.knex('service_registry_provider_files')
      .where('provider_id', providerId)
      .select('path', 'content')
      .orderBy('path');
    const rows = await (paths
      ? query.whereIn('path_hash', [...new Set(paths)].map(pathHash))
      : query);
    for (const row of rows) result.set(row.path, row.content);
    return result;
  }

  /** Refs and hashes of the entities emitted by the last applied run. */
  async getEntityHashes(providerId: string): Promise<Map<string, string>> {
    const rows = await this.knex('service_registry_provider_entities')
      .where('provider_id', providerId)
      .select('entity_ref', 'hash');
    return new Map(rows.map(row => [row.entity_ref, row.hash]));
  }

  /**
   * The entities other providers (registries) emitted in their last applied run, each with the
   * provider that did: a ref that one of them emits is theirs. With `among`, only the providers
   * of those ids count (the registries configured now: a registry renamed or removed from the
   * config leaves its records behind, and claims nothing).
   */
  async getOtherProvidersEntities(
    providerId: string,
    among?: ReadonlySet<string>,
  ): Promise<Map<string, string>> {
    let query = this.knex('service_registry_provider_entities').whereNot(
      'provider_id',
      providerId,
    );
    if (among) query = query.whereIn('provider_id', [...among]);
    const rows = await query
      .select('entity_ref', 'provider_id')
      .orderBy('provider_id');
    const result = new Map<string, string>();
    for (const row of rows) {
      if (!result.has(row.entity_ref)) {
        result.set(row.entity_ref, row.provider_id);
      }
    }
    return result;
  }

  /**
   * Which file's declaration of each duplicated service id the last applied run kept (service id
   * to file path); undefined when it kept none, or when the record is one this version cannot read
   * (no preference then: the first declaration in path order is kept).
   */
  async getKeptDeclarations(
    providerId: string,
  ): Promise<Map<string, string> | undefined> {
    const row = await this.knex('service_registry_provider_status')
      .where('provider_id', providerId)
      .first('kept_declarations');
    return parseKeptDeclarations(row?.kept_declarations ?? undefined);
  }

  /**
   * Records an applied run: the files it used as last good, the declarations of duplicated
   * service ids it kept, and what it emitted. When it stops emitting some entities, the other
   * providers run again in full at their next schedule (their source hash is forgotten) and
   * re-send those entities if they emit them too: another registry may declare an entity this
   * one gave up.
   */
  async commit(
    providerId: string,
    state: {
      files: Array<{ path: string; text: string }>;
      entities: Map<string, string>;
      /** Refs emitted before and no more. */
      removed?: string[];
      /** For each duplicated service id, the file whose declaration the run kept. */
      keptDeclarations?: Map<string, string>;
    },
  ): Promise<void> {
    const keptDeclarations = state.keptDeclarations?.size
      ? JSON.stringify(Object.fromEntries(state.keptDeclarations))
      : null;
    await this.knex.transaction(async tx => {
      // On the status row, in the same transaction as the files it refers to. A registry's
      // first applied run has no status row yet and stores nothing: what it kept then is the
      // first declaration in path order, which its files give again without a record; a record
      // is only needed once a run kept a declaration against path order, after an earlier run.
      await tx('service_registry_provider_status')
        .where('provider_id', providerId)
        .update({ kept_declarations: keptDeclarations });
      await tx('service_registry_provider_files')
        .where('provider_id', providerId)
        .delete();
      const files = state.files.map(f => ({
        provider_id: providerId,
        path_hash: pathHash(f.path),
        path: f.path,
        content: f.text,
      }));
      for (const batch of insertBatches(files)) {
        await tx('service_registry_provider_files').insert(batch);
      }
      await tx('service_registry_provider_entities')
        .where('provider_id', providerId)
        .delete();
      await tx.batchInsert(
        'service_registry_provider_entities',
        [...state.entities].map(([ref, hash]) => ({
          provider_id: providerId,
          entity_ref: ref,
          hash,
        })),
        500,
      );
      const removed = state.removed ?? [];
      if (removed.length > 0) {
        for (let k = 0; k < removed.length; k += 500) {
          await tx('service_registry_provider_entities')
            .whereNot('provider_id', providerId)
            .whereIn('entity_ref', removed.slice(k, k + 500))
            .update({ hash: '' });
        }
        await tx('service_registry_provider_status')
          .whereNot('provider_id', providerId)
          .update({ source_hash: null });
      }
    });
  }

  /**
   * The outcome of the last run without its findings: what a run that may have nothing to do
   * needs, without reading and parsing every finding of a large registry.
   */
  async getRunState(
    providerId: string,
  ): Promise<Omit<ProviderRunStatus, 'findings'> | undefined> {
    const row = await this.knex('service_registry_provider_status')
      .where('provider_id', providerId)
      .first('state', 'summary', 'source_hash', 'updated_at');
    if (!row) return undefined;
    return {
      state: row.state,
      summary: row.summary,
      sourceHash: row.source_hash ?? undefined,
      updatedAt: row.updated_at,
    };
  }

  /**
   * The outcome of the last run, with its findings, or undefined before the first run.
   *
   * @param providerId - the provider's id (`default` for a single registry)
   */
  async getStatus(providerId: string): Promise<ProviderRunStatus | undefined> {
    const row = await this.knex('service_registry_provider_status')
      .where('provider_id', providerId)
      .first();
    if (!row) return undefined;
    return {
      state: row.state,
      summary: row.summary,
      findings: JSON.parse(row.findings),
      sourceHash: row.source_hash ?? undefined,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Records the outcome of a run (the declarations a commit kept stay as they are). With
   * `statusOwner` (an applied run), the owner of the status Resource it emitted; without, the
   * owner recorded before stays.
   */
  async setStatus(
    providerId: string,
    status: ProviderRunStatus,
    statusOwner?: string,
  ): Promise<void> {
    const row = {
      provider_id: providerId,
      state: status.state,
      summary: status.summary,
      findings: JSON.stringify(status.findings),
      source_hash: status.sourceHash ?? null,
      updated_at: status.updatedAt,
    };
    const merged = [
      'state',
      'summary',
      'findings',
      'source_hash',
      'updated_at',
    ];
    await this.knex('service_registry_provider_status')
      .insert(
        statusOwner === undefined ? row : { ...row, status_owner: statusOwner },
      )
      .onConflict('provider_id')
      .merge(statusOwner === undefined ? merged : [...merged, 'status_owner']);
  }

  /**
   * The owner of the status Resource the last applied run emitted (see `setStatus`), or
   * undefined when no run recorded one.
   */
  async getStatusOwner(providerId: string): Promise<string | undefined> {
    const row = await this.knex('service_registry_provider_status')
      .where('provider_id', providerId)
      .first('status_owner');
    return row?.status_owner ?? undefined;
  }
}

/** The record `commit` wrote, or undefined for none or one this version cannot read. */
function parseKeptDeclarations(
  text: string | undefined,
): Map<string, string> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const kept = new Map<string, string>();
  for (const [id, file] of Object.entries(parsed)) {
    if (typeof file === 'string') kept.set(id, file);
  }
  return kept.size > 0 ? kept : undefined;
}
