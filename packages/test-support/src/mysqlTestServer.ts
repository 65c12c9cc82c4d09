import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';

/** Connection settings read from a `mysql://user[:password]@host[:port]` URL. */
interface MysqlConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The pool of each test database: a few connections, closed soon when idle (as Backstage's). */
const TEST_POOL = {
  min: 0,
  max: 5,
  acquireTimeoutMillis: 30_000,
  createTimeoutMillis: 30_000,
  destroyTimeoutMillis: 5_000,
  idleTimeoutMillis: 5_000,
  reapIntervalMillis: 1_000,
};

/**
 * Reads a `mysql://user[:password]@host[:port]` URL. The password may be empty (a local server's
 * root often has none); a path is ignored, since every test gets a database of its own.
 */
function parseMysqlUrl(url: string): MysqlConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('PORTAL_TEST_MYSQL_URL is not a URL');
  }
  // the URL itself is never shown: it may hold the password
  if (parsed.protocol !== 'mysql:') {
    throw new Error(
      `PORTAL_TEST_MYSQL_URL must look like mysql://user[:password]@host[:port], not ${parsed.protocol}…`,
    );
  }
  if (!parsed.username) {
    throw new Error(
      'PORTAL_TEST_MYSQL_URL must name the user: mysql://user[:password]@host[:port]',
    );
  }
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * A MySQL (or MariaDB) server the tests create their databases on: a new, empty database for each
 * `init`, all of them dropped after the test file. It does what Backstage's `MYSQL_8` test
 * database does, but also with a user without password: Backstage's reading of
 * `BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING` refuses a URL without one ("Missing
 * username/password").
 */
export class MysqlTestServer {
  /**
   * The server at `url`; its databases are dropped in an `afterAll` of the calling test file.
   *
   * @param url - `mysql://user[:password]@host[:port]`
   */
  static fromUrl(url: string): MysqlTestServer {
    const server = new MysqlTestServer(parseMysqlUrl(url));
    afterAll(() => server.shutdown(), 60_000);
    return server;
  }

  private readonly instances: Knex[] = [];
  private readonly databaseNames: string[] = [];

  private constructor(private readonly connection: MysqlConnection) {}

  /** A new, empty database on the server, and a client for it. */
  async init(): Promise<Knex> {
    const name = `db${randomBytes(16).toString('hex')}`;
    const admin = this.connectAdmin();
    try {
      await admin.raw('CREATE DATABASE ??', [name]);
    } finally {
      await admin.destroy();
    }
    this.databaseNames.push(name);
    const knex = knexFactory({
      client: 'mysql2',
      connection: {
        ...this.connection,
        database: name,
        connectTimeout: 10_000,
      },
      pool: TEST_POOL,
    });
    this.instances.push(knex);
    return knex;
  }

  private connectAdmin(): Knex {
    return knexFactory({
      client: 'mysql2',
      connection: { ...this.connection, connectTimeout: 10_000 },
      pool: { min: 0, max: 1 },
    });
  }

  private async shutdown(): Promise<void> {
    await Promise.all(this.instances.map(knex => knex.destroy()));
    if (this.databaseNames.length === 0) return;
    const admin = this.connectAdmin();
    try {
      for (const name of this.databaseNames) {
        await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
      }
    } finally {
      await admin.destroy();
    }
  }
}
