import { parse } from 'smol-toml';
import { fieldChanges } from './fieldChanges';

describe('fieldChanges', () => {
  it('compares tables key by key, arrays and scalars whole, dates as text', () => {
    const before = parse(
      'a = 1\nd = 2026-01-01\nt.x = [1, 2]\nt.y = "same"\ngone = true',
    );
    const after = parse(
      'a = 2\nd = 2026-02-01\nt.x = [1, 2, 3]\nt.y = "same"\nnew = "n"',
    );
    expect(fieldChanges(before, after)).toEqual([
      { path: 'a', before: 1, after: 2 },
      { path: 'd', before: '2026-01-01', after: '2026-02-01' },
      { path: 'gone', before: true },
      { path: 'new', after: 'n' },
      { path: 't.x', before: [1, 2], after: [1, 2, 3] },
    ]);
  });

  it('takes nan for nan, alone and in arrays, so that a value of nan is no change between two registries', () => {
    const table = () => ({ threshold: NaN, limits: [1, NaN], sla: { p: NaN } });
    expect(fieldChanges(table(), table())).toEqual([]);
    expect(
      fieldChanges(table(), { ...table(), threshold: 1, limits: [NaN, 1] }),
    ).toEqual([
      { path: 'limits', before: [1, NaN], after: [NaN, 1] },
      { path: 'threshold', before: NaN, after: 1 },
    ]);
  });

  it('hides secret-looking values', () => {
    const changes = fieldChanges(
      parse('api_token = "abc"\nurl = "https://u:p4ss@x"'),
      parse('api_token = "def"\nurl = "https://u:p5ss@x"'),
    );
    expect(JSON.stringify(changes)).not.toMatch(/abc|def|p4ss|p5ss/);
    expect(changes).toEqual([
      { path: 'api_token', before: '(hidden)', after: '(hidden)' },
      { path: 'url', before: '(hidden)', after: '(hidden)' },
    ]);
  });

  it('hides the value after a credential flag in an array, as the validation finds it', () => {
    const changes = fieldChanges(
      parse('args = ["serve", "--password", "hunter2"]'),
      parse('args = ["serve", "--password", "hunter3", "--port", "8080"]'),
    );
    expect(JSON.stringify(changes)).not.toMatch(/hunter/);
    expect(changes).toEqual([
      {
        path: 'args',
        before: ['serve', '--password', '(hidden)'],
        after: ['serve', '--password', '(hidden)', '--port', '8080'],
      },
    ]);
  });

  it('hides the password of a command written as its arguments, as the validation finds it', () => {
    const changes = fieldChanges(
      parse(
        'healthcheck = ["sshpass", "-p", "hunter2xyz", "ssh", "db"]\nlogin = ["docker", "run", "-p", "8080:80", "x"]',
      ),
      parse(
        'healthcheck = ["sshpass", "-p", "hunter3xyz", "ssh", "db2"]\nlogin = ["docker", "login", "-u", "ci", "-p", "S3cretPw9", "reg"]',
      ),
    );
    expect(JSON.stringify(changes)).not.toMatch(/hunter|S3cret/);
    expect(changes).toEqual([
      {
        path: 'healthcheck',
        before: ['sshpass', '-p', '(hidden)', 'ssh', 'db'],
        after: ['sshpass', '-p', '(hidden)', 'ssh', 'db2'],
      },
      {
        path: 'login',
        // a port is not a password
        before: ['docker', 'run', '-p', '8080:80', 'x'],
        after: ['docker', 'login', '-u', 'ci', '-p', '(hidden)', 'reg'],
      },
    ]);
  });
});
