import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/** The PostgreSQL the tests use unless `PORTAL_TEST_POSTGRES_URL` says otherwise. */
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

/**
 * The test database id that stands for "the PostgreSQL server these tests run against". The id's
 * number is only Backstage's label for the connection-string variable; the server is whatever
 * `PORTAL_TEST_POSTGRES_URL` points at.
 */
const POSTGRES_ID: TestDatabaseId = 'POSTGRES_15';

/**
 * Creates a `TestDatabases` for SQLite and the real PostgreSQL server (never Docker).
 *
 * PostgreSQL comes from `PORTAL_TEST_POSTGRES_URL` (default `postgresql://postgres@127.0.0.1:5432`).
 * Outside CI a developer without PostgreSQL may set `PORTAL_TEST_POSTGRES_URL=none` to run on
 * SQLite only; in CI (`CI=true`) that is refused, so a missing PostgreSQL fails the run.
 *
 * Call it at the top of a test file, then iterate `databases.eachSupportedId()`.
 *
 * @public
 */
export function createTestDatabases(): TestDatabases {
  const url = process.env.PORTAL_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (url !== 'none') {
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING = url;
    ids.push(POSTGRES_ID);
  } else if (process.env.CI) {
    throw new Error(
      'PORTAL_TEST_POSTGRES_URL=none is not allowed in CI: the integration tests must run on PostgreSQL too',
    );
  }
  return TestDatabases.create({ ids, disableDocker: true });
}
