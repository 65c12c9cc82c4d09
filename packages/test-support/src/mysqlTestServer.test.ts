import { MysqlTestServer } from './mysqlTestServer';

describe('MysqlTestServer.fromUrl', () => {
  it.each([
    [
      'postgresql://app:s3cret-pass@db.internal:5432',
      'PORTAL_TEST_MYSQL_URL must look like mysql://user[:password]@host[:port], not postgresql:…',
    ],
    [
      'root:s3cret-pass@127.0.0.1',
      'PORTAL_TEST_MYSQL_URL must look like mysql://user[:password]@host[:port], not root:…',
    ],
    ['s3cret-pass', 'PORTAL_TEST_MYSQL_URL is not a URL'],
    [
      'mysql://:s3cret-pass@127.0.0.1',
      'PORTAL_TEST_MYSQL_URL must name the user: mysql://user[:password]@host[:port]',
    ],
  ])('refuses %j without showing its password', (url, message) => {
    expect(() => MysqlTestServer.fromUrl(url)).toThrow(message);
    expect(() => MysqlTestServer.fromUrl(url)).not.toThrow(/s3cret/);
  });
});
