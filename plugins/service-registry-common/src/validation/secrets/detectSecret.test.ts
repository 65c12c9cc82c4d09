import { detectSecret, redactSecrets } from './detectSecret';

describe('detectSecret', () => {
  it.each([
    [
      'password',
      'correct horse',
      'a credential (the key "password" names one)',
    ],
    [
      'client_secret',
      'abc',
      'a credential (the key "client_secret" names one)',
    ],
    ['anything', 'AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    ['anything', `ghp_${'x'.repeat(36)}`, 'a GitHub token'],
    ['anything', 'xoxb-1234567890-abcdef', 'a Slack token'],
    ['key', 'q8Z3mN1vB7xC5zL2kJ9hG4fD6sA0pO', 'a random-looking credential'],
  ])('flags %s', (key, value, kind) => {
    expect(detectSecret(key, value)).toBe(kind);
  });

  it.each([
    ['password', '${DB_PASSWORD}'],
    ['password', 'vault:secret/db'],
    ['password', '<your password>'],
    ['token_url', 'https://example.com/oauth/token'],
    ['secret_name', 'db-credentials'],
    ['key', 'short'],
    ['name', 'q8Z3mN1vB7xC5zL2kJ9hG4fD6sA0pO'],
    ['password', 42],
    ['password', ''],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });
});

describe('redactSecrets', () => {
  it('hides well-known credentials in a text and keeps the rest', () => {
    expect(
      redactSecrets(
        'got "AKIAIOSFODNN7EXAMPLE" and postgres://app:pw123@db/x, port 8080',
      ),
    ).toBe('got "(hidden)" and postgres://app:(hidden)@db/x, port 8080');
  });
});
