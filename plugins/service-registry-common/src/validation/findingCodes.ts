/**
 * Every code a finding of `loadRegistry` or `validateRegistry` can have, sorted. A code is
 * `<area>/<kebab-case>`; `findingCodes.test.ts` keeps this list equal to the codes the loader and
 * the rules write, so add a new rule's code here.
 *
 * @public
 */
export const KNOWN_FINDING_CODES: readonly string[] = [
  'compat/min-above-version',
  'dependency/below-compat-min',
  'dependency/cycle',
  'dependency/cycle-limit',
  'dependency/invalid-range',
  'dependency/missing-optional',
  'dependency/missing-required',
  'dependency/self-optional',
  'dependency/unsatisfiable-range',
  'dependency/version-unsatisfied',
  'deployment/traffic-split-total',
  'deployment/unknown-region',
  'lifecycle/beta-without-changelog',
  'lifecycle/depends-on-deprecated',
  'lifecycle/depends-on-retired',
  'lifecycle/deprecated-without-replacement',
  'lifecycle/deprecated-without-sunset',
  'lifecycle/deprecation-date-passed',
  'lifecycle/development-in-production',
  'lifecycle/ga-depends-on-development',
  'lifecycle/maintenance-without-support-window',
  'lifecycle/override-of-retired',
  'lifecycle/replacement-cycle',
  'lifecycle/replacement-deprecated',
  'lifecycle/replacement-missing',
  'lifecycle/replacement-retired',
  'lifecycle/short-migration-window',
  'lifecycle/sunset-before-deprecation',
  'lifecycle/sunset-passed-with-consumers',
  'lifecycle/support-after-sunset',
  'lifecycle/support-window-ended',
  'lifecycle/version-not-for-status',
  'monitoring/threshold-looser-than-sla',
  'policy/consumers-mismatch',
  'policy/critical-without-approvers',
  'policy/duplicate-key',
  'policy/sla-below-tier',
  'policy/sla-missing',
  'project/duplicate-declaration',
  'project/id-mismatch',
  'project/missing-declaration',
  'registry/duplicate-file',
  'registry/unknown-file',
  'registry/unknown-service',
  'release/version-not-released',
  'schema/control-character',
  'schema/invalid-date',
  'schema/invalid-entity-name',
  'schema/invalid-enum',
  'schema/invalid-id',
  'schema/invalid-semver',
  'schema/invalid-type',
  'schema/invalid-url',
  'schema/invalid-value',
  'schema/missing-field',
  'schema/out-of-range',
  'schema/unknown-field',
  'schema/unknown-table',
  'security/image-registry-not-allowed',
  'security/secret-path',
  'security/secret-value',
  'service/duplicate-id',
  'service/override-not-applied',
  'sla/availability-as-fraction',
  'sla/weaker-dependency',
  'toml/file-too-large',
  'toml/nesting-too-deep',
  'toml/syntax',
];

/**
 * The area of a finding code: what comes before its first `/` (`security` of
 * `security/secret-value`); a code without a `/` is its own area.
 *
 * @param code - a finding code
 * @public
 */
export function findingArea(code: string): string {
  const slash = code.indexOf('/');
  return slash < 0 ? code : code.slice(0, slash);
}

/**
 * The areas of {@link KNOWN_FINDING_CODES}, each with its `/` (`lifecycle/`, `security/`), sorted.
 *
 * @public
 */
export const KNOWN_FINDING_CODE_PREFIXES: readonly string[] = [
  ...new Set(KNOWN_FINDING_CODES.map(code => `${findingArea(code)}/`)),
].sort();
