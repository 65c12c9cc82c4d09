import { loadRegistry } from '../load/buildRegistry';
import { hasControlCharacter } from '../load/controlCharacters';
import { RegistryFileInput } from '../model/types';
import {
  catalog,
  registryOf,
  seedFiles,
  TIER_SLA_POLICIES,
} from './__testUtils__/registryOf';
import { validateRegistry } from './validateRegistry';

const seeds = seedFiles();

describe('validateRegistry', () => {
  it('reports the seed project-a-frontend requiring the undeclared project-a-api at its entry', () => {
    const findings = validateRegistry(loadRegistry(seeds), {
      today: '2026-01-15',
    });
    expect(findings.filter(f => f.code.startsWith('dependency/'))).toEqual([
      {
        severity: 'error',
        code: 'dependency/missing-required',
        message: expect.stringContaining('requires "project-a-api"'),
        file: 'projects/project-a/services.toml',
        line: 12,
        column: 13,
        service: 'project-a-frontend',
        project: 'project-a',
      },
      expect.objectContaining({
        severity: 'warning',
        code: 'dependency/missing-optional',
        service: 'project-a-frontend',
        line: 13,
        column: 13,
      }),
    ]);
  });

  it('keeps the loader findings and reports the seeds policies, sorted by file, line and column', () => {
    const findings = validateRegistry(loadRegistry(seeds), {
      today: '2026-01-15',
    });
    expect(findings.map(f => [f.file, f.line, f.code])).toEqual([
      ['projects/project-a/monitoring.toml', 4, 'registry/unknown-service'],
      [
        'projects/project-a/services.toml',
        6,
        'policy/critical-without-approvers',
      ],
      ['projects/project-a/services.toml', 6, 'policy/sla-missing'],
      ['projects/project-a/services.toml', 12, 'dependency/missing-required'],
      ['projects/project-a/services.toml', 13, 'dependency/missing-optional'],
      ['services/catalog.toml', 11, 'policy/consumers-mismatch'],
      ['services/catalog.toml', 12, 'policy/consumers-mismatch'],
    ]);
  });

  describe("the seed shared-auth's planned deprecation", () => {
    const passed = (today: string) =>
      validateRegistry(loadRegistry(seeds), { today }).filter(
        f => f.code === 'lifecycle/deprecation-date-passed',
      );

    it('is due the day after its deprecation_date, at that key, while it is not deprecated', () => {
      expect(passed('2026-06-30')).toEqual([]);
      expect(passed('2026-07-01')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          file: 'services/catalog.toml',
          line: 8,
          column: 1,
          service: 'shared-auth',
        }),
      ]);
    });
  });

  describe('the seed old-api / new-api lifecycle snippet', () => {
    const consumer: RegistryFileInput = {
      path: 'projects/shop/services.toml',
      text: '[project]\ntier = "low"\n[service.shop-web]\nstatus = "ga"\ndependencies.requires = ["old-api"]\n',
    };
    // the lifecycle findings but those of shared-auth, the seed's planned deprecation (below)
    const lifecycle = (files: RegistryFileInput[], today: string) =>
      validateRegistry(loadRegistry(files), { today }).filter(
        f => f.code.startsWith('lifecycle/') && f.service !== 'shared-auth',
      );

    it('is a complete deprecation: no lifecycle finding without consumers', () => {
      expect(lifecycle(seeds, '2026-01-15')).toEqual([]);
      expect(lifecycle(seeds, '2027-01-15')).toEqual([]);
    });

    it('warns its consumers with the days left, counted from today', () => {
      const findings = lifecycle([...seeds, consumer], '2026-05-10');
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'lifecycle/depends-on-deprecated',
          file: 'projects/shop/services.toml',
          line: 5,
          column: 26,
          service: 'shop-web',
          project: 'shop',
        }),
      ]);
      expect(findings[0].message).toContain('in 10 days');
      expect(findings[0].message).toContain(
        'migrate to "new-api" (guide: https://wiki.example.com/old-api-migration)',
      );
    });

    it('is overdue once the sunset passed with consumers left', () => {
      const findings = lifecycle([...seeds, consumer], '2026-06-19');
      expect(findings.map(f => [f.code, f.service, f.file, f.line])).toEqual([
        [
          'lifecycle/depends-on-deprecated',
          'shop-web',
          'projects/shop/services.toml',
          5,
        ],
        [
          'lifecycle/sunset-passed-with-consumers',
          'old-api',
          'services/catalog.toml',
          24,
        ],
      ]);
      expect(findings[0].message).toContain(
        'sunset on 2026-05-20, 30 days ago',
      );
      expect(findings[1].message).toContain('overdue');
      expect(findings[1].message).toContain('"shop-web"');
    });
  });

  it('uses today in UTC by default and refuses a malformed today', () => {
    const registry = registryOf(catalog('[service.a]'));
    expect(validateRegistry(registry)).toEqual([]);
    expect(() => validateRegistry(registry, { today: '15/01/2026' })).toThrow(
      'today must be a date written YYYY-MM-DD',
    );
  });

  it('is deterministic whatever the order of the files', () => {
    const files = [...seeds].reverse();
    expect(
      validateRegistry(loadRegistry(files), { today: '2026-01-15' }),
    ).toEqual(validateRegistry(loadRegistry(seeds), { today: '2026-01-15' }));
  });

  it('never echoes a secret, in its own findings or the loader ones', () => {
    const secret = 'Zx9Qw7Er5Ty3Ui1Op0AsDfGhJk';
    const aws = 'AKIAIOSFODNN7EXAMPLE';
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': [
          '[service.a]',
          `password = "${secret}"`,
          `metadata.db_password = "${secret}"`,
          `port = "${aws}"`,
        ].join('\n'),
        'policies/security.toml': `[security]\nroot_token = "${secret}"`,
        'projects/p/services.toml': `[project]\napi_key = "${secret}"`,
      }),
      { today: '2026-01-15' },
    );
    expect(
      findings.filter(f => f.code === 'security/secret-value'),
    ).toHaveLength(5);
    // the loader describes the bad port value: it looks like a credential, so it is hidden
    expect(
      findings.find(f => f.code === 'schema/invalid-type')?.message,
    ).toContain(
      'got a string (value hidden: it looks like an AWS access key id)',
    );
    expect(JSON.stringify(findings)).not.toContain(secret);
    expect(JSON.stringify(findings)).not.toContain(aws);
  });

  it('never echoes a credential longer than messages show of a value (port, version)', () => {
    const password =
      'Kq8vZ2mR7xW4nB9pL3tY6cH1dF5gJ0sAeUiOoPaSdFgHjKlZxCvBnMqWe';
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const findings = validateRegistry(
      registryOf(
        catalog(
          '[service.x]',
          `port = "postgres://app:${password}@db:5432/app"`,
          `version = "${jwt}"`,
        ),
      ),
      { today: '2026-01-15' },
    );
    expect(
      findings.map(f => [f.code, f.file, f.line, f.column, f.service]),
    ).toEqual([
      ['schema/invalid-type', 'services/catalog.toml', 2, 1, 'x'],
      ['security/secret-value', 'services/catalog.toml', 2, 1, 'x'],
      ['schema/invalid-semver', 'services/catalog.toml', 3, 1, 'x'],
      ['security/secret-value', 'services/catalog.toml', 3, 1, 'x'],
    ]);
    const text = JSON.stringify(findings);
    for (const secret of [password, jwt]) {
      for (let at = 0; at + 8 <= secret.length; at += 4) {
        expect(text).not.toContain(secret.slice(at, at + 8));
      }
    }
  });

  it('reports nothing on an empty registry', () => {
    expect(validateRegistry(loadRegistry([]), { today: '2026-01-15' })).toEqual(
      [],
    );
  });
  it('warns on the pull request about an id the catalog would leave out', () => {
    const findings = validateRegistry(
      registryOf(catalog('[service.-auth]', 'version = "1.0.0"')),
      { today: '2026-01-15' },
    );
    expect(findings.map(f => [f.severity, f.code, f.line])).toEqual([
      ['warning', 'schema/invalid-entity-name', 1],
    ]);
  });
  it("with the catalog option, warns about what the catalog provider's mapping changes, which block_on does not make errors", () => {
    const files = {
      ...catalog(
        '[service.auth]', // 1
        'version = "1.0.0"', // 2
        'owner = "Платёжная команда"', // 3
        'tags = ["payments", "日本語"]', // 4
      ),
      'policies/security.toml':
        '[security]\nblock_on = ["catalog/owner-unusable"]\n',
    };
    const plain = validateRegistry(registryOf(files), {
      today: '2026-01-15',
    });
    expect(plain.filter(f => f.code.startsWith('catalog/'))).toEqual([]);

    const findings = validateRegistry(registryOf(files), {
      today: '2026-01-15',
      catalog: { defaultOwner: 'platform' },
    });
    expect(
      findings
        .filter(f => f.code.startsWith('catalog/'))
        .map(f => [f.severity, f.code, f.line, f.column]),
    ).toEqual([
      ['warning', 'catalog/owner-unusable', 3, 1],
      ['warning', 'catalog/tag-dropped', 4, 21],
    ]);
    expect(
      findings.find(f => f.code === 'catalog/owner-unusable')!.message,
    ).toContain('the catalog shows the default owner "platform" as its owner');
    expect(
      validateRegistry(registryOf(files), {
        today: '2026-01-15',
        catalog: {},
      }).find(f => f.code === 'catalog/owner-unusable')!.message,
    ).toContain("the catalog provider's default owner");
  });
  it('quotes an invalid id with escapes in every message, never a raw control or bidirectional character', () => {
    // ids the loader reports as schema/invalid-id but still loads: a bidi override, NUL, ESC
    const files = {
      ...catalog(
        '[service.legacy]',
        'owner = "team"',
        'tier = "low"',
        'status = "deprecated"',
        'version = "1.0.0"',
        'deprecation_date = 2025-01-01',
        'sunset_date = 2025-09-01',
        'replacement_service = "new-api"',
        'consumers.required_by = ["web"]',
        '[service.new-api]',
        'owner = "team"',
        'tier = "low"',
        'status = "ga"',
        'version = "2.0.0"',
        '[service."a\\u202eb"]',
        'owner = "team"',
        'tier = "critical"',
        'status = "ga"',
        'version = "1.0.0"',
        'port = 8080.0',
        'tags = ["日本語"]',
        'dependencies.requires = ["legacy"]',
        '[service."b\\u0000c"]',
        'owner = "team"',
        'tier = "low"',
        'status = "beta"',
        'version = "0.1.0"',
        'password = "hunter2-Sup3r-long"',
        '[service."d\\u001bx"]',
        'owner = "@"',
        'tier = "low"',
        'status = "deprecated"',
        'version = "1.0.0"',
        '"x\\u202epassword" = "hunter2-Sup3r-long"',
      ),
      'policies/sla.toml': TIER_SLA_POLICIES,
    };
    const findings = validateRegistry(registryOf(files), {
      today: '2026-01-15',
      catalog: { defaultOwner: 'platform' },
    });
    const about = (id: string) =>
      findings
        .filter(f => f.service === id)
        .map(f => f.code)
        .sort();
    expect(about('a\u202eb')).toEqual(
      expect.arrayContaining([
        'catalog/tag-dropped',
        'lifecycle/depends-on-deprecated',
        'policy/critical-without-approvers',
        'policy/sla-missing',
        'schema/invalid-id',
        'schema/invalid-type',
      ]),
    );
    expect(about('legacy')).toEqual(
      expect.arrayContaining([
        'lifecycle/sunset-passed-with-consumers',
        'policy/consumers-mismatch',
      ]),
    );
    expect(about('b\u0000c')).toEqual(
      expect.arrayContaining([
        'lifecycle/beta-without-changelog',
        'lifecycle/version-not-for-status',
        'security/secret-value',
      ]),
    );
    expect(about('d\u001bx')).toEqual(
      expect.arrayContaining([
        'catalog/owner-unusable',
        'lifecycle/deprecated-without-replacement',
        'lifecycle/deprecated-without-sunset',
        'security/secret-value',
      ]),
    );
    for (const finding of findings) {
      expect([finding.code, hasControlCharacter(finding.message)]).toEqual([
        finding.code,
        false,
      ]);
    }
    const message = (code: string, id: string) =>
      findings.find(f => f.code === code && f.service === id)!.message;
    // quoted as a TOML basic string, as the loader's own schema/invalid-id does
    expect(message('policy/sla-missing', 'a\u202eb')).toMatch(
      /^Service "a\\u202eb" is critical tier .* under \[service\."a\\u202eb"\.sla\]/,
    );
    expect(
      message('lifecycle/sunset-passed-with-consumers', 'legacy'),
    ).toContain('still depends on it: "a\\u202eb".');
    expect(message('policy/consumers-mismatch', 'legacy')).toContain(
      'depending on it but not declared: "a\\u202eb"',
    );
    expect(message('lifecycle/beta-without-changelog', 'b\u0000c')).toContain(
      'under [service."b\\u0000c".governance]',
    );
    expect(
      findings
        .filter(
          f => f.code === 'security/secret-value' && f.service === 'd\u001bx',
        )
        .map(f => f.message),
    ).toEqual([
      expect.stringContaining(
        'Service "d\\u001bx": "x\\u202epassword" looks like a credential (the key "x\\u202epassword" names one)',
      ),
    ]);
  });
  it('warns about support promised past the sunset date', () => {
    const findings = validateRegistry(
      registryOf(
        catalog(
          '[service.a]',
          'sunset_date = 2026-05-20',
          'migration.support_until = 2026-06-01',
        ),
      ),
      { today: '2026-01-15' },
    );
    expect(findings.map(f => f.code)).toContain(
      'lifecycle/support-after-sunset',
    );
  });
});
