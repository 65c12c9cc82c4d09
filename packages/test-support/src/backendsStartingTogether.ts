import fs from 'node:fs';
import knexFactory, { Knex } from 'knex';

/**
 * Starts a store the way several backends starting together on one new database would, and
 * reports what their migrations left: `count` clients of the database `first` belongs to (on a
 * server each with a connection pool of its own; an in-memory SQLite database is reachable
 * through its one client only, so there they share it), each handed to `start` at once; then
 * `use` is given the started stores. The extra clients are destroyed afterwards, whatever
 * happened.
 *
 * @param first - a client of a new test database
 * @param count - how many backends start together
 * @param start - creates one backend's store on a client (running its migrations)
 * @param migrations - the store's migrations folder and knex's table of applied migrations
 * @param use - what to do with the started stores (in order) while their clients are open
 * @returns how many stores started, and the names of the migrations recorded as applied with
 *   the names of the folder's migrations to compare them with
 * @public
 */
export async function backendsStartingTogether<T>(
  first: Knex,
  count: number,
  start: (knex: Knex) => Promise<T>,
  migrations: { directory: string; tableName: string },
  use: (stores: T[]) => Promise<void>,
): Promise<{ started: number; applied: string[]; expected: string[] }> {
  const shared = String(first.client.config.client).includes('sqlite');
  const others = Array.from({ length: count - 1 }, () =>
    shared ? first : knexFactory({ ...first.client.config }),
  );
  try {
    const stores = await Promise.all([first, ...others].map(start));
    await use(stores);
    const rows: Array<{ name: string }> = await first(migrations.tableName)
      .select('name')
      .orderBy('name');
    return {
      started: stores.length,
      applied: rows.map(row => row.name),
      expected: fs.readdirSync(migrations.directory).sort(),
    };
  } finally {
    await Promise.all(
      others.filter(knex => knex !== first).map(knex => knex.destroy()),
    );
  }
}
