import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '@service-registry/test-support';
import { migrateUnderLock } from './migrateUnderLock';

const databases = createTestDatabases({ mysql: true });
jest.setTimeout(60_000);

const WIDGETS = {
  directory: path.resolve(__dirname, '__fixtures__/widgets'),
  tableName: 'migrate_under_lock_widgets_knex_migrations',
};
const GADGETS = {
  directory: path.resolve(__dirname, '__fixtures__/gadgets'),
  tableName: 'migrate_under_lock_gadgets_knex_migrations',
};

/**
 * Leaves knex's own lock of the migrations taken, as a backend does while it migrates under
 * knex's lock alone (or as a migration that was interrupted leaves it).
 */
async function takeKnexLock(knex: Knex): Promise<void> {
  // listing the migrations creates knex's tables
  await knex.migrate.list(WIDGETS);
  await knex(`${WIDGETS.tableName}_lock`).update({ is_locked: 1 });
}

/** Waits the given milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

describe.each(databases.eachSupportedId())(
  'migrateUnderLock on %p',
  databaseId => {
    it("tries again while knex's lock is held, and migrates once it is freed", async () => {
      const knex = await databases.init(databaseId);
      await takeKnexLock(knex);

      const migrated = migrateUnderLock(knex, WIDGETS);
      await sleep(500);
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        false,
      );
      await knex(`${WIDGETS.tableName}_lock`).update({ is_locked: 0 });
      await migrated;
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        true,
      );
    });

    it('fails after the attempts it was given, saying how to free a lock that an interrupted migration left', async () => {
      const knex = await databases.init(databaseId);
      await takeKnexLock(knex);

      await expect(
        migrateUnderLock(knex, {
          ...WIDGETS,
          tables: 'the widget tables',
          attempts: 2,
        }),
      ).rejects.toThrow(
        /^the widget tables could not be migrated after 2 attempts \(MigrationLocked: .*\); if no other backend is starting, a migration that was interrupted may have left the lock in migrate_under_lock_widgets_knex_migrations_lock \(is_locked = 1\): set it to 0 and start again$/,
      );
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        false,
      );
    });
  },
);

const serverIds = databases
  .eachSupportedId()
  .filter(([id]) => id !== 'SQLITE_3');

/**
 * Takes the lock a backend migrating the given table holds (as this function takes it, and the
 * catalog module's earlier version did), on a connection of its own; gives back its release
 * (which does nothing the second time).
 */
async function holdMigrationLock(
  knex: Knex,
  tableName: string,
): Promise<() => Promise<void>> {
  const postgres = knex.client.config.client === 'pg';
  const connection = await knex.client.acquireConnection();
  await knex
    .raw(
      postgres
        ? 'select pg_advisory_lock(hashtext(?))'
        : 'select get_lock(?, 60)',
      [tableName],
    )
    .connection(connection);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await knex
      .raw(
        postgres
          ? 'select pg_advisory_unlock(hashtext(?))'
          : 'select release_lock(?)',
        [tableName],
      )
      .connection(connection);
    await knex.client.releaseConnection(connection);
  };
}

describe.each(serverIds)('migrateUnderLock on a server, %p', databaseId => {
  it('waits for another backend migrating the same table, and not for one migrating another table', async () => {
    const knex = await databases.init(databaseId);
    // another backend: its own connection pool on the same database
    const other = knexFactory({ ...knex.client.config });
    let release = async () => {};
    try {
      release = await holdMigrationLock(other, WIDGETS.tableName);
      let widgetsMigrated = false;
      const widgets = migrateUnderLock(knex, WIDGETS).then(() => {
        widgetsMigrated = true;
      });

      await migrateUnderLock(knex, GADGETS);
      expect(await knex.schema.hasTable('migrate_under_lock_gadgets')).toBe(
        true,
      );
      expect(widgetsMigrated).toBe(false);
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        false,
      );

      await release();
      await widgets;
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        true,
      );
    } finally {
      await release();
      await other.destroy();
    }
  });

  it('migrates with a pool of one connection, which the lock would leave none to migrate with', async () => {
    const knex = await databases.init(databaseId);
    const single = knexFactory({
      ...knex.client.config,
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 5000,
    });
    try {
      await migrateUnderLock(single, { ...WIDGETS, attempts: 1 });
      expect(await knex.schema.hasTable('migrate_under_lock_widgets')).toBe(
        true,
      );
    } finally {
      await single.destroy();
    }
  });
});
