import { createHash } from 'node:crypto';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  DeprecationHistoryPoint,
  DeprecationStatus,
} from '@service-registry/plugin-service-registry-common';
import { migrateUnderLock } from '@service-registry/plugin-service-registry-node';
import { Knex } from 'knex';

const TABLE = 'service_registry_deprecation_history';
const MIGRATIONS_TABLE = 'service_registry_backend_knex_migrations';
const DAY_MS = 86_400_000;

/**
 * The consumers left of one deprecated service at one ingestion.
 *
 * @public
 */
export interface DeprecationSample {
  /** The deprecated (or retired) service. */
  service: string;
  /** Services that require it. */
  consumers: number;
  /** Services that only use it optionally. */
  optionalConsumers: number;
  /** Where its migration stood. */
  status: DeprecationStatus;
}

interface Row {
  registry_id: string;
  service_hash: string;
  service_id: string;
  recorded_at: string;
  consumers: number;
  optional_consumers: number;
  status: string;
}

/**
 * Migration progress of deprecated services, in the plugin's own database (SQLite, PostgreSQL or
 * MySQL): one row per service when its number of consumers changed since its last row, or when its
 * last row is more than a day old; never two rows for the same ingestion, even when several
 * backend instances record it.
 *
 * @public
 */
export class DeprecationHistoryStore {
  /**
   * Runs the plugin's migrations (unless told not to) and returns the store. Backends starting
   * together on a new database migrate it one at a time (see `migrateUnderLock`), and all start.
   *
   * @param knex - the plugin's database client
   * @param options - `skipMigrations` when the database service says so
   */
  static async create(
    knex: Knex,
    options?: { skipMigrations?: boolean },
  ): Promise<DeprecationHistoryStore> {
    if (!options?.skipMigrations) {
      await migrateUnderLock(knex, {
        directory: resolvePackagePath(
          '@service-registry/plugin-service-registry-backend',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
        tables: "the service registry's deprecation history table",
      });
    }
    return new DeprecationHistoryStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /**
   * Records the samples of one ingestion. For each service, a row is stored when it has none
   * yet, when its required or optional consumer count differs from its last row, or when its
   * last row is at least a day older than `recordedAt`. Samples not newer than the last row
   * (the same ingestion published again, or by another instance) are ignored. A service id may
   * have any length (the loader keeps an id longer than an entity name, with a `schema/invalid-id`
   * error): rows are keyed by its hash.
   *
   * @param registryId - the registry (provider id)
   * @param recordedAt - ISO time of the ingestion
   * @param samples - the counts
   * @returns the ids of the services a row was stored for, sorted
   */
  async record(
    registryId: string,
    recordedAt: string,
    samples: readonly DeprecationSample[],
  ): Promise<string[]> {
    const at = new Date(recordedAt);
    if (Number.isNaN(at.getTime())) {
      throw new TypeError(`recordedAt must be an ISO time, got ${recordedAt}`);
    }
    const time = at.toISOString();
    if (samples.length === 0) return [];
    return this.knex.transaction(async tx => {
      const last = await this.lastRows(
        tx,
        registryId,
        samples.map(s => s.service),
      );
      const rows: Row[] = [];
      for (const sample of samples) {
        const previous = last.get(sample.service);
        if (previous) {
          if (previous.recorded_at >= time) continue;
          const changed =
            Number(previous.consumers) !== sample.consumers ||
            Number(previous.optional_consumers) !== sample.optionalConsumers;
          const stale = Date.parse(time) - Date.parse(previous.recorded_at);
          if (!changed && stale < DAY_MS) continue;
        }
        rows.push({
          registry_id: registryId,
          service_hash: serviceHash(sample.service),
          service_id: sample.service,
          recorded_at: time,
          consumers: sample.consumers,
          optional_consumers: sample.optionalConsumers,
          status: sample.status,
        });
      }
      if (rows.length === 0) return [];
      await tx(TABLE)
        .insert(rows)
        .onConflict(['registry_id', 'service_hash', 'recorded_at'])
        .ignore();
      return rows.map(r => r.service_id).sort();
    });
  }

  /**
   * The burn-down of one service, oldest first.
   *
   * @param registryId - the registry
   * @param service - the deprecated service
   */
  async history(
    registryId: string,
    service: string,
  ): Promise<DeprecationHistoryPoint[]> {
    const rows: Row[] = await this.knex(TABLE)
      .where({ registry_id: registryId, service_hash: serviceHash(service) })
      .orderBy('recorded_at', 'asc')
      .select();
    return rows.map(row => {
      const consumers = Number(row.consumers);
      const optionalConsumers = Number(row.optional_consumers);
      return {
        recordedAt: row.recorded_at,
        consumers,
        optionalConsumers,
        remainingConsumers: consumers + optionalConsumers,
        status: row.status as DeprecationStatus,
      };
    });
  }

  private async lastRows(
    tx: Knex.Transaction,
    registryId: string,
    services: string[],
  ): Promise<Map<string, Row>> {
    const result = new Map<string, Row>();
    const unique = [...new Set(services)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const latest = tx(TABLE)
        .select('service_hash')
        .max({ recorded_at: 'recorded_at' })
        .where('registry_id', registryId)
        .whereIn('service_hash', chunk.map(serviceHash))
        .groupBy('service_hash')
        .as('latest');
      const rows: Row[] = await tx(`${TABLE} as h`)
        .join(latest, join =>
          join
            .on('h.service_hash', '=', 'latest.service_hash')
            .andOn('h.recorded_at', '=', 'latest.recorded_at'),
        )
        .where('h.registry_id', registryId)
        .select('h.*');
      for (const row of rows) result.set(row.service_id, row);
    }
    return result;
  }
}

/**
 * What a service's rows are keyed by: SHA-256 of its id (UTF-8, hex). The loader keeps an id
 * longer than an entity name (with an error), so the id itself is kept in a text column, which
 * MySQL cannot put in a primary key.
 */
function serviceHash(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}
