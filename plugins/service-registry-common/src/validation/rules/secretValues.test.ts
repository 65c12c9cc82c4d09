import { runRule } from '../__testUtils__/registryOf';
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
