import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { notTakenReason, RunOutcome, runSummary } from './runSummary';

const SHOP = 'projects/shop/services.toml';

function outcome(overrides: Partial<RunOutcome> = {}): RunOutcome {
  return {
    entityCount: 12,
    fileCount: 4,
    written: 2,
    removed: 1,
    findings: [],
    load: { kept: [], dropped: [], keptInvalid: new Map() },
    leftOut: [],
    held: new Map(),
    heldReferences: new Set(),
    ...overrides,
  };
}

const syntaxError: RegistryFinding = {
  severity: 'error',
  code: 'toml/syntax',
  message: `${SHOP} is not valid TOML: …`,
  file: SHOP,
  line: 4,
  column: 7,
};

describe('runSummary', () => {
  it('counts what the run applied', () => {
    expect(runSummary(outcome(), () => '')).toBe(
      '12 entities from 4 files; 2 written, 1 removed',
    );
  });

  it('says how many errors there are and where the first one is', () => {
    const warning: RegistryFinding = {
      ...syntaxError,
      severity: 'warning',
      code: 'schema/unknown-field',
    };
    expect(
      runSummary(outcome({ findings: [syntaxError, warning] }), () => ''),
    ).toBe(
      `12 entities from 4 files; 2 written, 1 removed; 1 errors in the registry, the first at ${SHOP}:4:7 (toml/syntax)`,
    );
  });

  it('names each file kept at its last good version or skipped, and why', () => {
    const why = notTakenReason(
      { keptEmptied: new Set(), keptForMisnamed: new Map() },
      [syntaxError],
    );
    const summary = runSummary(
      outcome({
        findings: [syntaxError],
        load: {
          kept: [SHOP],
          dropped: ['projects/new/services.toml'],
          keptInvalid: new Map([
            [
              'services/catalog.toml',
              {
                ...syntaxError,
                file: 'services/catalog.toml',
                line: 9,
                column: 3,
                code: 'schema/type',
              },
            ],
          ]),
        },
        held: new Map([
          ['component:default/cart', { file: SHOP, line: 12, column: 1 }],
        ]),
        heldReferences: new Set(['system:default/shop']),
      }),
      why,
    );
    expect(summary.split('; ').slice(3)).toEqual([
      'kept the last good version of services/catalog.toml (it has schema errors, the first at services/catalog.toml:9:3: schema/type)',
      `kept the last good version of ${SHOP} (it does not parse at ${SHOP}:4:7)`,
      `kept component:default/cart as ingested (now declared at ${SHOP}:12:1)`,
      'kept system:default/shop as ingested (no System or Group is removed while services are held back: they may refer to them)',
      'skipped projects/new/services.toml (it does not parse and has no last good version)',
    ]);
  });

  it('hides a credential that a path holds', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}123456`;
    const file = `projects/${token}/services.toml`;
    const summary = runSummary(
      outcome({
        findings: [{ ...syntaxError, file }],
        load: { kept: [file], dropped: [], keptInvalid: new Map() },
      }),
      () => 'it does not parse',
    );
    expect(summary).not.toContain(token);
    expect(summary).toContain('(hidden)');
  });
});

describe('notTakenReason', () => {
  it('tells an emptied file and a misnamed one from a file that does not parse', () => {
    const why = notTakenReason(
      {
        keptEmptied: new Set(['projects/a/services.toml']),
        keptForMisnamed: new Map([
          ['projects/b/services.toml', 'projects/b/services.TOML'],
        ]),
      },
      [],
    );
    expect(why('projects/a/services.toml')).toBe(
      'it holds no table or key; delete the file to remove its services',
    );
    expect(why('projects/b/services.toml')).toBe(
      'it is missing, and projects/b/services.TOML is there instead: registry file names end in ".toml", in lower case',
    );
    expect(why('projects/c/services.toml')).toBe('it does not parse');
  });
});
