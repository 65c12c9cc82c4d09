import { loadRegistry } from './buildRegistry';

function load(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

describe('buildPolicies', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'reports an unknown policy table [%s] at its header',
    name => {
      const registry = load({
        'policies/governance.toml': `[change_control]\nbreaking_changes_require = ["@arch"]\n\n["${name}"]\nx = 1\n`,
      });
      expect(registry.findings).toEqual([
        {
          severity: 'warning',
          code: 'schema/unknown-field',
          message: expect.stringContaining(`unknown field "${name}"`),
          file: 'policies/governance.toml',
          line: 4,
          column: 1,
        },
      ]);
      expect(registry.policies.positions[name]).toEqual({
        file: 'policies/governance.toml',
        line: 4,
        column: 1,
      });
    },
  );

  it('reports a policy key defined again in another file at its place, naming the first', () => {
    const registry = load({
      'policies/a.toml': 'constructor = 1\n',
      'policies/b.toml': '\nconstructor = 2\n',
    });
    expect(
      registry.findings.filter(f => f.code === 'policy/duplicate-key'),
    ).toEqual([
      {
        severity: 'warning',
        code: 'policy/duplicate-key',
        message: expect.stringContaining('(first in policies/a.toml:1)'),
        file: 'policies/b.toml',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('never takes a position from the prototype of a plain object', () => {
    const registry = load({ 'policies/a.toml': '[security]\nmfa = true\n' });
    expect(registry.policies.positions.constructor).toBeUndefined();
    expect(registry.policies.positions.toString).toBeUndefined();
  });

  it('says that [sla] holds tier tables when a target is written under [sla] itself', () => {
    const registry = load({
      'policies/sla.toml': [
        '[sla]',
        'availability = "99.5%"',
        '[sla.critical]',
        'availability = "99.99%"',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([
      {
        severity: 'error',
        code: 'schema/invalid-type',
        message:
          'Policies: sla.availability is not a tier: [sla] holds one table per tier ([sla.critical], [sla.high], [sla.medium], [sla.low]) with its targets. Move availability into the [sla.<tier>] it is meant for; it is ignored until then.',
        file: 'policies/sla.toml',
        line: 2,
        column: 1,
      },
    ]);
    expect(Object.keys(registry.policies.sla)).toEqual(['critical']);
  });

  it('quotes an unknown tier with its escapes in the warning', () => {
    const registry = load({
      'policies/sla.toml': '[sla."gold\\u202e"]\navailability = "99%"\n',
    });
    expect(registry.findings.map(f => f.message)).toEqual([
      'Policies: sla tier "gold\\u202e" is not one of critical, high, medium, low; rename [sla."gold\\u202e"] to one of them, or it is ignored.',
    ]);
  });

  it('reads change_control.migration_window_days, a whole number of days', () => {
    const registry = load({
      'policies/governance.toml':
        '[change_control]\nbreaking_changes_require = ["@arch"]\nmigration_window_days = 90\n',
    });
    expect(registry.findings).toEqual([]);
    expect(registry.policies.changeControl?.migrationWindowDays).toBe(90);
  });

  it.each([
    ['"90 days"', 'schema/invalid-type'],
    ['0', 'schema/out-of-range'],
    ['-30', 'schema/out-of-range'],
    ['1.5', 'schema/invalid-type'],
  ])(
    'reports migration_window_days = %s at its key and leaves it out',
    (value, code) => {
      const registry = load({
        'policies/governance.toml': `[change_control]\nmigration_window_days = ${value}\n`,
      });
      expect(registry.findings).toEqual([
        {
          severity: 'error',
          code,
          message: expect.stringContaining(
            'Policies: change_control.migration_window_days must be a whole number of days of at least 1, without quotes (e.g. migration_window_days = 180); until it is, the default 6-month migration window applies',
          ),
          file: 'policies/governance.toml',
          line: 2,
          column: 1,
        },
      ]);
      expect(
        registry.policies.changeControl?.migrationWindowDays,
      ).toBeUndefined();
    },
  );

  it('reads change_control.beta_change_notice_days, a whole number of days (0: no notice)', () => {
    for (const days of [0, 14]) {
      const registry = load({
        'policies/governance.toml': `[change_control]\nbeta_change_notice_days = ${days}\n`,
      });
      expect(registry.findings).toEqual([]);
      expect(registry.policies.changeControl?.betaChangeNoticeDays).toBe(days);
    }
    expect(
      load({ 'policies/governance.toml': '[change_control]\n' }).policies
        .changeControl?.betaChangeNoticeDays,
    ).toBeUndefined();
  });

  it.each([
    ['"30 days"', 'schema/invalid-type'],
    ['-1', 'schema/out-of-range'],
    ['7.5', 'schema/invalid-type'],
  ])(
    'reports beta_change_notice_days = %s at its key and leaves it out',
    (value, code) => {
      const registry = load({
        'policies/governance.toml': `[change_control]\nmigration_window_days = 90\nbeta_change_notice_days = ${value}\n`,
      });
      expect(registry.findings).toEqual([
        {
          severity: 'error',
          code,
          message: expect.stringContaining(
            "Policies: change_control.beta_change_notice_days must be a whole number of days of at least 0, without quotes (e.g. beta_change_notice_days = 14; 0 for none); until it is, the lifecycle's 30 days apply",
          ),
          file: 'policies/governance.toml',
          line: 3,
          column: 1,
        },
      ]);
      expect(
        registry.policies.changeControl?.betaChangeNoticeDays,
      ).toBeUndefined();
      expect(registry.policies.changeControl?.migrationWindowDays).toBe(90);
    },
  );

  describe('[security]', () => {
    const file = 'policies/security.toml';

    it('reads block_on and allowed_registries with the place of each element, and carries the other keys as written', () => {
      const registry = load({
        [file]: [
          '[security]',
          'block_on = ["security/", "lifecycle/depends-on-deprecated"]',
          'require_tls_between_services = true',
          'allowed_registries = [',
          '  "ghcr.io/example-org",',
          ']',
          '',
          '[compliance]',
          'gdpr_applicable = true',
        ].join('\n'),
      });
      expect(registry.findings).toEqual([]);
      expect(registry.policies.securityPolicy).toEqual({
        blockOn: {
          entries: [
            { value: 'security/', position: { file, line: 2, column: 13 } },
            {
              value: 'lifecycle/depends-on-deprecated',
              position: { file, line: 2, column: 26 },
            },
          ],
          source: { file, line: 2, column: 1 },
        },
        allowedRegistries: {
          entries: [
            {
              value: 'ghcr.io/example-org',
              position: { file, line: 5, column: 3 },
            },
          ],
          source: { file, line: 4, column: 1 },
        },
        raw: registry.policies.security,
        source: { file, line: 1, column: 1 },
      });
      expect(registry.policies.security).toMatchObject({
        require_tls_between_services: true,
      });
      expect(registry.policies.compliance).toEqual({ gdpr_applicable: true });
    });

    it('leaves both lists out when [security] does not set them', () => {
      const registry = load({ [file]: '[security]\nmfa = true\n' });
      expect(registry.findings).toEqual([]);
      expect(registry.policies.securityPolicy).toEqual({
        raw: { mfa: true },
        source: { file, line: 1, column: 1 },
      });
    });

    it.each(['block_on', 'allowed_registries'])(
      'reports %s that is not an array at its key and leaves it out',
      key => {
        const registry = load({ [file]: `[security]\n${key} = "security/"\n` });
        expect(registry.findings).toEqual([
          {
            severity: 'error',
            code: 'schema/invalid-type',
            message: `Policies: security.${key} must be an array of strings, e.g. ${
              key === 'block_on'
                ? '["security/", "lifecycle/depends-on-retired"]'
                : '["ghcr.io/example-org"]'
            }, got "security/".`,
            file,
            line: 2,
            column: 1,
          },
        ]);
        expect(registry.policies.securityPolicy).toEqual({
          raw: { [key]: 'security/' },
          source: { file, line: 1, column: 1 },
        });
      },
    );

    it('reports an element that is not a string at the element and keeps the others', () => {
      const registry = load({
        [file]:
          '[security]\nblock_on = ["security/", 42]\nallowed_registries = [true, "ghcr.io/example-org"]\n',
      });
      expect(registry.findings).toEqual([
        {
          severity: 'error',
          code: 'schema/invalid-type',
          message:
            'Policies: security.block_on[1] must be a string (a finding code, or a prefix of codes ending in "/"), got 42; it is ignored.',
          file,
          line: 2,
          column: 26,
        },
        {
          severity: 'error',
          code: 'schema/invalid-type',
          message:
            'Policies: security.allowed_registries[0] must be a string (an image registry, e.g. "ghcr.io/example-org"), got true; it is ignored.',
          file,
          line: 3,
          column: 23,
        },
      ]);
      expect(
        registry.policies.securityPolicy?.blockOn?.entries.map(e => e.value),
      ).toEqual(['security/']);
      expect(
        registry.policies.securityPolicy?.allowedRegistries?.entries.map(
          e => e.value,
        ),
      ).toEqual(['ghcr.io/example-org']);
    });

    it('reports a blank allowed registry at the element and ignores it', () => {
      const registry = load({
        [file]:
          '[security]\nallowed_registries = ["ghcr.io/example-org", " /"]\n',
      });
      expect(registry.findings).toEqual([
        {
          severity: 'error',
          code: 'schema/invalid-value',
          message:
            'Policies: security.allowed_registries[1] must name an image registry (e.g. "ghcr.io/example-org"), got " /"; it is ignored.',
          file,
          line: 2,
          column: 46,
        },
      ]);
      expect(
        registry.policies.securityPolicy?.allowedRegistries?.entries.map(
          e => e.value,
        ),
      ).toEqual(['ghcr.io/example-org']);
    });
  });
  it('merges two policy files sharing a table 20,000 parts deep', () => {
    const deep = Array(20_000).fill('x').join('.');
    const registry = load({
      'policies/a.toml': `[compliance.${deep}]\nk = 1\nsame = 1\n`,
      'policies/b.toml': `[compliance.${deep}]\nj = 2\nsame = 2\n`,
    });
    let table = registry.policies.compliance as Record<string, unknown>;
    for (let i = 0; i < 20_000; i++) table = table.x as Record<string, unknown>;
    expect({ ...table }).toEqual({ k: 1, same: 1, j: 2 });
    const duplicates = registry.findings.filter(
      f => f.code === 'policy/duplicate-key',
    );
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].file).toBe('policies/b.toml');
    // the key path shows its first and last parts, not 20,002
    expect(duplicates[0].message).toContain(
      `Policy compliance${'.x'.repeat(
        61,
      )} …19,938 more parts… x.same is defined again`,
    );
  });
});
