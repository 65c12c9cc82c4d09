import { detectSecret, redactSecrets } from './detectSecret';

/** Made-up credentials of the well-known forms (not real keys). */
const GOOGLE = `AIza${'Sy0bC9dE8fG7hI6jK5lM4nO3pQ2rS1tU0vW'}`;
const STRIPE = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
const STRIPE_RESTRICTED = `rk_live_${'51H7qYBCn3aZ0f9TnV8mXwPq'}`;
const NPM = `npm_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`;
const GITLAB = `glpat-${'xY7zQ2wE9rT4yU1iO6pA'}`;
const SLACK_HOOK = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${'q8Z3mN1vB7xC5zL2kJ9hG4fD'}`;
const OPENAI_PROJECT = `sk-proj-${'Xq3vB7nM1kJ9hG4fD6sA0pO2iU8yT5rE'}`;
const OPENAI_LEGACY = `sk-${'q8Z3mN1vB7xC5zL2kJ9h'}T3BlbkFJ${'G4fD6sA0pO2iU8yT5rE1'}`;
const ANTHROPIC = `sk-ant-api03-${'Xq3vB7nM1kJ9hG4fD6sA0pO2iU8yT5rE'}-${'w1'}`;
const HUGGING_FACE = `hf_${'qZmNvBxCzLkJhGfDsApOiUyTrEwQaSdFgH'}`;
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
    [
      'url',
      'mongodb+srv://app:s3cr3t@cluster0.example.net/app',
      'a URL with an embedded password',
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

/** HTTP Basic credentials: base64 of `user:password` (made up). */
const BASIC = Buffer.from('deploy:hunter2-Sup3r').toString('base64');
const BASIC_ADMIN = Buffer.from('admin:admin').toString('base64');

describe('detectSecret: HTTP Basic credentials', () => {
  it.each([
    ['authorization', 'Basic dXNlcjpodW50ZXIy'],
    ['authorization', `Basic ${BASIC}`],
    ['headers', `Authorization: Basic ${BASIC_ADMIN}`],
    ['health_check', `curl -H "Authorization: basic ${BASIC}" https://x`],
  ])('flags %s = %p', (key, value) => {
    expect(detectSecret(key, value)).toBe('HTTP Basic credentials');
  });

  it('still flags bearer tokens under any key', () => {
    expect(
      detectSecret('authorization', 'Bearer 8f14e45fceea167a5a36dedd4bea2543'),
    ).toBe('a bearer token');
  });

  it.each([
    ['authorization', 'none'],
    ['authorization', 'Basic'],
    ['authorization', 'basic'],
    ['authorization', 'Basic ${BASIC_AUTH}'],
    ['authorization', 'Basic <base64 of user:password>'],
    ['authorization', 'Bearer'],
    // base64, but of no `user:password`
    ['authorization', `Basic ${Buffer.from('deploy').toString('base64')}`],
    ['description', 'Basic auth is used in front of the admin UI'],
    ['description', 'Basic authentication, see the runbook'],
    ['description', 'Basic plan: 1000 requests/day'],
    ['tier_name', 'Basic'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });
});

describe('detectSecret: curl -u / --user', () => {
  it.each([
    ['health_check', 'curl -u admin:hunter2 https://api.example.com/health'],
    [
      'health_check',
      'curl --user admin:hunter2 https://api.example.com/health',
    ],
    [
      'health_check',
      'curl --user=admin:hunter2 https://api.example.com/health',
    ],
    ['health_check', 'curl -fsS -u "admin:hunter2" https://x/health'],
    ['health_check', '/usr/bin/curl -sSu admin:hunter2 https://x/health'],
    ['health_check', 'curl -uadmin:hunter2 https://x/health'],
    ['health_check', "curl -u ':s3cr3t-t0ken' https://x/health"],
  ])('flags %s = %p', (key, value) => {
    expect(detectSecret(key, value)).toBe(
      'a user:password given with -u/--user',
    );
  });

  it.each([
    ['health_check', 'curl -u $USER https://api.example.com/health'],
    ['health_check', 'curl -u admin https://api.example.com/health'],
    ['health_check', 'curl -u admin:${ADMIN_PASSWORD} https://x/health'],
    ['health_check', 'curl -u "$HEALTH_USER:$HEALTH_PASSWORD" https://x'],
    ['health_check', 'curl -u admin:<password> https://x/health'],
    ['health_check', 'curl -u admin:*** https://x/health'],
    ['description', 'Check it with curl -u user:password https://x/health'],
    ['description', 'curl --user "USER:PASSWORD" https://x/health'],
    ['health_check', 'curl --user-agent probe:1 https://x/health'],
    ['health_check', 'curl -fsS https://x:8443/health'],
    // -u and --user of other commands: a uid:gid, a user:group
    ['command', 'docker run -u 1000:1000 acme/api:1.2.3'],
    ['command', 'docker run --user app:app acme/api:1.2.3'],
    ['command', 'python -u -m gunicorn app:server'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });
});

describe('detectSecret: a flag naming a secret, and its value', () => {
  it.each([
    ['--password', 'hunter2', 'a credential (the flag "--password" names one)'],
    [
      '--token',
      'c4ca4238a0b923',
      'a credential (the flag "--token" names one)',
    ],
    ['--api-key', 'abc', 'a credential (the flag "--api-key" names one)'],
    [
      '--client-secret',
      'abc',
      'a credential (the flag "--client-secret" names one)',
    ],
    ['--db-pass', 'hunter2', 'a credential (the flag "--db-pass" names one)'],
    ['-pw', 'hunter2', 'a credential (the flag "-pw" names one)'],
    ['-password', 'hunter2', 'a credential (the flag "-password" names one)'],
    ['--password', 12345678, 'a credential (the flag "--password" names one)'],
    ['-u', 'admin:hunter2', 'a user:password given with -u/--user'],
    ['--user', 'admin:hunter2', 'a user:password given with -u/--user'],
  ])('flags the element after %p: %p', (flag, value, kind) => {
    expect(detectSecret('args', value, flag)).toBe(kind);
  });

  it('reports a credential of a well-known form as such', () => {
    expect(detectSecret('args', 'AKIAIOSFODNN7EXAMPLE', '--token')).toBe(
      'an AWS access key id',
    );
  });

  it.each([
    ['--password', '${DB_PASSWORD}'],
    ['--password', '$DB_PASSWORD'],
    ['--password', 'vault:secret/db'],
    ['--password', '<password>'],
    ['--password', ''],
    ['--password', '--verbose'],
    ['--password', true],
    ['--password-file', '/run/secrets/x'],
    ['--password-file', '/run/secrets/db-password-prod-2024-10a'],
    ['--password-stdin', 'registry.example.com'],
    ['--no-password', 'mydb'],
    ['--ask-password', 'mydb'],
    ['--token-ttl', '3600'],
    ['--token-url', 'https://auth.example.com/token'],
    ['--secret-name', 'db-credentials'],
    ['--key', '/etc/ssl/private/server-key-2024-10.pem'],
    ['--cert', '/etc/ssl/certs/server-2024.pem'],
    // -p: a port, a password, a parent, a publish: too ambiguous to judge
    ['-p', 'hunter2'],
    ['-p', '8080:80'],
    ['--port', '8080'],
    // docker's --secret takes a secret's name or spec
    ['--secret', 'db_password'],
    ['--secret', 'id=npmrc,src=/run/secrets/npmrc'],
    ['-u', '1000:1000'],
    ['-u', 'app'],
    ['--user', 'admin'],
    ['--user', '${USER}:${PASSWORD}'],
    ['--user', 'env:HEALTH_CREDENTIALS'],
    ['--user', 'user:password'],
    ['--log-level', 'debug'],
    ['password', 'hunter2'],
  ])('leaves the element after %p alone: %p', (flag, value) => {
    expect(detectSecret('args', value, flag)).toBeUndefined();
  });

  it('judges an element alone without the element before it', () => {
    expect(detectSecret('args', 'hunter2')).toBeUndefined();
    expect(detectSecret('args', 'admin:hunter2')).toBeUndefined();
  });
});

describe('detectSecret: NAME=value and --flag=value inside a command', () => {
  it.each([
    [
      'args',
      '--password=hunter2',
      'a credential (the flag "--password" names one)',
    ],
    [
      'args',
      '--db-password=hunter2',
      'a credential (the flag "--db-password" names one)',
    ],
    [
      'command',
      'server --db-password=hunter2 --port 8080',
      'a credential (the flag "--db-password" names one)',
    ],
    [
      'command',
      'wget --user=admin --password=hunter2 https://x/health',
      'a credential (the flag "--password" names one)',
    ],
    [
      'command',
      'java -Ddb.password=hunter2 -jar app.jar',
      'a credential (the flag "-Ddb.password" names one)',
    ],
    [
      'health_check',
      'env PGPASSWORD=hunter2 pg_isready -h db',
      'a credential (the variable "PGPASSWORD" names one)',
    ],
    [
      'env',
      'JAVA_OPTS=-Xmx1g -Dapi.token=c4ca4238a0b9',
      'a credential (the flag "-Dapi.token" names one)',
    ],
  ])('flags %s = %p', (key, value, kind) => {
    expect(detectSecret(key, value)).toBe(kind);
  });

  it.each([
    ['args', '--password-file=/run/secrets/db'],
    ['args', '--password=${DB_PASSWORD}'],
    ['args', '--password=$DB_PASSWORD'],
    ['args', '--log-level=debug'],
    ['command', 'server --password-file=/run/secrets/db --port=8080'],
    ['command', 'server --token-ttl=3600 --secret-name=db'],
    ['command', 'server --password=${DB_PASSWORD} --port=8080'],
    ['command', 'env PGPASSWORD=$PGPASS pg_isready -h db'],
    ['command', 'server --key=/etc/ssl/private/server-key-2024-10.pem'],
    ['description', 'Set LOG_LEVEL=debug to see requests; see --help'],
    ['env', 'JAVA_OPTS=-Xmx1g -Dfile.encoding=UTF-8'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });
});

describe('detectSecret: a credential given as a command-line flag inside one string', () => {
  it.each([
    [
      'image',
      'registry/app:1 --password hunter2',
      'a credential (the flag "--password" names one)',
    ],
    [
      'command',
      'server --token abc123def456 --port 8080',
      'a credential (the flag "--token" names one)',
    ],
    [
      'command',
      'server --api-key xyz',
      'a credential (the flag "--api-key" names one)',
    ],
    [
      'command',
      "server --db-password 'hunter2' --port 8080",
      'a credential (the flag "--db-password" names one)',
    ],
    [
      'args',
      '--client-secret\thunter2',
      'a credential (the flag "--client-secret" names one)',
    ],
    [
      'command',
      'mongosh --username app --password hunter2 mongodb://db/app',
      'a credential (the flag "--password" names one)',
    ],
    [
      'image',
      'registry/app:1 --token=abc123def456',
      'a credential (the flag "--token" names one)',
    ],
    [
      'command',
      'PGPASSWORD=secret psql -h db -U app',
      'a credential (the variable "PGPASSWORD" names one)',
    ],
    [
      'healthcheck',
      'env PGPASSWORD=secret pg_isready -h db',
      'a credential (the variable "PGPASSWORD" names one)',
    ],
    [
      'healthcheck',
      'curl -u deploy:S3cr3t-pw https://api.example.com/health',
      'a user:password given with -u/--user',
    ],
    ['command', 'mysql -uroot -pS3cretPw db', 'a MySQL password given with -p'],
    [
      'healthcheck',
      'mysqladmin ping -h localhost -u root -p"S3cretPw"',
      'a MySQL password given with -p',
    ],
    [
      'command',
      "mariadb -u app -p'S3cret Pw' app",
      'a MySQL password given with -p',
    ],
    [
      'healthcheck',
      'redis-cli -a s3cr3tpass ping',
      'a Redis password given with -a',
    ],
    [
      'healthcheck',
      'redis-cli -h cache --no-auth-warning -a "s3cr3tpass" ping',
      'a Redis password given with -a',
    ],
    [
      'healthcheck',
      'redis-cli --pass s3cr3tpass ping',
      'a credential (the flag "--pass" names one)',
    ],
  ])('flags %s = %p', (key, value, kind) => {
    expect(detectSecret(key, value)).toBe(kind);
  });

  it.each([
    // flags that point to a credential or take none
    ['command', 'server --password-file /run/secrets/x --port 8080'],
    ['command', 'docker login --username ci --password-stdin ghcr.io'],
    ['command', 'server --token-path /var/run/secrets/token'],
    ['command', 'server --token-ttl 3600 --secret-name db'],
    ['command', 'server --no-password --port 8080'],
    ['command', 'server --password --port 8080'],
    ['command', 'server --password'],
    // references and placeholders, as the other forms leave them
    ['command', 'server --password ${DB_PASSWORD}'],
    ['command', 'server --password $DB_PASSWORD'],
    ['command', 'server --password "$DB_PASSWORD" --port 8080'],
    ['command', 'server --password $(cat /run/secrets/db)'],
    ['command', 'server --password "$(cat /run/secrets/db)"'],
    ['command', 'server --password `cat /run/secrets/db`'],
    ['command', 'server --password <password>'],
    ['command', 'server --password {{ db_password }}'],
    ['command', 'server --password vault:secret/db'],
    ['command', 'server --api-key ***'],
    ['command', 'PGPASSWORD=$(cat /run/secrets/db) psql -h db'],
    ['command', 'PGPASSWORD=${PGPASSWORD} psql -h db'],
    ['command', 'PGPASSWORD="$PGPASS" psql -h db'],
    ['command', 'env PGPASSWORD={{ pg_password }} pg_isready'],
    ['args', '--password=<your password>'],
    ['diff', '-db_password = ${DB_PASSWORD}'],
    // docker's --secret takes a secret's name or a spec, not its value
    ['command', 'docker build --secret id=npmrc,src=/run/secrets/npmrc .'],
    ['command', 'docker build --secret=id=npmrc,src=/run/secrets/npmrc .'],
    ['command', 'docker service create --secret db_password acme/api'],
    // -p: a port, a publish, a parent, or a password prompt
    ['command', 'docker run -p 8080:80 acme/api:1.2.3'],
    ['command', 'docker run -p 8080 acme/api:1.2.3'],
    ['command', 'docker run -p 3306:3306 mysql:8'],
    ['command', 'docker run -p3306:3306 mysql:8'],
    ['command', 'docker run -p 127.0.0.1:8080:80/tcp acme/api'],
    ['command', 'mysql -h db -u root -p app'],
    ['command', 'mysql -h db -u root -p --ssl-mode=REQUIRED app'],
    ['command', 'mysql -u root -p'],
    ['command', 'mysql -u root -P3306 -p app'],
    [
      'healthcheck',
      'mysqladmin ping -h localhost -uroot -p$MYSQL_ROOT_PASSWORD',
    ],
    ['healthcheck', 'mysqladmin ping -uroot -p"${MYSQL_ROOT_PASSWORD}"'],
    ['command', 'mkdir -p /var/lib/mysql && mysqld'],
    ['command', 'mkdir -pv /var/lib/mysql && mysqld'],
    ['command', 'ssh -p 2222 deploy@host'],
    // redis-cli without a password, or with one from elsewhere
    ['healthcheck', 'redis-cli ping'],
    ['healthcheck', 'redis-cli -a $REDIS_PASSWORD ping'],
    ['healthcheck', 'redis-cli -a "${REDIS_PASSWORD}" ping'],
    ['healthcheck', 'redis-cli --askpass ping'],
    ['command', 'ls -a /data'],
    ['command', 'redis-cli ping && ls -a && echo ok'],
    // the word itself, as in docs, is a placeholder
    ['healthcheck', 'curl -u user:password https://api.example.com/health'],
    // a switch's setting
    ['command', 'server --use-token true --port 8080'],
    ['command', 'server --basic-auth-password off'],
    // prose that names a flag
    ['description', 'Log in with --password and the user name'],
    ['description', 'Pass the token with --token or the TOKEN variable'],
    ['description', 'Rotate the --api-key every 90 days'],
    ['description', 'The --password flag is required'],
    ['description', 'Never pass --password. Use --password-file instead'],
    ['description', 'Check the cache with redis-cli -a and the password'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });

  it('reports a default password such as changeme, as under a key named like a credential', () => {
    expect(detectSecret('password', 'changeme')).toBe(
      'a credential (the key "password" names one)',
    );
    expect(detectSecret('command', 'server --password changeme')).toBe(
      'a credential (the flag "--password" names one)',
    );
    expect(detectSecret('command', 'mysql -uroot -pchangeme app')).toBe(
      'a MySQL password given with -p',
    );
  });

  it('hides the value of a credential-named flag in a text, keeping the flag', () => {
    expect(
      redactSecrets('Start it with: app --password hunter2 --port 80'),
    ).toBe('Start it with: app --password (hidden) --port 80');
    expect(
      redactSecrets('Start it with: app --password=hunter2 --port 80'),
    ).toBe('Start it with: app --password=(hidden) --port 80');
    expect(
      redactSecrets(
        'Run server --token abc123 or server --api-key xyz and then env PGPASSWORD=s3cret psql',
      ),
    ).toBe(
      'Run server --token (hidden) or server --api-key (hidden) and then env PGPASSWORD=(hidden) psql',
    );
    expect(redactSecrets('--password=hunter2 is the default')).toBe(
      '--password=(hidden) is the default',
    );
    expect(redactSecrets('--password hunter2 is the default')).toBe(
      '--password (hidden) is the default',
    );
  });

  it('hides the whole of a quoted value given to such a flag', () => {
    const redacted = redactSecrets(
      `app --password "correct horse" --token 'battery staple' --port 80`,
    );
    expect(redacted).toBe(
      `app --password "(hidden)" --token '(hidden)' --port 80`,
    );
  });

  it('hides a quoted value whole, even where it holds what looks like another flag', () => {
    expect(redactSecrets(`app --password "pw --token x" --port 80`)).toBe(
      `app --password "(hidden)" --port 80`,
    );
  });

  it('hides such a value once: a text redacted again stays the same', () => {
    const once = redactSecrets('app --password hunter2 --api-key xyz');
    expect(redactSecrets(once)).toBe(once);
  });

  it.each([
    'server --password-file /run/secrets/x --port 8080',
    'server --password-file=/run/secrets/x --port=8080',
    'docker login --username ci --password-stdin ghcr.io',
    'server --password --port 8080',
    'server --password ${DB_PASSWORD}',
    'server --password=${DB_PASSWORD} --port=8080',
    'server --password <password>',
    'server --password=<your password>',
    'env PGPASSWORD={{ pg_password }} pg_isready',
    'server --use-token true --port 8080',
    'Log in with --password and the user name',
    'Never pass --password. Use --password-file instead',
    // a setting on a removed line of a diff, not a flag
    '-db_password = "${DB_PASSWORD}" # rotated',
  ])('leaves %p as it is', text => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('hides the password of mysql -p and redis-cli -a in a text, keeping the flag', () => {
    expect(
      redactSecrets(
        'run "mysql -uroot -pS3cretPw db", then "redis-cli -a s3cr3tpass ping"',
      ),
    ).toBe(
      'run "mysql -uroot -p(hidden) db", then "redis-cli -a (hidden) ping"',
    );
    expect(redactSecrets('docker run -p 8080:80 mysql:8')).toBe(
      'docker run -p 8080:80 mysql:8',
    );
  });
});

describe('detectSecret: more commands that take a password on their command line', () => {
  const CURL = 'a user:password given with -u/--user';
  const MYSQL = 'a MySQL password given with -p';
  const SSHPASS = 'a password given with sshpass -p';
  const LOGIN = 'a registry password given with login -p';
  const OPENSSL = 'an OpenSSL password given with pass:';
  it.each([
    ['healthcheck', 'curl -u user:s3cr3tP4ss https://api.example.com/h', CURL],
    ['healthcheck', 'curl --user user:pass https://api.example.com/h', CURL],
    ['healthcheck', 'curl -u admin:pass https://api.example.com/h', CURL],
    ['healthcheck', "curl -fsS -u 'user:PASS' https://x/h", CURL],
    // -p of the MySQL clients is always the password (the port is -P), digits too
    ['command', 'mysql -h db -uroot -p12345678 app', MYSQL],
    ['healthcheck', 'mysqladmin ping -uroot -p123456', MYSQL],
    ['command', 'mysql -h mysql -P3306 -uroot -p3306 app', MYSQL],
    ['command', 'docker exec db mysql -uroot -p123456 -e "select 1"', MYSQL],
    ['command', 'kubectl exec deploy/db -- mysql -uroot -p123456', MYSQL],
    ['command', 'docker run -p 3306:3306 mysql:8 && mysql -p20240101', MYSQL],
    // a number that no port can be, wherever it is
    ['command', 'docker run -p12345678 mysql', MYSQL],
    ['command', "sshpass -p 'S3cr3t pw' ssh deploy@host uptime", SSHPASS],
    ['command', 'sshpass -p hunter2 ssh deploy@host', SSHPASS],
    ['command', 'sshpass -phunter2 ssh deploy@host', SSHPASS],
    ['command', 'sshpass -v -P assword: -p "hunter2" ssh host', SSHPASS],
    ['command', '/usr/bin/sshpass -p 123456 scp a host:/b', SSHPASS],
    ['command', 'docker login -u me -p hunter2 registry.example.com', LOGIN],
    ['command', 'docker login registry.example.com -u me -p "S3cr3t"', LOGIN],
    ['command', 'podman login -u me -pHunter2 quay.io', LOGIN],
    ['command', 'docker login --username me -p 12345678 ghcr.io', LOGIN],
    [
      'command',
      'docker login -u me --password hunter2 registry',
      'a credential (the flag "--password" names one)',
    ],
    [
      'command',
      'kubectl create secret generic s --from-literal=password=hunter2',
      'a credential (the key "password" names one)',
    ],
    [
      'command',
      "kubectl create secret generic s --from-literal='token=abc123def456'",
      'a credential (the key "token" names one)',
    ],
    [
      'command',
      'kubectl create secret generic s --from-literal=api-key=abc123',
      'a credential (the key "api-key" names one)',
    ],
    [
      'command',
      'kubectl create secret generic s --from-literal=user=app --from-literal=DB_PASSWORD=S3cr3t',
      'a credential (the key "DB_PASSWORD" names one)',
    ],
    ['command', 'openssl enc -d -aes-256-cbc -pass pass:hunter2xyz', OPENSSL],
    ['command', 'openssl pkcs12 -export -passout pass:hunter2xyz', OPENSSL],
    ['command', 'openssl rsa -in k.pem -passin "pass:hunter2 xyz"', OPENSSL],
  ])('flags %s = %p', (key, value, kind) => {
    expect(detectSecret(key, value)).toBe(kind);
  });

  it.each([
    // the words of examples, placeholders and values from elsewhere
    ['healthcheck', 'curl -u user:password https://x/h'],
    ['healthcheck', 'curl -u $USER:$PASS https://x/h'],
    ['healthcheck', 'curl -u <user>:<password> https://x/h'],
    ['healthcheck', 'curl -u "${USER}:${PASS}" https://x/h'],
    // -p of another command, before the MySQL client or in another command of the text
    ['command', 'docker run -p3306 mysql'],
    ['command', 'docker run --name mysql -p3306 mysql:8'],
    ['command', 'docker run -d --name mysql -p 3306 mysql:8'],
    ['command', 'ssh -p2222 db mysql -uroot -p app'],
    ['command', 'mysql -uroot -p app; nc -p3306 db'],
    ['command', 'mysql -u root -P3306 -p app'],
    ['command', 'mysql -uroot -p$MYSQL_ROOT_PASSWORD app'],
    ['command', 'sshpass -f /run/secrets/ssh ssh deploy@host'],
    ['command', 'sshpass -e ssh -p 2222 deploy@host'],
    ['command', 'sshpass -p "$SSHPASS" ssh -p 2222 deploy@host'],
    ['command', 'sshpass -p $(cat /run/secrets/ssh) ssh deploy@host'],
    ['command', 'sshpass -p <password> ssh deploy@host'],
    ['description', 'Log in with sshpass -p and the password'],
    ['command', 'docker run -p 8080:80 acme/api:1.2.3'],
    ['command', 'docker login -u me --password-stdin registry.example.com'],
    ['command', 'docker login -u me -p $REGISTRY_PASSWORD registry'],
    ['command', 'docker login -u me -p "${REGISTRY_PASSWORD}" registry'],
    ['command', 'docker login registry && docker run -p 8080:80 acme/api'],
    ['command', 'docker login registry; docker run -p 8080 acme/api'],
    ['command', 'kubectl create secret generic s --from-literal=user=app'],
    [
      'command',
      'kubectl create secret generic s --from-literal=password=${DB_PASSWORD}',
    ],
    [
      'command',
      'kubectl create secret generic s --from-literal=password="$(cat pw)"',
    ],
    ['command', 'kubectl create secret generic s --from-file=password=./pw'],
    ['command', 'docker build --secret=id=npmrc,src=/run/secrets/npmrc .'],
    ['command', 'openssl enc -aes-256-cbc -pass stdin'],
    ['command', 'openssl enc -aes-256-cbc -pass env:VAR'],
    ['command', 'openssl enc -aes-256-cbc -pass file:/run/secrets/pw'],
    ['command', 'openssl enc -aes-256-cbc -pass fd:3'],
    ['command', 'openssl pkcs12 -passin env:P12_PASS -passout stdin'],
    ['command', 'openssl rsa -passin pass:$KEY_PASSWORD -in k.pem'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });

  it('hides each such password in a text, keeping what names it', () => {
    expect(
      redactSecrets(
        'check with "curl --user user:pass https://x/h" or "mysql -uroot -p12345678 app"',
      ),
    ).toBe(
      'check with "curl --user user:(hidden) https://x/h" or "mysql -uroot -p(hidden) app"',
    );
    expect(redactSecrets("sshpass -p 'S3cr3t pw' ssh -p 2222 host")).toBe(
      'sshpass -p (hidden) ssh -p 2222 host',
    );
    expect(
      redactSecrets(
        'docker login -u me -p hunter2 r && docker run -p 8080:80 a',
      ),
    ).toBe('docker login -u me -p (hidden) r && docker run -p 8080:80 a');
    expect(
      redactSecrets(
        'kubectl create secret generic s --from-literal=user=app --from-literal=password=hunter2',
      ),
    ).toBe(
      'kubectl create secret generic s --from-literal=user=app --from-literal=password=(hidden)',
    );
    expect(
      redactSecrets(
        `kubectl create secret generic s --from-literal="password=correct horse" -n x`,
      ),
    ).toBe(
      `kubectl create secret generic s --from-literal="password=(hidden)" -n x`,
    );
    expect(
      redactSecrets('openssl enc -pass pass:hunter2xyz -in a -passin stdin'),
    ).toBe('openssl enc -pass pass:(hidden) -in a -passin stdin');
  });

  it.each([
    'docker run -p3306 mysql',
    'docker run --name mysql -p3306 mysql:8',
    'docker run -p 8080:80 acme/api:1.2.3',
    'openssl enc -aes-256-cbc -pass stdin',
    'openssl enc -aes-256-cbc -pass env:VAR -out x',
    'openssl enc -aes-256-cbc -pass file:/run/secrets/pw',
    'curl -u $USER:$PASS https://x/h',
  ])('leaves %p as it is', text => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('detectSecret: a command written as an array of arguments', () => {
  const CURL = 'a user:password given with -u/--user';
  const MYSQL = 'a MySQL password given with -p';
  const REDIS = 'a Redis password given with -a';
  const SSHPASS = 'a password given with sshpass -p';
  const LOGIN = 'a registry password given with login -p';
  const OPENSSL = 'an OpenSSL password given with pass:';

  /** What each element of an array is judged, given the array: [index, kind]. */
  function judged(array: unknown[]): Array<[number, string]> {
    const found: Array<[number, string]> = [];
    array.forEach((value, index) => {
      const kind = detectSecret(
        'command',
        value,
        index > 0 ? array[index - 1] : undefined,
        { array, index },
      );
      if (kind) found.push([index, kind]);
    });
    return found;
  }

  it.each<[unknown[], Array<[number, string]>]>([
    [['curl', '-fsS', '--user=user:pass', 'https://x/h'], [[2, CURL]]],
    [['curl', '-fsSu', 'admin:s3cr3t', 'https://x/h'], [[2, CURL]]],
    [['mysql', '-uroot', '-p12345678'], [[2, MYSQL]]],
    [['/usr/bin/mysqladmin', 'ping', '-uroot', "-p'S3cr3t pw'"], [[3, MYSQL]]],
    [['docker', 'exec', 'db', 'mysql', '-uroot', '-p123456'], [[5, MYSQL]]],
    [['redis-cli', '-a', 'hunter2xyz', 'ping'], [[2, REDIS]]],
    [['sshpass', '-p', 'hunter2xyz', 'ssh', 'host'], [[2, SSHPASS]]],
    [['sshpass', '-p', 12345678, 'ssh', 'host'], [[2, SSHPASS]]],
    [
      ['sshpass', '-p', 'S3cr3t pw', 'ssh', '-p', '2222', 'host'],
      [[2, SSHPASS]],
    ],
    [['sshpass', '-phunter2xyz', 'ssh', 'host'], [[1, SSHPASS]]],
    [
      ['docker', 'login', '-u', 'me', '-p', 'S3cretPw', 'reg.example'],
      [[5, LOGIN]],
    ],
    [['podman', 'login', '-u', 'me', '-pS3cretPw', 'quay.io'], [[4, LOGIN]]],
    [
      [
        'kubectl',
        'create',
        'secret',
        'generic',
        's',
        '--from-literal=password=S3cretPw',
      ],
      [[5, 'a credential (the key "password" names one)']],
    ],
    [
      ['helm', 'upgrade', 'api', './chart', '--set', 'db.password=S3cretPw'],
      [[5, 'a credential (the variable "db.password" names one)']],
    ],
    [['openssl', 'enc', '-pass', 'pass:hunter2xyz'], [[3, OPENSSL]]],
    [
      ['openssl', 'rsa', '-passin', 'pass:hunter2 xyz', '-in', 'k'],
      [[3, OPENSSL]],
    ],
    [
      ['openssl', 'pkcs12', '-export', '-passout', 'pass:S3cret'],
      [[4, OPENSSL]],
    ],
  ])('reports %p at the element that holds the password', (array, found) => {
    expect(judged(array)).toEqual(found);
  });

  it.each<[unknown[]]>([
    [['docker', 'run', '-p', '8080:80', 'acme/api']],
    [['docker', 'run', '-p3306', 'mysql']],
    [['docker', 'run', '--name', 'mysql', '-p3306', 'mysql:8']],
    [['docker', 'run', '-u', '1000:1000', 'acme/api']],
    [['mysql', '-p']],
    [['mysql', '-uroot', '-p', 'app']],
    [['mysql', '-uroot', '-p$MYSQL_ROOT_PASSWORD', 'app']],
    [['curl', '-u', '$USER:$PASS', 'https://x/h']],
    [['curl', '--user=user:password', 'https://x/h']],
    [['sshpass', '-f', '/run/secrets/ssh', 'ssh', '-p', '2222', 'host']],
    [['sshpass', '-p', '$SSHPASS', 'ssh', 'host']],
    [['sshpass', '-p', '<password>', 'ssh', 'host']],
    [['docker', 'login', '-u', 'me', '--password-stdin', 'reg.example']],
    [['docker', 'login', '-u', 'me', '-p', '${REGISTRY_PASSWORD}', 'reg']],
    [
      [
        'kubectl',
        'create',
        'secret',
        'generic',
        's',
        '--from-file=password=./pw',
      ],
    ],
    [
      [
        'kubectl',
        'create',
        'secret',
        'generic',
        's',
        '--from-literal=password=${PW}',
      ],
    ],
    [['openssl', 'enc', '-pass', 'stdin']],
    [['openssl', 'enc', '-pass', 'fd:3']],
    [['openssl', 'enc', '-pass', 'env:KEY_PASSWORD']],
    [['openssl', 'enc', '-passin', 'file:/run/secrets/pw']],
    [['openssl', 'enc', '-pass', 'pass:$KEY_PASSWORD']],
    // not a program whose -p is known: make's -p prints its database
    [['make', '-p', 'hunter2xyz']],
    [['tags', 'sshpass', '-p', 'hunter2xyz']],
  ])('leaves %p alone', array => {
    expect(judged(array)).toEqual([]);
  });

  it('judges the element after -pass alone as OpenSSL does, given only the element before it', () => {
    expect(detectSecret('args', 'pass:hunter2xyz', '-pass')).toBe(OPENSSL);
    expect(detectSecret('args', 'stdin', '-pass')).toBeUndefined();
    expect(detectSecret('args', 'fd:3', '-pass')).toBeUndefined();
  });
});

describe('detectSecret: keys named like a credential', () => {
  it.each([
    'pass_phrase',
    'pass-phrase',
    'passphrase',
    'key_passphrase',
    'PassPhrase',
    'api_key',
    'apikey',
    'x-api-key',
    'client_secret',
    'private_key',
    'secret_key',
    'access_key',
    'secret_access_key',
    'auth_token',
    'credentials',
    'creds',
    'db_creds',
    'pwd',
    'DB_PWD',
  ])('flags %s = "hunter2"', key => {
    expect(detectSecret(key, 'hunter2')).toBe(
      `a credential (the key "${key}" names one)`,
    );
  });

  it('quotes the key with escapes: never a raw control or bidirectional character', () => {
    expect(detectSecret('db\u202epassword', 'hunter2')).toBe(
      'a credential (the key "db\\u202epassword" names one)',
    );
    expect(detectSecret('"password"\u0000', 1234)).toBe(
      'a credential (the key "\\"password\\"\\u0000" names one)',
    );
  });

  it.each([
    ['password_policy', 'strict'],
    ['token_ttl', '1h'],
    ['secret_name', 'db-credentials'],
    ['key_id', 'k-2024-01'],
    ['access_key_id', 'primary'],
    ['pass_phrase_file', '/run/secrets/passphrase'],
    ['passphrase_env', 'GPG_PASSPHRASE'],
    ['creds_path', '/run/secrets/creds'],
    // camelCase keys that describe a credential
    ['tokenTtl', '1h'],
    ['secretName', 'db-credentials'],
    ['passwordPolicy', 'strict'],
    ['tokenUrl', 'https://auth.example.com/token'],
    ['apiKeyId', 'primary'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });
});

describe('detectSecret: settings about a credential, not one', () => {
  it.each([
    // how long a credential lasts, in the units settings name
    ['ACCESS_TOKEN_EXPIRE_MINUTES', 30],
    ['TOKEN_TTL_SECONDS', 3600],
    ['TOKEN_EXPIRY_MS', 1000],
    ['password_reset_timeout_minutes', 30],
    ['TOKEN_EXPIRATION', '1h'],
    ['SESSION_TOKEN_DURATION', '15m'],
    ['tokenExpiresIn', '1h'],
    // how it is made, where it is kept, how it is sent
    ['PASSWORD_HASH_ROUNDS', 10],
    ['password_hash_cost', 12],
    ['SECRETS_DIR', '/run/secrets'],
    ['token_cache_directory', '/var/cache/tokens'],
    ['API_KEY_PREFIX', 'sk_'],
    ['token_endpoint_auth_method', 'client_secret_basic'],
    // a path to a file that holds it (Google's standard variable)
    ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
    ['client_secret', './secrets/client.json'],
    // language-model token counts
    ['max_tokens', 4096],
    ['OPENAI_MAX_TOKENS', 2048],
    ['max_completion_tokens', 1024],
    ['maxOutputTokens', 512],
    ['TOKENIZERS_PARALLELISM', 'false'],
  ])('leaves %s = %p alone', (key, value) => {
    expect(detectSecret(key, value)).toBeUndefined();
  });

  it.each([
    ['REFRESH_TOKEN', 'f81d4fae7dec11d0'],
    ['api_tokens', 'abc,def'],
    ['password', '/hunter2'],
    ['password', 'p/a/ss'],
    ['token_minutes_secret', 'hunter2'],
  ])('still flags %s = %p', (key, value) => {
    expect(detectSecret(key, value)).toBe(
      `a credential (the key "${key}" names one)`,
    );
  });
});

describe('detectSecret: a URL with a password and no user', () => {
  it('flags the password of redis://:password@host under any key, and redacts it', () => {
    const url = 'redis://:Hunter2-Sup3r@cache.internal:6379/0';
    expect(detectSecret('cache', url)).toBe('a URL with an embedded password');
    expect(detectSecret('env', `REDIS_URL=${url}`)).toBe(
      'a URL with an embedded password',
    );
    expect(redactSecrets(`connects to ${url}`)).toBe(
      'connects to redis://:(hidden)@cache.internal:6379/0',
    );
  });

  it('leaves a placeholder password and a URL without credentials alone', () => {
    expect(
      detectSecret('cache', 'redis://:${REDIS_PASSWORD}@cache:6379'),
    ).toBeUndefined();
    expect(detectSecret('cache', 'redis://cache:6379/0')).toBeUndefined();
    expect(
      detectSecret('site', 'https://example.com:8443/a@b'),
    ).toBeUndefined();
  });
});

describe("detectSecret: AI providers' keys", () => {
  it.each([
    ['llm', OPENAI_PROJECT, 'an OpenAI API key'],
    ['llm', OPENAI_LEGACY, 'an OpenAI API key'],
    ['assistant', ANTHROPIC, 'an Anthropic API key'],
    ['models', HUGGING_FACE, 'a Hugging Face token'],
    ['env', `LLM_KEY=${OPENAI_PROJECT}`, 'an OpenAI API key'],
  ])('flags %s = %p under any key', (key, value, kind) => {
    expect(detectSecret(key, value)).toBe(kind);
  });

  it('hides them in a text', () => {
    const text = `keys ${OPENAI_PROJECT}, ${OPENAI_LEGACY}, ${ANTHROPIC} and ${HUGGING_FACE}`;
    expect(redactSecrets(text)).toBe(
      'keys (hidden), (hidden), (hidden) and (hidden)',
    );
  });

  it('leaves words that only start like them alone', () => {
    for (const value of [
      'sk-proj-demo',
      'hf_cache',
      'task-ant-colony',
      'sk-learn',
    ]) {
      expect(detectSecret('name', value)).toBeUndefined();
    }
  });
});

describe('detectSecret: long values', () => {
  // quadratic backtracking held a 50 KB value for seconds (a 200 KB one for minutes); linear,
  // each takes milliseconds
  const LONG = 50_000;
  it.each([
    ['a word after a marker', `x= ${'a'.repeat(LONG)}`],
    ['a word after curl', `curl -${'u'.repeat(LONG)}`],
    ['a user without a colon', `curl -u ${'a'.repeat(LONG)}`],
    ['base64 after Basic', `Basic ${'A'.repeat(LONG)}`],
    ['NAME=value words', ' a=b'.repeat(LONG / 4)],
    ['flags', ' --password-file=x'.repeat(LONG / 18)],
    ['flags and their values', ' --password-file x'.repeat(LONG / 18)],
    ['a flag before a long run of spaces', `--password${' '.repeat(LONG)}`],
    ['-p after mysql', `mysql -p${' -p'.repeat(LONG / 3)}`],
    ['-a after redis-cli', `redis-cli${' -a'.repeat(LONG / 3)}`],
    ['-p after mysql, digits', `mysql${' -p1'.repeat(LONG / 4)}`],
    ['-p before mysql, digits', `${'-p12 '.repeat(LONG / 5)}mysql`],
    ['mysql words', ' mysql -p'.repeat(LONG / 9)],
    ['-p after sshpass', `sshpass${' -p'.repeat(LONG / 3)}`],
    ['options of sshpass', `sshpass${' -v'.repeat(LONG / 3)}`],
    ['-p after docker login', `docker login${' -p'.repeat(LONG / 3)}`],
    ['words after docker login', `docker login${' a'.repeat(LONG / 2)}`],
    ['docker logins', ' docker login'.repeat(LONG / 13)],
    ['nested NAME=value words', ' --a=b='.repeat(LONG / 7)],
    ['-pass after -pass', ' -pass pass:'.repeat(LONG / 12)],
  ])('judges %s in linear time', (_, value) => {
    const start = performance.now();
    expect(detectSecret('command', value)).toBeUndefined();
    expect(detectSecret('args', value, '--user')).toBeUndefined();
    expect(redactSecrets(value)).toBe(value);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it.each([
    ['schemes without //', 'a:_b:'.repeat(LONG / 5)],
    ['schemes with one /', 'a:/b:c'.repeat(LONG / 6)],
    ['a password without @', `https:__u:${'p'.repeat(LONG)}`],
    ['encoded schemes without //', 'a%3A_b%3A'.repeat(LONG / 9)],
    ['encoded schemes with one /', 'a%3A%2Fb%3Ac'.repeat(LONG / 12)],
    ['encoded colons', '%3a'.repeat(LONG / 3)],
    ['an encoded password without @', `https%3A%2F%2Fu%3A${'p'.repeat(LONG)}`],
    [
      'an encoded password of escapes without @',
      `https%3A%2F%2Fu%3A${'%25'.repeat(LONG / 3)}`,
    ],
  ])('looks for URLs whose // was lost in %s in linear time', (_, value) => {
    const start = performance.now();
    expect(detectSecret('path', value)).toBeUndefined();
    expect(redactSecrets(value)).toBe(value);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it.each([
    ['-p after mysql', ['mysql', ...Array(LONG / 4).fill('-p')]],
    ['-p after sshpass', ['sshpass', ...Array(LONG / 4).fill('-p')]],
    [
      'words after docker login',
      ['docker', 'login', ...Array(LONG / 4).fill('a')],
    ],
    [
      '-pass after -pass',
      [
        'openssl',
        ...Array(LONG / 8)
          .fill(['-pass', 'pass:'])
          .flat(),
      ],
    ],
  ])(
    'judges every element of an array of %s once, in linear time',
    (_, array) => {
      const start = performance.now();
      array.forEach((value, index) => {
        expect(
          detectSecret('command', value, array[index - 1], { array, index }),
        ).toBeUndefined();
      });
      expect(performance.now() - start).toBeLessThan(2000);
    },
  );
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

  it('hides HTTP Basic credentials and the password of curl -u, keeping what names them', () => {
    expect(
      redactSecrets(
        `headers "Authorization: Basic ${BASIC}", check "curl -fsS -u admin:hunter2 https://x/health"`,
      ),
    ).toBe(
      'headers "Authorization: Basic (hidden)", check "curl -fsS -u admin:(hidden) https://x/health"',
    );
    expect(redactSecrets('curl --user=admin:hunter2 https://x')).toBe(
      'curl --user=admin:(hidden) https://x',
    );
  });

  it.each([
    'Basic auth is used in front of the admin UI',
    'docker run -u 1000:1000 acme/api:1.2.3',
    'curl -u $USER:$PASSWORD https://x/health',
  ])('leaves %p as it is', text => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('leaves text without credentials as it is', () => {
    const text =
      'Service "api": sla.support_hours "24/7" is weaker than the tier requires; see https://example.com/docs?page=2.';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('detectSecret: -p is a password for the MySQL and MariaDB clients only', () => {
  const MYSQL = 'a MySQL password given with -p';

  it.each([
    'mysql',
    'mysqladmin',
    'mysqldump',
    'mysqlcheck',
    'mysqlimport',
    'mysqlshow',
    'mysqlslap',
    'mysqlbinlog',
    'mysqlpump',
    'mysqlsh',
    'mariadb',
    'mariadb-admin',
    'mariadb-dump',
    'mariadb-check',
    'mariadb-import',
    'mariadb-show',
    'mariadb-slap',
    'mariadb-binlog',
    'mariadb-upgrade',
    'mariadb-backup',
  ])('reports the -p of %s, in one string and as an array', client => {
    expect(detectSecret('command', `${client} -uroot -pS3cretPw db`)).toBe(
      MYSQL,
    );
    expect(detectSecret('command', `/usr/bin/${client} -p123456`)).toBe(MYSQL);
    const array = [client, '-uroot', '-pS3cretPw'];
    expect(
      detectSecret('command', array[2], array[1], { array, index: 2 }),
    ).toBe(MYSQL);
    expect(redactSecrets(`run ${client} -uroot -pS3cretPw`)).toBe(
      `run ${client} -uroot -p(hidden)`,
    );
  });

  it.each([
    'mysqld',
    'mysqld-debug',
    'mariadbd',
    'mariadbd-safe',
    'mysqlrouter',
    'mariadb-install-db',
    'mysqldumpslow',
  ])('leaves the -p of %s alone: it takes no password that way', program => {
    expect(detectSecret('command', `${program} -pSOMETHING`)).toBeUndefined();
    expect(detectSecret('command', `/usr/sbin/${program} -p123456`)).toBe(
      undefined,
    );
    expect(
      detectSecret('command', `mkdir -p /run/mysqld && ${program} -pDATA`),
    ).toBeUndefined();
    const array = [program, '-pSOMETHING'];
    expect(
      detectSecret('command', array[1], array[0], { array, index: 1 }),
    ).toBeUndefined();
    expect(redactSecrets(`${program} -pSOMETHING`)).toBe(
      `${program} -pSOMETHING`,
    );
  });

  it('still reports a client run after the server in the same text', () => {
    expect(
      detectSecret('command', 'mysqld --daemonize && mysql -uroot -pS3cretPw'),
    ).toBe(MYSQL);
    const array = ['sh', '-c', 'mysqld & mysqladmin -uroot -pS3cretPw ping'];
    expect(detectSecret('command', array[2], array[1])).toBe(MYSQL);
  });
});

describe('detectSecret: a URL with a password whose // was lost (pasted as a folder name)', () => {
  const URL_PASSWORD = 'a URL with an embedded password';

  it.each([
    // `mkdir -p` of the URL: the // becomes one folder separator
    [
      'projects/https:/deploy:s3cretpass@git.example.com/services.toml',
      'projects/https:/deploy:(hidden)@git.example.com/services.toml',
    ],
    // a tool that writes each / of a name as _
    [
      'projects/https:__deploy:s3cretpass@git.example.com/services.toml',
      'projects/https:__deploy:(hidden)@git.example.com/services.toml',
    ],
    [
      'Project folder "https:_deploy:s3cretpass@git.example.com" is not valid',
      'Project folder "https:_deploy:(hidden)@git.example.com" is not valid',
    ],
  ])('hides the password of %p', (text, hidden) => {
    expect(redactSecrets(text)).toBe(hidden);
    expect(detectSecret('path', text)).toBe(URL_PASSWORD);
  });

  it.each([
    'mailto:jane@example.com',
    'https:/example.com/a:b@c',
    'urn:isbn:0451450523',
    'git@github.com:org/repo.git',
    'projects/https:__git.example.com/services.toml',
    'https:__deploy:${PASSWORD}@git.example.com',
  ])('leaves %p alone', text => {
    expect(redactSecrets(text)).toBe(text);
    expect(detectSecret('path', text)).toBeUndefined();
  });
});

describe('detectSecret: a URL with a password, percent-encoded (pasted as a file name)', () => {
  const URL_PASSWORD = 'a URL with an embedded password';

  it.each([
    // what some tools write for a URL as a file name: each `:`, `/` and `@` as `%3A`, `%2F`, `%40`
    [
      'projects/https%3A%2F%2Fdeploy%3As3cretpass%40git.example.com/services.toml',
      'projects/https%3A%2F%2Fdeploy%3A(hidden)%40git.example.com/services.toml',
    ],
    [
      'projects/https%3a%2f%2fdeploy%3as3cretpass%40git.example.com/services.toml',
      'projects/https%3a%2f%2fdeploy%3a(hidden)%40git.example.com/services.toml',
    ],
    // a `%` of the password's own escapes encoded again (`%25`), a user with one too
    [
      'projects/https%3A%2F%2Fci%2540example.com%3As3cret%2521pass%40git.example.com/x.toml',
      'projects/https%3A%2F%2Fci%2540example.com%3A(hidden)%40git.example.com/x.toml',
    ],
    // Redis takes a password alone; the `@` left as it is
    [
      'redis%3A%2F%2F%3As3cretpass@cache:6379',
      'redis%3A%2F%2F%3A(hidden)@cache:6379',
    ],
    [
      'Project folder "https%3A%2F%2Fdeploy%3As3cretpass%40git.example.com" is not valid',
      'Project folder "https%3A%2F%2Fdeploy%3A(hidden)%40git.example.com" is not valid',
    ],
  ])('hides the password of %p', (text, hidden) => {
    expect(redactSecrets(text)).toBe(hidden);
    expect(detectSecret('path', text)).toBe(URL_PASSWORD);
  });

  it.each([
    'projects/https%3A%2F%2Fgit.example.com/services.toml',
    'projects/https%3A%2F%2Fdeploy%40git.example.com/services.toml',
    'https%3A%2F%2Fexample.com%2Fa%3Ab%40c',
    'mailto%3Ajane%40example.com',
    'urn%3Aisbn%3A0451450523',
    'https%3A%2F%2Fdeploy%3A%24%7BPASSWORD%7D%40git.example.com',
    'https%3A%2F%2Fdeploy%3A%3Cpassword%3E%40git.example.com',
    'https%3A%2F%2Fdeploy%3A%7B%7B%20password%20%7D%7D%40git.example.com',
  ])('leaves %p alone', text => {
    expect(redactSecrets(text)).toBe(text);
    expect(detectSecret('path', text)).toBeUndefined();
  });
});
