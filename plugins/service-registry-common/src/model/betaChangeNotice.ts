/**
 * Days of notice the lifecycle gives a beta service's consumers before a breaking change (seed
 * 000: beta is "30-day notice for changes"), for a service whose `governance.break_changes_notice`
 * does not say, when the policies set no `[change_control] beta_change_notice_days`.
 *
 * @public
 */
export const DEFAULT_BETA_CHANGE_NOTICE_DAYS = 30;
