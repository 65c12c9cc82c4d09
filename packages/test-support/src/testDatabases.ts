import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { MysqlTestServer } from './mysqlTestServer';

/** The PostgreSQL the tests use unless `PORTAL_TEST_POSTGRES_URL` says otherwise. */
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

/** The MySQL (or MariaDB) the tests that opt in use unless `PORTAL_TEST_MYSQL_URL` says otherwise. */
const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

/**
 * The test database id that stands for "the PostgreSQL server these tests run against". The id's
 * number is only Backstage's label for the connection-string variable; the server is whatever
 * `PORTAL_TEST_POSTGRES_URL` points at.
 */
const POSTGRES_ID: TestDatabaseId = 'POSTGRES_15';

/**
 * The test database id that stands for "the MySQL server these tests run against" (MySQL 8 or
 * MariaDB): whatever `PORTAL_TEST_MYSQL_URL` points at.
 */
const MYSQL_ID: TestDatabaseId = 'MYSQL_8';

/**
 * Options of {@link createTestDatabases}.
 *
 * @public
 */
export interface CreateTestDatabasesOptions {
  /**
   * Also run on MySQL (or MariaDB), from `PORTAL_TEST_MYSQL_URL`: for the tests of the stores,
   * whose SQL must work on every database Backstage supports.
   */
  mysql?: boolean;
}

/**
 * The databases a test file runs on: what it needs of Backstage's `TestDatabases`.
 *
 * @public
 */
export interface PortalTestDatabases {
  /** The ids to run on, for `describe.each`. */
  eachSupportedId(): [TestDatabaseId][];
  /** Whether the id is one to run on. */
  supports(id: TestDatabaseId): boolean;
  /** A new, empty database of the given id. */
  init(id: TestDatabaseId): Promise<Knex>;
}

/**
 * Reads a server URL from the environment: `none` (no such server) is allowed outside CI only.
 */
function serverUrl(
  variable: string,
  fallback: string,
  database: string,
): string | undefined {
  const url = process.env[variable] ?? fallback;
  if (url !== 'none') return url;
  if (process.env.CI) {
    throw new Error(
      `${variable}=none is not allowed in CI: the integration tests must run on ${database} too`,
    );
  }
  return undefined;
}

/**
 * Creates the test databases: SQLite and the real PostgreSQL server (never Docker), and with
 * `{ mysql: true }` the real MySQL server too.
 *
 * PostgreSQL comes from `PORTAL_TEST_POSTGRES_URL` (default `postgresql://postgres@127.0.0.1:5432`),
 * MySQL from `PORTAL_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306`, MySQL 8 or MariaDB;
 * each test gets a database of its own there, dropped after the file). Outside CI a developer
 * without such a server may set its variable to `none` to run without it; in CI (`CI=true`) that
 * is refused, so a missing server fails the run.
 *
 * Call it at the top of a test file, then iterate `databases.eachSupportedId()`.
 *
 * Without options it returns Backstage's `TestDatabases` itself (what helpers that start a backend
 * take); with them, the databases a store's test iterates.
 *
 * @param options - which databases beyond SQLite and PostgreSQL
 * @public
 */
export function createTestDatabases(): TestDatabases;
/** @public */
export function createTestDatabases(
  options: CreateTestDatabasesOptions,
): PortalTestDatabases;
export function createTestDatabases(
  options?: CreateTestDatabasesOptions,
): TestDatabases | PortalTestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  const postgresUrl = serverUrl(
    'PORTAL_TEST_POSTGRES_URL',
    DEFAULT_POSTGRES_URL,
    'PostgreSQL',
  );
  if (postgresUrl) {
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
      postgresUrl;
    ids.push(POSTGRES_ID);
  }
  const databases = TestDatabases.create({ ids, disableDocker: true });
  const mysqlUrl = options?.mysql
    ? serverUrl('PORTAL_TEST_MYSQL_URL', DEFAULT_MYSQL_URL, 'MySQL')
    : undefined;
  if (!mysqlUrl) return databases;

  const mysql = MysqlTestServer.fromUrl(mysqlUrl);
  return {
    eachSupportedId: () => [...databases.eachSupportedId(), [MYSQL_ID]],
    supports: id => id === MYSQL_ID || databases.supports(id),
    init: id => (id === MYSQL_ID ? mysql.init() : databases.init(id)),
  };
}
