import { InputError } from '@backstage/errors';
import { redactDiff, redactLine, redactToml, refuseSecrets } from './secrets';

const SECRET = 'Sup3rS3cretPassw0rd!';

describe('redactLine', () => {
  it.each([
    [`+db_password = "${SECRET}"`, '+db_password = "(hidden)"'],
    [
      `-db_password = '${SECRET}' # rotated`,
      '-db_password = "(hidden)" # rotated',
    ],
    [`+"db password" = """${SECRET}"""`, '+"db password" = "(hidden)"'],
    [
      `+service.a.metadata.api_key = "${SECRET}"`,
      '+service.a.metadata.api_key = "(hidden)"',
    ],
    [
      `+a = { version = "1.0.0", metadata = { db_password = "${SECRET}", replicas = 2 } }`,
      '+a = { version = "1.0.0", metadata = { db_password = "(hidden)", replicas = 2 } }',
    ],
    [
      `+tokens = ["${SECRET}", "other-${SECRET}"]`,
      '+tokens = ["(hidden)", "(hidden)"]',
    ],
    ['+pin = 123456', '+pin = 123456'],
    ['+db_pass = 12345678', '+db_pass = (hidden)'],
    [
      `+args = ["serve", "--password", "${SECRET}", "--port", "8080"]`,
      '+args = ["serve", "--password", "(hidden)", "--port", "8080"]',
    ],
    [
      `+env = ["DB_PASSWORD=${SECRET}", "LOG=debug"]`,
      '+env = ["(hidden)", "LOG=debug"]',
    ],
    ['+aws = "AKIAIOSFODNN7EXAMPLE"', '+aws = "(hidden)"'],
    // a line of a multi-line string, a comment, markdown: well-known forms wherever they are
    ['+AKIAIOSFODNN7EXAMPLE', '+(hidden)'],
    [`+# password = ${SECRET}`, '+# password = (hidden)'],
    [
      `+| x | postgres://app:${SECRET}@db:5432/app |`,
      '+| x | postgres://app:(hidden)@db:5432/app |',
    ],
  ])('hides the credential of %s', (line, expected) => {
    const redacted = redactLine(line);
    expect(redacted).toBe(expected);
    expect(redacted).not.toContain(SECRET);
  });

  it.each([
    '+db_password = "${DB_PASSWORD}"',
    '+db_password = "vault:orders/db"',
    '+token_url = "https://auth.example.com/token"',
    '+password_required = true',
    '+deprecation_date = 2026-09-01',
    '+version = "1.0.0" # the first',
    '+tags = ["search", "api"]',
    '+description = "Issues tokens; the password is rotated monthly."',
    '+| 8095 | `orders-api` | shared |',
    '@@ -12,3 +12,4 @@',
    ' port = 8080',
    '--- a/services/catalog.toml',
  ])('leaves %s alone', line => {
    expect(redactLine(line)).toBe(line);
  });

  it('redacts a whole diff line by line', () => {
    expect(redactDiff(`--- a/x.toml\n+++ b/x.toml\n+token = "${SECRET}"`)).toBe(
      '--- a/x.toml\n+++ b/x.toml\n+token = "(hidden)"',
    );
  });
});

describe('redactToml', () => {
  it('hides the lines of a multi-line array or string by the key they are assigned to', () => {
    const text = [
      '[service.orders]',
      'api_tokens = [',
      `  "${SECRET}",`,
      '  [ "nested", 12345678 ],',
      `  "other-${SECRET}", # rotated`,
      ']',
      'db_password = """',
      `${SECRET}`,
      `${SECRET}""" # until May`,
      'description = """',
      'Issues tokens; the password is rotated monthly.',
      '"""',
      'tags = ["search",',
      '  "api"]',
      'args = [',
      '  "--password",',
      `  "${SECRET}",`,
      '  "--port", "8080",',
      ']',
      'status = "ga"',
    ].join('\n');
    const redacted = redactToml(text);
    expect(redacted).not.toContain(SECRET);
    expect(redacted.split('\n')).toEqual([
      '[service.orders]',
      'api_tokens = [',
      '  "(hidden)",',
      '  [ "(hidden)", (hidden) ],',
      '  "(hidden)", # rotated',
      ']',
      'db_password = """',
      '(hidden)',
      '(hidden)""" # until May',
      'description = """',
      'Issues tokens; the password is rotated monthly.',
      '"""',
      'tags = ["search",',
      '  "api"]',
      'args = [',
      '  "--password",',
      '  "(hidden)",',
      '  "--port", "8080",',
      ']',
      'status = "ga"',
    ]);
  });
});

describe('refuseSecrets', () => {
  it('names the key, not the value, and says what to write instead', () => {
    let error: unknown;
    try {
      refuseSecrets({ name: 'x', metadata: { db_password: SECRET } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(/^metadata\.db_password looks like a credential/);
    expect(message).toContain('secret manager');
    expect(message).toContain('reference');
    expect(message).not.toContain(SECRET);
  });

  it('names the element of an array, under a prefix', () => {
    expect(() =>
      refuseSecrets({ ids: ['ok', 'AKIAIOSFODNN7EXAMPLE'] }, ['migration']),
    ).toThrow(/^migration\.ids\[1\] looks like /);
  });

  it('refuses the value after a credential flag in an array', () => {
    expect(() =>
      refuseSecrets({ metadata: { args: ['serve', '--password', SECRET] } }),
    ).toThrow(/^metadata\.args\[2\] looks like /);
  });

  it.each([
    [['sshpass', '-p', 'hunter2xyz', 'ssh', 'db.internal'], 2],
    [['docker', 'login', '-u', 'ci', '-p', 'S3cretPw9', 'reg.example'], 5],
    [['mysql', '-uroot', '-p12345678', 'orders'], 2],
  ])(
    'refuses a password in a command written as an array: %j',
    (command, index) => {
      let message = '';
      try {
        refuseSecrets({ healthcheck: command });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(
        new RegExp(`^healthcheck\\[${index}\\] looks like `),
      );
      expect(message).not.toContain(String(command[index]).slice(-6));
    },
  );

  it('lets commands without a password through', () => {
    expect(() =>
      refuseSecrets({
        healthcheck: ['docker', 'run', '-p', '8080:80', 'orders'],
        check: ['mysql', '-p', 'orders'],
        decrypt: ['openssl', 'enc', '-d', '-pass', 'stdin'],
      }),
    ).not.toThrow();
  });

  it('lets references and ordinary values through', () => {
    expect(() =>
      refuseSecrets({
        name: 'Orders',
        port: 8080,
        repository: 'https://github.com/example-org/orders',
        metadata: { db_password: '${DB_PASSWORD}', replicas: 2 },
        tags: ['api'],
      }),
    ).not.toThrow();
  });
});
