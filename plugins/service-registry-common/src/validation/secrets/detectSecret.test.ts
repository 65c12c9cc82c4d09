import { detectSecret, redactSecrets } from './detectSecret';

/** Made-up credentials of the well-known forms (not real keys). */
const GOOGLE = `AIza${'Sy0bC9dE8fG7hI6jK5lM4nO3pQ2rS1tU0vW'}`;
const STRIPE = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
const STRIPE_RESTRICTED = `rk_live_${'51H7qYBCn3aZ0f9TnV8mXwPq'}`;
const NPM = `npm_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`;
const GITLAB = `glpat-${'xY7zQ2wE9rT4yU1iO6pA'}`;
const SLACK_HOOK = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${'q8Z3mN1vB7xC5zL2kJ9hG4fD'}`;
const AZURE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

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
    ['maps', GOOGLE, 'a Google API key'],
    ['billing', STRIPE, 'a Stripe secret key'],
    ['billing', STRIPE_RESTRICTED, 'a Stripe secret key'],
    ['registry', NPM, 'an npm token'],
    ['ci', GITLAB, 'a GitLab token'],
    ['notify', SLACK_HOOK, 'a Slack webhook URL'],
    [
      'storage',
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`,
      'an Azure account key',
    ],
    [
      'bus',
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${AZURE_KEY}`,
      'an Azure account key',
    ],
    [
      'auth_header',
      'Bearer 8f14e45fceea167a5a36dedd4bea2543',
      'a bearer token',
    ],
    [
      'health_check',
      'https://api.example.com/health?api_key=9f86d081884c7d65',
      'a URL with a credential in its query string',
    ],
    [
      'health_check',
      '/health?region=eu&token=c4ca4238a0b923820dcc',
      'a URL with a credential in its query string',
    ],
    [
      'dsn',
      'Server=db;Database=app;User Id=sa;Password=Hunter2-Sup3r;',
      'a connection string with a password',
    ],
    [
      'env',
      'DB_PASSWORD=hunter2-Sup3r',
      'a credential (the variable "DB_PASSWORD" names one)',
    ],
    [
      'env',
      'API_TOKEN = abc',
      'a credential (the variable "API_TOKEN" names one)',
    ],
    ['DB_PASS', 'hunter2', 'a credential (the key "DB_PASS" names one)'],
    ['smtp_pw', 'hunter2', 'a credential (the key "smtp_pw" names one)'],
    ['password', 12345678, 'a credential (the key "password" names one)'],
    ['api_token', 4.5, 'a credential (the key "api_token" names one)'],
    [
      'password',
      BigInt(123456789),
      'a credential (the key "password" names one)',
    ],
  ])('flags %s = %p', (key, value, kind) => {
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
    ['password', true],
    ['password', ''],
    // ordinary values of a registry
    ['id', 'project-a-api'],
    ['version', '1.2.3-beta.1+build.42'],
    ['image', 'registry.example.com/team/api:1.2.3'],
    ['repository', 'https://github.com/acme/orders'],
    ['health_check', 'https://api.example.com/health?verbose=true&region=eu'],
    ['health_check', '/health?token=${HEALTH_TOKEN}'],
    ['health_check', '/health?api_key=<key>'],
    ['url', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
    ['url', 'postgres://db.internal:5432/app'],
    ['support_hours', '24/7'],
    ['response_time_p99', '1.5s'],
    ['rto', '4h'],
    ['availability', 99.95],
    ['port', 8080],
    ['description', 'Uses Bearer authentication from shared-auth'],
    ['auth_header', 'Bearer ${TOKEN}'],
    ['auth_header', 'Authorization'],
    ['env', ['LOG_LEVEL=debug']],
    ['env', 'LOG_LEVEL=debug'],
    ['env', 'DB_PASSWORD=${DB_PASSWORD}'],
    ['env', 'DB_PASSWORD='],
    ['env', 'DB_PASSWORD_FILE=/run/secrets/db'],
    ['dsn', 'Server=db;Database=app;Password=${DB_PASSWORD}'],
    ['password_length', 12],
    ['token_ttl', 3600],
    ['max_password_age', 90],
    ['secret_store', 'vault'],
    ['bypass', 'cdn'],
    ['compass', 'north'],
    ['pass_through', 'headers'],
    ['task_test_runner', 'jest'],
    ['tags', 'sk_live_'],
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

  it('hides every kind of credential detectSecret knows by its form', () => {
    const text = [
      GOOGLE,
      STRIPE,
      STRIPE_RESTRICTED,
      NPM,
      GITLAB,
      SLACK_HOOK,
      `AccountName=acme;AccountKey=${AZURE_KEY};`,
      'Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543',
      '/health?region=eu&api_key=9f86d081884c7d65&x=1',
      'Server=db;Password=Hunter2-Sup3r;',
    ].join(' | ');
    const redacted = redactSecrets(text);
    for (const secret of [
      GOOGLE,
      STRIPE,
      STRIPE_RESTRICTED,
      NPM,
      GITLAB,
      'q8Z3mN1vB7xC5zL2kJ9hG4fD',
      AZURE_KEY.slice(0, 12),
      '8f14e45fceea167a5a36dedd4bea2543',
      '9f86d081884c7d65',
      'Hunter2-Sup3r',
    ]) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain('region=eu&api_key=(hidden)&x=1');
    expect(redacted).toContain('Authorization: Bearer (hidden)');
  });

  it('leaves text without credentials as it is', () => {
    const text =
      'Service "api": sla.support_hours "24/7" is weaker than the tier requires; see https://example.com/docs?page=2.';
    expect(redactSecrets(text)).toBe(text);
  });
});
