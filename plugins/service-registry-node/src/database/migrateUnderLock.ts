import { stringifyError } from '@backstage/errors';
import { Knex } from 'knex';

/** How often the migrations are tried before a backend gives up starting. */
const DEFAULT_ATTEMPTS = 10;

/** How long a backend waits on MySQL for another one's migrations, in seconds. */
const MYSQL_LOCK_WAIT_SECONDS = 600;

/**
 * Options of {@link migrateUnderLock}.
 *
 * @public
 */
export interface MigrateUnderLockOptions {
  /** The folder of the package's knex migrations (e.g. from `resolvePackagePath`). */
  directory: string;
  /**
   * The table knex records the applied migrations in (its lock table is this name with `_lock`).
   * The lock the backends take is named after it: a package keeps its table name from version to
   * version, so that a backend of the next version waits for one of the previous version.
   */
  tableName: string;
  /**
   * What the migrations make, named in the error a backend fails its start with, e.g.
   * `the service registry's catalog tables`. Defaults to `the tables migrated in <tableName>`.
   */
  tables?: string;
  /** How often the migrations are tried before the start fails (10 unless told). */
  attempts?: number;
}

/**
 * Runs `work` while holding a lock named after the migration table (a PostgreSQL advisory lock,
 * a MySQL named lock), on a connection of its own, so that backends starting together migrate one
 * after the other. Knex's own lock cannot do that on a new database: creating its tables races (a
 * unique-constraint error from PostgreSQL), and two backends may each insert the lock row, after
 * which both rows are locked by the first attempt and every later one fails with
 * `MigrationLocked` (on MySQL too, where one backend of four starting together failed so).
 * SQLite, and a pool of one connection (which the lock would leave none to migrate with), run
 * `work` under knex's lock alone.
 */
async function withMigrationLock(
  knex: Knex,
  lockName: string,
  work: () => Promise<void>,
): Promise<void> {
  const poolMax: number | undefined = (
    knex.client as { pool?: { max?: number } }
  ).pool?.max;
  const postgres = knex.client.config.client === 'pg';
  const mysql = knex.client.dialect === 'mysql';
  if ((!postgres && !mysql) || (poolMax !== undefined && poolMax < 2)) {
    await work();
    return;
  }
  const connection = await knex.client.acquireConnection();
  try {
    if (postgres) {
      await knex
        .raw('select pg_advisory_lock(hashtext(?))', [lockName])
        .connection(connection);
    } else {
      const [rows] = await knex
        .raw('select get_lock(?, ?) as locked', [
          lockName,
          MYSQL_LOCK_WAIT_SECONDS,
        ])
        .connection(connection);
      if (Number(rows[0]?.locked) !== 1) {
        throw new Error(
          `another backend held the migration lock ${lockName} for ${MYSQL_LOCK_WAIT_SECONDS} s`,
        );
      }
    }
    try {
      await work();
    } finally {
      await knex
        .raw(
          postgres
            ? 'select pg_advisory_unlock(hashtext(?))'
            : 'select release_lock(?)',
          [lockName],
        )
        .connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/**
 * Applies a package's knex migrations (`knex.migrate.latest`) so that several backends starting
 * together on a new database all start, and the migrations are applied once.
 *
 * On PostgreSQL and MySQL the backends migrate one at a time, under a lock named after
 * `tableName` (a PostgreSQL advisory lock, a MySQL named lock, waited for up to 10 minutes) held
 * on a connection of its own. On any database, a try that fails (e.g. with `MigrationLocked`,
 * while a backend of a version without that lock holds knex's own lock) is tried again after a
 * random wait, up to `attempts` times; the error after the last one says how to free a knex lock
 * that an interrupted migration left behind.
 *
 * @param knex - the database client of the plugin
 * @param options - the migrations, their table, and how often to try
 * @throws Error when the migrations still fail after the last attempt
 * @public
 */
export async function migrateUnderLock(
  knex: Knex,
  options: MigrateUnderLockOptions,
): Promise<void> {
  const { directory, tableName } = options;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const tables = options.tables ?? `the tables migrated in ${tableName}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await withMigrationLock(knex, tableName, () =>
        knex.migrate.latest({ directory, tableName }),
      );
      return;
    } catch (error) {
      if (attempt >= attempts) {
        const locked = (error as Error)?.name === 'MigrationLocked';
        throw new Error(
          `${tables} could not be migrated after ${attempts} attempts (${stringifyError(
            error,
          )})${
            locked
              ? `; if no other backend is starting, a migration that was interrupted may have left the lock in ${tableName}_lock (is_locked = 1): set it to 0 and start again`
              : ''
          }`,
        );
      }
      // a random wait, so that backends that failed together do not try together again
      await new Promise(resolve =>
        setTimeout(resolve, 200 + Math.random() * 300 * attempt),
      );
    }
  }
}
