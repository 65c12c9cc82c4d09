import { RegistryFinding } from '../model/types';
import { loadRegistry } from './buildRegistry';
import { hasControlCharacter } from './controlCharacters';
import { describeValue } from './describeValue';
import { isSecretLookingKey } from './secrets';

/** A database URL whose password is longer than what messages show of a value. */
const DB_PASSWORD = 'Kq8vZ2mR7xW4nB9pL3tY6cH1dF5gJ0sAeUiOoPaSdFgHjKlZxCvBnMqWe';
const DB_URL = `postgres://app:${DB_PASSWORD}@db:5432/app`;
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const AWS = 'AKIAIOSFODNN7EXAMPLE';

function load(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

/** Fails when any part of a finding repeats the secret or a telling piece of it. */
function expectNoEcho(findings: RegistryFinding[], secret: string) {
  const text = JSON.stringify(findings);
  expect(text).not.toContain(secret);
  for (let at = 0; at + 8 <= secret.length; at += 4) {
    expect(text).not.toContain(secret.slice(at, at + 8));
  }
}

describe('describeValue', () => {
  it('never shows a raw control character, C0, DEL or C1', () => {
    expect(describeValue('a\u001b[31mb\u0000\b\f', 'version')).toBe(
      '"a\\u001b[31mb\\u0000\\b\\f"',
    );
    expect(describeValue('del\u007f c1\u0085\u009b', 'version')).toBe(
      '"del\\u007f c1\\u0085\\u009b"',
    );
    const registry = load({
      'services/catalog.toml':
        '[service.api]\nversion = "1.0\\u007f\\u009b"\nport = "80\\u001b"\n',
    });
    const messages = registry.findings.map(f => f.message).join('\n');
    expect(messages).toContain('"1.0\\u007f\\u009b"');
    expect(messages).toContain('"80\\u001b"');
    // eslint-disable-next-line no-control-regex
    expect(messages).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('never shows a raw bidirectional control or line separator', () => {
    expect(describeValue('Payments \u202egnp.exe', 'version')).toBe(
      '"Payments \\u202egnp.exe"',
    );
    expect(
      describeValue(
        '\u202a\u202b\u202c\u202d \u2066\u2067\u2068\u2069',
        'version',
      ),
    ).toBe('"\\u202a\\u202b\\u202c\\u202d \\u2066\\u2067\\u2068\\u2069"');
    expect(describeValue('a\u2028b\u2029c', 'version')).toBe(
      '"a\\u2028b\\u2029c"',
    );
    // right-to-left text, its marks and joined emoji are shown as they are
    expect(describeValue('خدمة الدفع\u200f', 'version')).toBe(
      '"خدمة الدفع\u200f"',
    );
    expect(describeValue('👩\u200d💻', 'version')).toBe('"👩\u200d💻"');
    // every character loading removes from free text is an escape in a message
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!hasControlCharacter(char)) continue;
      expect([code.toString(16), describeValue(char, 'version')]).toEqual([
        code.toString(16),
        expect.stringMatching(/^"\\(u[0-9a-f]{4}|[bf])"$/),
      ]);
    }
    const registry = load({
      'services/catalog.toml':
        '[service.api]\nversion = "1.0\\u202e0"\nport = "80\\u2066"\n',
    });
    const messages = registry.findings.map(f => f.message).join('\n');
    expect(messages).toContain('"1.0\\u202e0"');
    expect(messages).toContain('"80\\u2066"');
    expect(messages).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('shows short scalars and kinds of other values', () => {
    expect(describeValue('live', 'status')).toBe('"live"');
    expect(describeValue(8080, 'port')).toBe('8080');
    expect(describeValue(['a'], 'tags')).toBe('an array');
    expect(describeValue({ a: 1 }, 'sla')).toBe('a table');
    expect(describeValue(5, 'password')).toBe('an integer (value hidden)');
    expect(describeValue(0.5, 'password')).toBe('a float (value hidden)');
    expect(describeValue('x'.repeat(100), 'name')).toHaveLength(63);
  });

  it('hides values of secret-looking keys', () => {
    for (const key of [
      'password',
      'db_password',
      'api_token',
      'client-secret',
      'api_key',
      'private_key',
      'key',
    ]) {
      expect(isSecretLookingKey(key)).toBe(true);
      expect(describeValue('hunter2', key)).toBe('a string (value hidden)');
    }
    expect(isSecretLookingKey('owner')).toBe(false);
    expect(isSecretLookingKey('break_changes_notice')).toBe(false);
  });

  it('hides values that look like credentials under any key, judged on the whole value', () => {
    expect(describeValue(DB_URL, 'port')).toBe(
      'a string (value hidden: it looks like a URL with an embedded password)',
    );
    expect(describeValue(JWT, 'version')).toBe(
      'a string (value hidden: it looks like a JSON Web Token)',
    );
    expect(describeValue(AWS, 'tier')).toBe(
      'a string (value hidden: it looks like an AWS access key id)',
    );
    expect(describeValue('DB_PASSWORD=hunter2-Sup3r', 'env')).toContain(
      'value hidden',
    );
  });

  it('hides a part of a value when the whole value looks like a credential', () => {
    expect(describeValue('postgres://app', 'service', DB_URL)).toBe(
      'a string (value hidden: it looks like a URL with an embedded password)',
    );
    expect(describeValue('shared-auth', 'service', 'shared-auth@^1.0')).toBe(
      '"shared-auth"',
    );
  });

  it('keeps ordinary values readable', () => {
    expect(describeValue('https://example.com/health', 'port')).toBe(
      '"https://example.com/health"',
    );
    expect(describeValue('24/7', 'tier')).toBe('"24/7"');
    expect(describeValue('1.2.3-beta.1', 'status')).toBe('"1.2.3-beta.1"');
  });
});

describe('loader messages built from values', () => {
  it('never echo a credential cut short by the length limit (issue: truncation before redaction)', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.x]',
        `port = "${DB_URL}"`,
        `version = "${JWT}"`,
      ].join('\n'),
    });
    expect(
      registry.findings.map(f => [f.code, f.file, f.line, f.column, f.service]),
    ).toEqual([
      ['schema/invalid-type', 'services/catalog.toml', 2, 1, 'x'],
      ['schema/invalid-semver', 'services/catalog.toml', 3, 1, 'x'],
    ]);
    expect(registry.findings[0].message).toContain('value hidden');
    expect(registry.findings[0].message).toContain(
      'must be an integer between 1 and 65535',
    );
    expectNoEcho(registry.findings, DB_PASSWORD);
    expectNoEcho(registry.findings, JWT);
  });

  it('never echo a credential in loadRegistry findings, which callers log directly', () => {
    const registry = load({
      'services/catalog.toml': [
        '[service.x]',
        `tier = "${AWS}"`,
        `dependencies.requires = ["${AWS}", "${DB_URL}", { service = "${AWS}" }]`,
        `dependencies.optional = ["shared-auth@${JWT}"]`,
      ].join('\n'),
    });
    expect(registry.findings.map(f => [f.code, f.line, f.service])).toEqual([
      ['schema/invalid-enum', 2, 'x'],
      ['schema/invalid-id', 3, 'x'],
      ['schema/invalid-id', 3, 'x'],
      ['schema/invalid-id', 3, 'x'],
      ['schema/invalid-semver', 4, 'x'],
    ]);
    expect(registry.findings[0].message).toMatch(
      /^Service "x": tier a string \(value hidden: it looks like an AWS access key id\) is not one of critical, high, medium, low/,
    );
    expectNoEcho(registry.findings, AWS);
    expectNoEcho(registry.findings, DB_PASSWORD);
    expectNoEcho(registry.findings, JWT);
  });
});
