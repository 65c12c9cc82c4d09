import { runRule } from '../__testUtils__/registryOf';
import { secretValues } from '../rules/secretValues';

describe('secretValues: passwords given on the command line of curl, mysql, sshpass, docker login, kubectl and openssl', () => {
  const values = {
    probe: 'curl -fsS --user user:pass https://api.example.com/health',
    db: 'mysqladmin ping -h db -uroot -p12345678',
    deploy: "sshpass -p 'S3cr3t pw' ssh -p 2222 deploy@host",
    login: 'docker login -u me -p hunter2 registry.example.com',
    kube: 'kubectl create secret generic db --from-literal=password=Sup3r-secret',
    decrypt: 'openssl enc -d -aes-256-cbc -pass pass:hunter2xyz -in a.enc',
  };
  const findings = runRule(secretValues, {
    'services/catalog.toml': [
      '[service.api.metadata.run]', // 1
      `probe = "${values.probe}"`,
      `db = "${values.db}"`,
      `deploy = "${values.deploy}"`,
      `login = "${values.login}"`, // 5
      `kube = "${values.kube}"`,
      `decrypt = "${values.decrypt}"`,
      // the same commands without a password in them
      'probe_ok = "curl -fsS -u $USER:$PASS https://api.example.com/health"',
      'ports = "docker run -p 3306:3306 --name mysql mysql:8"',
      'deploy_ok = "sshpass -f /run/secrets/ssh ssh -p 2222 deploy@host"', // 10
      'login_ok = "docker login -u me --password-stdin registry.example.com"',
      'kube_ok = "kubectl create secret generic db --from-literal=password=${DB_PASSWORD}"',
      'decrypt_ok = "openssl enc -d -aes-256-cbc -pass env:KEY_PASSWORD -in a.enc"',
      'decrypt_stdin = "openssl enc -d -aes-256-cbc -pass stdin -in a.enc"',
    ].join('\n'),
  });

  it('reports each at its key, naming the kind, never the value', () => {
    expect(
      findings.map(f => [
        f.line,
        f.code,
        f.severity,
        f.message.split(' written')[0],
      ]),
    ).toEqual([
      [
        2,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.probe looks like a user:password given with -u/--user',
      ],
      [
        3,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.db looks like a MySQL password given with -p',
      ],
      [
        4,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.deploy looks like a password given with sshpass -p',
      ],
      [
        5,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.login looks like a registry password given with login -p',
      ],
      [
        6,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.kube looks like a credential (the key "password" names one)',
      ],
      [
        7,
        'security/secret-value',
        'error',
        'Service "api": metadata.run.decrypt looks like an OpenSSL password given with pass:',
      ],
    ]);
    const text = JSON.stringify(findings);
    for (const secret of [
      'user:pass ',
      '12345678',
      'S3cr3t pw',
      'hunter2',
      'Sup3r-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
