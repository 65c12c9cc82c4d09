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

describe('secretValues: the same passwords in commands written as arrays of arguments', () => {
  const findings = runRule(secretValues, {
    'services/catalog.toml': [
      '[service.api.metadata.run]', // 1
      'probe = ["curl", "-fsS", "--user=user:pass", "https://api.example.com/h"]',
      'db = ["mysql", "-uroot", "-p12345678"]',
      'deploy = ["sshpass", "-p", "hunter2xyz", "ssh", "-p", "2222", "host"]',
      'spaced = ["/usr/bin/sshpass", "-p", "S3cr3t pw", "ssh", "host"]', // 5
      'login = ["docker", "login", "-u", "me", "-p", "S3cretPw", "reg.example"]',
      'kube = ["kubectl", "create", "secret", "generic", "s", "--from-literal=password=S3cretPw"]',
      'decrypt = ["openssl", "enc", "-d", "-pass", "pass:hunter2xyz", "-in", "a.enc"]',
      'decrypt_in = ["openssl", "rsa", "-passin", "pass:hunter2xyz", "-in", "k.pem"]',
      'cli = ["redis-cli", "-a", "hunter2xyz", "ping"]', // 10
      // the same commands without a password in them
      'ports = ["docker", "run", "-p", "8080:80", "--name", "mysql", "mysql:8"]',
      'prompt = ["mysql", "-uroot", "-p", "app"]',
      'port = ["docker", "run", "-p3306", "mysql"]',
      'deploy_ok = ["sshpass", "-f", "/run/secrets/ssh", "ssh", "-p", "2222", "host"]',
      'login_ok = ["docker", "login", "-u", "me", "--password-stdin", "reg.example"]', // 15
      'login_var = ["docker", "login", "-u", "me", "-p", "$REGISTRY_PASSWORD", "reg"]',
      'kube_file = ["kubectl", "create", "secret", "generic", "s", "--from-file=password=./pw"]',
      'kube_ref = ["kubectl", "create", "secret", "generic", "s", "--from-literal=password=${PW}"]',
      'decrypt_stdin = ["openssl", "enc", "-d", "-pass", "stdin", "-in", "a.enc"]',
      'decrypt_fd = ["openssl", "enc", "-d", "-pass", "fd:3", "-in", "a.enc"]', // 20
      'decrypt_env = ["openssl", "enc", "-d", "-passin", "env:KEY_PW", "-in", "a.enc"]',
      'placeholder = ["sshpass", "-p", "<password>", "ssh", "host"]',
      'other = ["make", "-p", "hunter2xyz"]',
    ].join('\n'),
  });

  it('reports each at its array element, naming the kind as the one-string form does, never the value', () => {
    expect(
      findings.map(f => [f.line, f.column, f.message.split(' written')[0]]),
    ).toEqual([
      [
        2,
        26,
        'Service "api": metadata.run.probe[2] looks like a user:password given with -u/--user',
      ],
      [
        3,
        26,
        'Service "api": metadata.run.db[2] looks like a MySQL password given with -p',
      ],
      [
        4,
        28,
        'Service "api": metadata.run.deploy[2] looks like a password given with sshpass -p',
      ],
      [
        5,
        37,
        'Service "api": metadata.run.spaced[2] looks like a password given with sshpass -p',
      ],
      [
        6,
        47,
        'Service "api": metadata.run.login[5] looks like a registry password given with login -p',
      ],
      [
        7,
        56,
        'Service "api": metadata.run.kube[5] looks like a credential (the key "password" names one)',
      ],
      [
        8,
        45,
        'Service "api": metadata.run.decrypt[4] looks like an OpenSSL password given with pass:',
      ],
      [
        9,
        44,
        'Service "api": metadata.run.decrypt_in[3] looks like an OpenSSL password given with pass:',
      ],
      [
        10,
        27,
        'Service "api": metadata.run.cli[2] looks like a Redis password given with -a',
      ],
    ]);
    const text = JSON.stringify(findings);
    for (const secret of [
      'user:pass"',
      '12345678',
      'hunter2xyz',
      'S3cr3t pw',
      'S3cretPw',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('secretValues: command arrays anywhere in a table', () => {
  it('judges each array by its own first element, in arrays of tables and after other arrays', () => {
    const findings = runRule(secretValues, {
      'services/catalog.toml': [
        '[service.api]', // 1
        'version = "1.0.0"',
        '[[service.api.metadata.checks]]',
        'test = ["CMD", "mysqladmin", "ping", "-uroot", "-p12345678"]',
        'other = [{ a = 1 }, "-p12345678"]', // 5
        '[[service.api.metadata.checks]]',
        'test = ["CMD-SHELL", "-p12345678"]',
        'next = ["make", "-p", "hunter2xyz"]',
        'login = [["docker", "login", "-p", "S3cretPw"], ["docker", "run", "-p", "8080:80"]]',
      ].join('\n'),
    });
    expect(findings.map(f => [f.line, f.message.split(' written')[0]])).toEqual(
      [
        [
          4,
          'Service "api": metadata.checks[0].test[4] looks like a MySQL password given with -p',
        ],
        [
          9,
          'Service "api": metadata.checks[1].login[0][3] looks like a registry password given with login -p',
        ],
      ],
    );
  });
});
