/**
 * Test helper: a `policies/governance.toml` that names an approver list for each kind of change
 * (the seed's `[change_control]`).
 */
export const GOVERNANCE = [
  '[change_control]',
  'breaking_changes_require = ["@platform-team", "@security-team"]',
  'version_bumps_require = ["@maintainer"]',
  'config_changes_require = ["@ops-team"]',
].join('\n');
