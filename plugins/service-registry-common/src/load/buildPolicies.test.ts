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
});
