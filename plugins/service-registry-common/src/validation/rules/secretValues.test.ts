import { RegistryFinding } from '../../model/types';
import { codes, registryOf, runRule } from '../__testUtils__/registryOf';
import { createValidationContext } from '../context';
import { sortFindings } from '../findings';
import { validateRegistry } from '../validateRegistry';
import { secretValues } from './secretValues';

const SECRETS = {
  password: 'hunter2-Sup3r',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  github: `ghp_${'a1B2c3D4e5'.repeat(4)}`,
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
  url: 'postgres://admin:s3cr3tpw@db.internal:5432/app',
  policy: 'Zx9Qw7Er5Ty3Ui1Op0AsDfGhJkL',
};

const files = {
  'services/catalog.toml': [
    '[service.api]',
    `metadata.env.DB_PASSWORD = "${SECRETS.password}"`,
    `metadata.env.AWS = "${SECRETS.aws}"`,
    `metadata.token_url = "https://auth.example.com/token"`,
    `metadata.api_key = "\${API_KEY}"`,
    `metadata.env.GH = ["${SECRETS.github}"]`,
    '[service.api.sla]',
    'availability = "99.9%"',
  ].join('\n'),
  'projects/p/services.toml': [
    '[project]',
    `owner = "team"`,
    '[service.api]',
    `metadata.jwt = "${SECRETS.jwt}"`,
  ].join('\n'),
  'projects/p/deployment.toml': [
    '[deployment.db]',
    `url = "${SECRETS.url}"`,
    `tls_key = """`,
    SECRETS.pem,
    '"""',
  ].join('\n'),
  'policies/security.toml': `[security]\nsigning_key = "${SECRETS.policy}"`,
};

describe('secretValues', () => {
  const findings = runRule(secretValues, files);

  it('reports credentials anywhere, at their key, never echoing the value', () => {
    expect(findings.map(f => [f.file, f.line, f.code, f.severity])).toEqual([
      ['services/catalog.toml', 2, 'security/secret-value', 'error'],
      ['services/catalog.toml', 3, 'security/secret-value', 'error'],
      ['services/catalog.toml', 6, 'security/secret-value', 'error'],
      ['projects/p/services.toml', 4, 'security/secret-value', 'error'],
      ['projects/p/deployment.toml', 2, 'security/secret-value', 'error'],
      ['projects/p/deployment.toml', 3, 'security/secret-value', 'error'],
      ['policies/security.toml', 2, 'security/secret-value', 'error'],
    ]);
    expect(findings[0].message).toContain(
      'metadata.env.DB_PASSWORD looks like a credential',
    );
    expect(findings[1].message).toContain('an AWS access key id');
    expect(findings[2].message).toContain('a GitHub token');
    expect(findings[3].message).toContain('a JSON Web Token');
    expect(findings[4].message).toContain('a URL with an embedded password');
    expect(findings[5].message).toContain('a private key (PEM)');
    const text = JSON.stringify(findings);
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 12));
    }
  });

  it('leaves references, urls and ordinary values alone', () => {
    expect(
      runRule(secretValues, {
        'services/catalog.toml': [
          '[service.api]',
          'metadata.token_url = "https://auth.example.com/token"',
          'metadata.password = "${DB_PASSWORD}"',
          'metadata.api_key = "vault:kv/api"',
          'metadata.image = "registry.example.com/api:1.2.3"',
          'metadata.cache_key = "user-profile"',
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});

describe('secretValues: a password given to a flag inside one command string', () => {
  const values = {
    image: 'registry/app:1 --password hunter2',
    command: 'mysql -uroot -pS3cretPw db',
    healthcheck: 'redis-cli -a s3cr3tpass ping',
    entrypoint: 'server --token=abc123def456',
    start: 'server --api-key xyz --port 8080',
    migrate: 'PGPASSWORD=Sup3r-secret psql -h db -U app',
    probe: 'curl -u deploy:S3cr3t-pw https://api.example.com/health',
  };
  const findings = runRule(secretValues, {
    'services/catalog.toml': [
      '[service.api]', // 1
      `metadata.image = "${values.image}"`,
      '[service.api.metadata.run]',
      `  command = "${values.command}"`,
      `  healthcheck = "${values.healthcheck}"`, // 5
      `  entrypoint = "${values.entrypoint}"`,
      `  start = "${values.start}"`,
      `  migrate = "${values.migrate}"`,
      `  probe = ["sh", "-c", "${values.probe}"]`,
      // ordinary commands a platform team writes
      '  ports = "docker run -p 8080:80 acme/api:1.2.3"', // 10
      '  login = "docker login -u ci --password-stdin ghcr.io"',
      '  db = "mysql -h db -u root -p app"',
      '  db_health = "mysqladmin ping -uroot -p$MYSQL_ROOT_PASSWORD"',
      '  serve = "server --password-file /run/secrets/x --token-path /var/run/token"',
      '  cache = "redis-cli -a \\"${REDIS_PASSWORD}\\" ping"', // 15
      '  psql = "PGPASSWORD=$(cat /run/secrets/db) psql -h db"',
      '  app = "server --password <password> --api-key {{ api_key }}"',
    ].join('\n'),
  });

  it('reports each at its key (or array element), naming the kind, never the value', () => {
    expect(
      findings.map(f => [
        f.file,
        f.line,
        f.column,
        f.code,
        f.message.split(' written')[0],
      ]),
    ).toEqual([
      [
        'services/catalog.toml',
        2,
        1,
        'security/secret-value',
        'Service "api": metadata.image looks like a credential (the flag "--password" names one)',
      ],
      [
        'services/catalog.toml',
        4,
        3,
        'security/secret-value',
        'Service "api": metadata.run.command looks like a MySQL password given with -p',
      ],
      [
        'services/catalog.toml',
        5,
        3,
        'security/secret-value',
        'Service "api": metadata.run.healthcheck looks like a Redis password given with -a',
      ],
      [
        'services/catalog.toml',
        6,
        3,
        'security/secret-value',
        'Service "api": metadata.run.entrypoint looks like a credential (the flag "--token" names one)',
      ],
      [
        'services/catalog.toml',
        7,
        3,
        'security/secret-value',
        'Service "api": metadata.run.start looks like a credential (the flag "--api-key" names one)',
      ],
      [
        'services/catalog.toml',
        8,
        3,
        'security/secret-value',
        'Service "api": metadata.run.migrate looks like a credential (the variable "PGPASSWORD" names one)',
      ],
      [
        'services/catalog.toml',
        9,
        24,
        'security/secret-value',
        'Service "api": metadata.run.probe[2] looks like a user:password given with -u/--user',
      ],
    ]);
    const text = JSON.stringify(findings);
    for (const secret of [
      'hunter2',
      'S3cretPw',
      's3cr3tpass',
      'abc123def456',
      'xyz',
      'Sup3r-secret',
      'S3cr3t-pw',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('secretValues: arrays and depth', () => {
  it('judges each array element with the element before it, and leaves ordinary arguments alone', () => {
    const findings = runRule(secretValues, {
      'services/catalog.toml': [
        '[service.api]', // 1
        'metadata.args = ["serve", "--port", 8080, "--password", "hunter2-Sup3r"]',
        'metadata.health_check = ["curl", "-fsS", "-u", "admin:s3cr3t-pw", "https://x"]',
        'metadata.ok = ["--password-file", "/run/secrets/db", "-p", "8080", "--verbose"]',
        'metadata.command = ["docker", "run", "-u", "1000:1000", "acme/api"]', // 5
        'metadata.nested = [["--password"], ["hunter2"]]',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.line, f.column, f.message.split(' written')[0]]),
    ).toEqual([
      [
        2,
        57,
        'Service "api": metadata.args[4] looks like a credential (the flag "--password" names one)',
      ],
      [
        3,
        48,
        'Service "api": metadata.health_check[3] looks like a user:password given with -u/--user',
      ],
    ]);
  });

  it('finds a secret below a key of 20,000 parts, at the line of that key', () => {
    const deep = Array(20_000).fill('a').join('.');
    const findings = runRule(secretValues, {
      'services/catalog.toml': [
        '[service.api]',
        'version = "1.0.0"',
        `metadata.${deep}.password = "hunter2-Sup3r"`,
        `metadata.b.${deep} = ["--token", "hunter2-Sup3r"]`,
      ].join('\n'),
    });
    expect(findings.map(f => [f.code, f.line, f.column])).toEqual([
      ['security/secret-value', 3, 1],
      ['security/secret-value', 4, 1],
    ]);
    expect(JSON.stringify(findings)).not.toContain('hunter2');
    // the key path shows its first and last parts, not 20,000
    expect(findings[0].message).toMatch(
      /^Service "api": metadata(\.a){61} …19,938 more parts… a\.password looks like a credential/,
    );
    expect(findings[1].message).toMatch(
      /^Service "api": metadata\.b(\.a){60} …19,939 more parts… a\[1\] looks like a credential/,
    );
  });
});

describe('secretValues: where each secret is, and whom it concerns', () => {
  const HOOK = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${'q8Z3mN1vB7xC5zL2kJ9hG4fD'}`;
  const BEARER = '8f14e45fceea167a5a36dedd4bea2543';
  const STRIPE = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
  const PASSWORD = 'hunter2-Sup3r';
  const QUERY_KEY = '9f86d081884c7d65';
  const NUMERIC = '12345678';
  const layoutFiles = {
    'services/catalog.toml': [
      '[service.x]', // 1
      'version = "1.0.0"',
      '[service.x.metadata]',
      `env = ["LOG_LEVEL=debug", "DB_PASSWORD=${PASSWORD}"]`,
      `health_check = "https://x.example.com/health?api_key=${QUERY_KEY}"`, // 5
      `DB_PASS = ${NUMERIC}`,
      '[service.x.sla]',
      'support_hours = "24/7"',
      'response_time_p99 = "1.5s"',
    ].join('\n'),
    'services/versions.toml': [
      '[[service.x.release]]', // 1
      'version = "1.0.0"',
      'date = 2025-01-01',
      '',
      '[[service.x.release]]', // 5
      'version = "1.1.0"',
      `  db_password = "${PASSWORD}"`,
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      'owner = "team"',
      '[service.x]',
      'tier = "high"',
    ].join('\n'),
    'projects/pa/monitoring.toml': [
      '[monitoring.pa]', // 1
      'pagerduty_token = "${PAGERDUTY_TOKEN}"',
      `webhook = "${HOOK}"`,
      '',
      '[service.x.metrics]', // 5
      'latency_p99 = "200ms"',
      '',
      '[service.x.alerts]',
      'channel = "#ops"',
      `auth_header = "Bearer ${BEARER}"`, // 10
      `escalation = { api_key = "${STRIPE}" }`,
      '',
      '[service.ghost.alerts]',
      `password = ${NUMERIC}`,
    ].join('\n'),
  };
  const outsideFiles = {
    'projects/pa/secrets.toml': [
      '# committed by mistake',
      '[db]',
      `password = "${PASSWORD}"`,
    ].join('\n'),
    'notes/ops.toml': `slack = "${HOOK}"\nsupport = "24/7"\n`,
  };
  const SECRET_TEXTS = [HOOK, BEARER, STRIPE, PASSWORD, QUERY_KEY, NUMERIC];

  const summary = (findings: RegistryFinding[]) =>
    sortFindings(findings).map(f => [
      f.file,
      f.line,
      f.column,
      f.service ?? null,
      f.project ?? null,
    ]);

  it('reports each secret at its key or array element, with its service and project', () => {
    const findings = runRule(secretValues, { ...layoutFiles, ...outsideFiles });
    expect(codes(findings).every(c => c === 'security/secret-value')).toBe(
      true,
    );
    expect(findings.every(f => f.severity === 'error')).toBe(true);
    expect(summary(findings)).toEqual([
      ['notes/ops.toml', 1, 1, null, null],
      ['projects/pa/monitoring.toml', 3, 1, null, 'pa'],
      ['projects/pa/monitoring.toml', 10, 1, 'x', 'pa'],
      ['projects/pa/monitoring.toml', 11, 16, 'x', 'pa'],
      ['projects/pa/monitoring.toml', 14, 1, 'ghost', 'pa'],
      ['projects/pa/secrets.toml', 3, 1, null, 'pa'],
      ['services/catalog.toml', 4, 27, 'x', null],
      ['services/catalog.toml', 5, 1, 'x', null],
      ['services/catalog.toml', 6, 1, 'x', null],
      ['services/versions.toml', 7, 3, 'x', null],
    ]);
    const text = JSON.stringify(findings);
    for (const secret of SECRET_TEXTS) expect(text).not.toContain(secret);
  });

  it('says what the secret is and how to fix it', () => {
    const findings = sortFindings(
      runRule(secretValues, { ...layoutFiles, ...outsideFiles }),
    );
    const message = (file: string, line: number) =>
      findings.find(f => f.file === file && f.line === line)?.message;
    expect(message('projects/pa/monitoring.toml', 10)).toMatch(
      /^Service "x": alerts\.auth_header looks like a bearer token written in clear text\. Never commit credentials/,
    );
    expect(message('services/versions.toml', 7)).toMatch(
      /^Service "x": release\[1\]\.db_password looks like a credential/,
    );
    expect(message('services/catalog.toml', 4)).toContain(
      'metadata.env[1] looks like a credential (the variable "DB_PASSWORD" names one)',
    );
    expect(message('projects/pa/secrets.toml', 3)).toMatch(
      /^projects\/pa\/secrets\.toml: db\.password looks like a credential .*keep it in a secret store/,
    );
  });

  it('reports a file outside the layout both as ignored (loader) and for its secrets', () => {
    const findings = validateRegistry(registryOf(outsideFiles), {
      today: '2026-01-15',
    });
    expect(
      findings.map(f => [f.file, f.line, f.code, f.severity, f.project]),
    ).toEqual([
      ['notes/ops.toml', 1, 'registry/unknown-file', 'warning', undefined],
      ['notes/ops.toml', 1, 'security/secret-value', 'error', undefined],
      ['projects/pa/secrets.toml', 1, 'registry/unknown-file', 'warning', 'pa'],
      ['projects/pa/secrets.toml', 3, 'security/secret-value', 'error', 'pa'],
    ]);
  });

  it('still reports every secret of a registry it cannot trace to its files', () => {
    const loaded = registryOf(layoutFiles);
    const copy = { ...loaded };
    const findings = secretValues(createValidationContext(copy, '2026-01-15'));
    expect(
      findings.map(f => [f.file, f.service ?? null, f.project ?? null]),
    ).toEqual(
      expect.arrayContaining([
        ['services/catalog.toml', 'x', null],
        ['services/versions.toml', 'x', null],
        ['projects/pa/monitoring.toml', null, 'pa'],
        ['projects/pa/monitoring.toml', 'x', 'pa'],
        ['projects/pa/monitoring.toml', 'ghost', 'pa'],
      ]),
    );
    expect(findings).toHaveLength(8);
    const text = JSON.stringify(findings);
    for (const secret of SECRET_TEXTS) expect(text).not.toContain(secret);
  });

  it('never takes a position from the prototype of a plain object', () => {
    const monitoring = {
      'projects/pa/monitoring.toml': `\nconstructor = "${STRIPE}"\n`,
    };
    const expected = [
      {
        severity: 'error',
        code: 'security/secret-value',
        message: expect.stringContaining(
          'constructor looks like a Stripe secret key',
        ),
        file: 'projects/pa/monitoring.toml',
        line: 2,
        column: 1,
        project: 'pa',
      },
    ];
    expect(runRule(secretValues, monitoring)).toEqual(expected);
    // read from the model, which keeps no position for it: the start of the file
    const copy = { ...registryOf(monitoring) };
    expect(secretValues(createValidationContext(copy, '2026-01-15'))).toEqual([
      { ...expected[0], line: 1 },
    ]);
  });

  describe('a table nested 20,000 deep (a dotted key or a header of that many parts)', () => {
    const deep = Array(20_000).fill('a').join('.');

    it('is validated without overflowing the stack', () => {
      // the parser's depth limit covers arrays and inline tables, not dotted keys nor headers
      for (const text of [
        `${deep} = 1\n`,
        `[service.api]\nowner = "team"\n[service.deep.${deep}]\n`,
      ]) {
        const registry = registryOf({ 'services/catalog.toml': text });
        expect(() =>
          validateRegistry(registry, { today: '2026-01-15' }),
        ).not.toThrow();
      }
    });

    it('still has its secrets found, each at the line of its key (its nearest recorded prefix)', () => {
      const registry = registryOf({
        'services/catalog.toml': `[service.api]\n${deep}.password = "hunter2-Sup3r"\n`,
      });
      // a look-up of each of the 20,000 prefixes of the path took about 7 s per secret, where
      // its nearest recorded prefix (64 parts at most) takes milliseconds
      const start = performance.now();
      for (const target of [registry, { ...registry }]) {
        const found = secretValues(
          createValidationContext(target, '2026-01-15'),
        );
        expect(found.map(f => [f.file, f.line, f.column, f.service])).toEqual([
          ['services/catalog.toml', 2, 1, 'api'],
        ]);
        expect(found[0].message).toMatch(
          /^Service "api": a(\.a){61} …19,937 more parts… a\.password looks like a credential/,
        );
      }
      expect(performance.now() - start).toBeLessThan(3000);
    });
  });

  it('leaves a registry of ordinary values alone', () => {
    expect(
      runRule(secretValues, {
        'services/catalog.toml': [
          '[service.api]',
          'version = "1.2.3-beta.1"',
          'repository = "https://github.com/acme/api"',
          'metadata.health_check = "http://localhost:8080/health?verbose=1"',
          'metadata.env = ["LOG_LEVEL=debug", "DB_PASSWORD=${DB_PASSWORD}", "TOKEN_FILE=/run/secrets/token"]',
          'metadata.password_length = 16',
          'metadata.token_ttl = 3600',
          'sla.support_hours = "24/7"',
          'sla.rto = "4h"',
          'sla.response_time_p99 = "1.5s"',
        ].join('\n'),
        'projects/pa/monitoring.toml':
          '[monitoring.pa]\nwebhook = "https://hooks.example.com/ops"\nauth_header = "Bearer ${ALERT_TOKEN}"\n',
        'projects/pa/notes.toml': 'owner = "team"\nsupport_hours = "24/7"\n',
      }),
    ).toEqual([]);
  });
});
