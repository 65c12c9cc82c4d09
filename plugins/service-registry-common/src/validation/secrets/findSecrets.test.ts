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
