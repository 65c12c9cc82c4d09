import { KeyPathPart } from '../../load/keyPath';
import { findSecrets } from './findSecrets';

function secretsOf(table: Record<string, unknown>) {
  const found: Array<[KeyPathPart[], string]> = [];
  findSecrets(table, (path, kind) => found.push([[...path], kind]));
  return found;
}

describe('findSecrets', () => {
  it('judges each array element with the element before it: the value of a flag naming a secret', () => {
    const found = secretsOf({
      service: {
        api: {
          args: ['serve', '--port', 8080, '--password', 'hunter2-Sup3r'],
          health_check: ['curl', '-fsS', '-u', 'admin:s3cr3t-pw', 'https://x'],
          tokens: { flags: ['--token', '${API_TOKEN}', '--api-key', 12345678] },
        },
      },
    });
    expect(found).toEqual([
      [
        ['service', 'api', 'args', 4],
        'a credential (the flag "--password" names one)',
      ],
      [
        ['service', 'api', 'health_check', 3],
        'a user:password given with -u/--user',
      ],
      [
        ['service', 'api', 'tokens', 'flags', 3],
        'a credential (the flag "--api-key" names one)',
      ],
    ]);
    const text = JSON.stringify(found);
    for (const secret of ['hunter2', 's3cr3t', '12345678']) {
      expect(text).not.toContain(secret);
    }
  });

  it('finds a secret under a table nested 20,000 deep, without overflowing the stack', () => {
    // what `a.a.a…(20,000 parts).password = "…"` parses to
    let table: Record<string, unknown> = {
      password: 'hunter2-Sup3r',
      args: ['--token', 'hunter2-Sup3r'],
    };
    for (let depth = 0; depth < 20_000; depth++) table = { a: table };
    const found = secretsOf(table);
    expect(
      found.map(([path, kind]) => [path.length, path.slice(-2), kind]),
    ).toEqual([
      [
        20_001,
        ['a', 'password'],
        'a credential (the key "password" names one)',
      ],
      [20_002, ['args', 1], 'a credential (the flag "--token" names one)'],
    ]);
    expect(found[0][0].slice(0, 20_000).every(part => part === 'a')).toBe(true);
  });

  it('walks a table that holds itself (built by hand) once', () => {
    const table: Record<string, unknown> = { token: 'hunter2-Sup3r' };
    table.self = table;
    table.list = [table, { secret: 'hunter2-Sup3r' }];
    expect(secretsOf(table)).toEqual([
      [['token'], 'a credential (the key "token" names one)'],
      [['list', 1, 'secret'], 'a credential (the key "secret" names one)'],
    ]);
  });

  it('leaves ordinary arguments alone', () => {
    expect(
      secretsOf({
        args: ['--password-file', '/run/secrets/db', '-p', '8080', '--verbose'],
        command: ['docker', 'run', '-u', '1000:1000', 'acme/api'],
        nested: [['--password'], ['hunter2']],
      }),
    ).toEqual([]);
  });
});
