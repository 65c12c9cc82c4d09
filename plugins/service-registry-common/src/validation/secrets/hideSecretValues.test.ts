import { LEFT_OUT_TOO_DEEP, MAX_SERVED_DEPTH } from '../servedDepth';
import { hideSecretValues } from './hideSecretValues';

describe('hideSecretValues', () => {
  it('takes dates as they serialise', () => {
    const out = hideSecretValues({
      sunset: new Date('2026-06-30T00:00:00.000Z'),
      list: [new Date('2026-01-01T00:00:00.000Z')],
    });
    expect(out).toEqual({
      sunset: '2026-06-30T00:00:00.000Z',
      list: ['2026-01-01T00:00:00.000Z'],
    });
  });

  it('hides credential values, keeps everything else, and leaves the input alone', () => {
    const input = {
      id: 'auth',
      port: 8080,
      raw: {
        owner: 'platform-team',
        api_key: 'sk_live_0123456789abcdefghijklmn',
        db_password: 1234,
        password_file: '/run/secrets/db',
        token_ref: '${AUTH_TOKEN}',
        env: ['LOG_LEVEL=debug', 'DB_PASSWORD=hunter2hunter2'],
        repository: 'https://deploy:s3cretpass@git.example.com/auth.git',
        description:
          'Auth; see ghp_0123456789abcdefghijklmnopqrstuvwxyzAB for details',
        nested: { client_secret: 'abc123abc123abc123' },
      },
      positions: { api_key: { file: 'services/catalog.toml', line: 7 } },
    };
    const copy = JSON.parse(JSON.stringify(input));
    const out = hideSecretValues(input);
    expect(input).toEqual(copy);
    const text = JSON.stringify(out);
    for (const secret of [
      'sk_live_0123456789',
      'hunter2',
      's3cretpass',
      'ghp_0123456789',
      'abc123abc123',
      '1234',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(out.raw.api_key).toMatch(/^\(hidden: /);
    expect(out.raw.db_password).toMatch(/^\(hidden: /);
    expect(out.raw.nested.client_secret).toMatch(/^\(hidden: /);
    expect(out.raw.env[0]).toBe('LOG_LEVEL=debug');
    expect(out.raw.env[1]).toMatch(/^\(hidden: /);
    expect(out.raw.description).toBe('(hidden: a GitHub token)');
    expect(out).toMatchObject({
      id: 'auth',
      port: 8080,
      raw: {
        owner: 'platform-team',
        password_file: '/run/secrets/db',
        token_ref: '${AUTH_TOKEN}',
      },
      positions: { api_key: { file: 'services/catalog.toml', line: 7 } },
    });
  });
  it('copies data 100 levels deep whole and leaves deeper arrays and objects out, so that the copy encodes as JSON', () => {
    // what `a.a.a…(20,000 parts).password = "…"` parses to, below `raw`
    let raw: Record<string, unknown> = {
      password: 'hunter2-Sup3r',
      port: 8080,
    };
    for (let depth = 0; depth < 20_000; depth++) raw = { a: raw };
    const data = { raw, list: [[[{ token: 'hunter2-Sup3r' }]]] };
    expect(() => JSON.stringify(data)).toThrow(RangeError);

    const copy = hideSecretValues(data);
    const json = JSON.stringify(copy);
    expect(json).not.toContain('hunter2');
    expect(copy.list).toEqual([
      [[{ token: '(hidden: a credential (the key "token" names one))' }]],
    ]);
    // `raw` is 1 level down; the object at depth 99 is copied, the one at depth 100 left out
    let out = copy.raw;
    for (let depth = 1; depth < MAX_SERVED_DEPTH - 1; depth++) {
      out = out.a as Record<string, unknown>;
    }
    expect(out).toEqual({ a: LEFT_OUT_TOO_DEEP });
    expect(LEFT_OUT_TOO_DEEP).toBe(
      '(left out: nested more than 100 levels deep)',
    );
    // values 100 levels down that hold nothing deeper are kept, and judged
    let edge: Record<string, unknown> = {
      token: 'hunter2-Sup3r',
      n: 1,
      empty: [],
    };
    for (let depth = 0; depth < MAX_SERVED_DEPTH - 1; depth++)
      edge = { a: edge };
    let bottom = hideSecretValues(edge);
    for (let depth = 0; depth < MAX_SERVED_DEPTH - 1; depth++) {
      bottom = bottom.a as Record<string, unknown>;
    }
    expect(bottom).toEqual({
      token: '(hidden: a credential (the key "token" names one))',
      n: 1,
      empty: [],
    });
  });

  it('refuses data that holds itself, as JSON does, rather than copying it for ever', () => {
    const data: Record<string, unknown> = { id: 'auth' };
    data.list = [{ back: data }];
    expect(() => hideSecretValues(data)).toThrow(TypeError);
    // the same object twice, not inside itself, is copied twice
    const shared = { token: 'hunter2-Sup3r' };
    expect(hideSecretValues({ a: shared, b: [shared] })).toEqual({
      a: { token: '(hidden: a credential (the key "token" names one))' },
      b: [{ token: '(hidden: a credential (the key "token" names one))' }],
    });
  });

  it('hides a command string that gives a password to a flag, and keeps those that do not', () => {
    const out = hideSecretValues({
      image: 'registry/app:1 --password hunter2',
      command: 'mysql -uroot -pS3cretPw db',
      healthcheck: 'redis-cli -a s3cr3tpass ping',
      entrypoint: 'server --token abc123def456 --api-key xyz',
      migrate: 'PGPASSWORD=Sup3r-secret psql -h db -U app',
      ports: 'docker run -p 8080:80 acme/api:1.2.3',
      login: 'docker login -u ci --password-stdin ghcr.io',
      db: 'mysql -h db -u root -p app',
      probe: 'redis-cli -a "$REDIS_PASSWORD" ping',
      start: 'server --password-file /run/secrets/x --token ${API_TOKEN}',
    });
    const text = JSON.stringify(out);
    for (const secret of [
      'hunter2',
      'S3cretPw',
      's3cr3tpass',
      'abc123def456',
      'xyz',
      'Sup3r-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(out).toEqual({
      image: '(hidden: a credential (the flag "--password" names one))',
      command: '(hidden: a MySQL password given with -p)',
      healthcheck: '(hidden: a Redis password given with -a)',
      entrypoint: '(hidden: a credential (the flag "--token" names one))',
      migrate: '(hidden: a credential (the variable "PGPASSWORD" names one))',
      ports: 'docker run -p 8080:80 acme/api:1.2.3',
      login: 'docker login -u ci --password-stdin ghcr.io',
      db: 'mysql -h db -u root -p app',
      probe: 'redis-cli -a "$REDIS_PASSWORD" ping',
      start: 'server --password-file /run/secrets/x --token ${API_TOKEN}',
    });
  });

  it('hides the value after a flag naming a secret, Basic credentials and curl passwords', () => {
    const BASIC = Buffer.from('deploy:hunter2-Sup3r').toString('base64');
    const out = hideSecretValues({
      args: [
        '--port',
        '8080',
        '--password',
        'hunter2',
        '--password-file',
        '/run/secrets/db',
      ],
      curl: ['curl', '-u', 'admin:s3cr3t-pw', 'https://x/health'],
      authorization: `Basic ${BASIC}`,
      health_check: 'curl -u admin:s3cr3t-pw https://x/health',
      description: 'Basic auth is used; see curl -u $USER https://x',
    });
    const text = JSON.stringify(out);
    for (const secret of ['hunter2', 's3cr3t-pw', BASIC]) {
      expect(text).not.toContain(secret);
    }
    expect(out.args).toEqual([
      '--port',
      '8080',
      '--password',
      '(hidden: a credential (the flag "--password" names one))',
      '--password-file',
      '/run/secrets/db',
    ]);
    expect(out.curl).toEqual([
      'curl',
      '-u',
      '(hidden: a user:password given with -u/--user)',
      'https://x/health',
    ]);
    expect(out.authorization).toBe('(hidden: HTTP Basic credentials)');
    expect(out.health_check).toBe(
      '(hidden: a user:password given with -u/--user)',
    );
    expect(out.description).toBe(
      'Basic auth is used; see curl -u $USER https://x',
    );
  });
  it('hides the password of a command written as an array of arguments, and only that element', () => {
    const out = hideSecretValues({
      healthcheck: ['sshpass', '-p', 'hunter2xyz', 'ssh', '-p', '2222', 'host'],
      login: ['docker', 'login', '-u', 'me', '-p', 'S3cretPw', 'reg.example'],
      db: ['CMD', 'mysqladmin', 'ping', '-uroot', '-p12345678'],
      ports: ['docker', 'run', '-p', '8080:80', 'acme/api'],
      decrypt: ['openssl', 'enc', '-pass', 'stdin'],
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter2xyz|S3cretPw|12345678/);
    expect(out).toEqual({
      healthcheck: [
        'sshpass',
        '-p',
        '(hidden: a password given with sshpass -p)',
        'ssh',
        '-p',
        '2222',
        'host',
      ],
      login: [
        'docker',
        'login',
        '-u',
        'me',
        '-p',
        '(hidden: a registry password given with login -p)',
        'reg.example',
      ],
      db: [
        'CMD',
        'mysqladmin',
        'ping',
        '-uroot',
        '(hidden: a MySQL password given with -p)',
      ],
      ports: ['docker', 'run', '-p', '8080:80', 'acme/api'],
      decrypt: ['openssl', 'enc', '-pass', 'stdin'],
    });
  });
});
